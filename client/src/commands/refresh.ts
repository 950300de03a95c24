// OKG: Refresh GameServers — reloads the kubeconfig and lists everything again.
import * as vscode from 'vscode';
import type { Deps } from './deps';

export function registerRefresh(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.refresh', () => deps.session.restart());
}
