// The runtime half of workspace trust: menus hide cluster-changing commands in untrusted
// workspaces, and these commands refuse when called another way (keybinding, another extension).
import * as vscode from 'vscode';

export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showErrorMessage(`${action} changes the cluster, which needs a trusted workspace.`, 'Manage Workspace Trust').then(
    (c) => c && vscode.commands.executeCommand('workbench.trust.manage'),
  );
  return false;
}
