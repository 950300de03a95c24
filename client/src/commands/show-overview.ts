// Show Fleet Overview: counts of the shown GameServers by state, opsState and network state, as bars.
import * as vscode from 'vscode';
import type { Deps } from './deps';

export function registerShowOverview(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.showOverview', () => deps.overview.show());
}
