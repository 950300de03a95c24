// OKG: Show Log — the output channel where every request outcome is written.
import * as vscode from 'vscode';
import type { Deps } from './deps';

export function registerShowLog(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.showLog', () => deps.log.show(true));
}
