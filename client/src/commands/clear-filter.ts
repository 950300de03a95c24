// OKG: Clear Filter — the view shows every GameServer again.
import * as vscode from 'vscode';
import type { Deps } from './deps';

export function registerClearFilter(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.clearFilter', () => deps.tree.setFilter(undefined));
}
