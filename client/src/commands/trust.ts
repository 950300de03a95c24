// The runtime half of workspace trust: menus hide cluster-changing commands in untrusted
// workspaces, and these commands refuse when called another way (keybinding, another extension).
import * as vscode from 'vscode';

export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('{0} changes the cluster, which needs a trusted workspace.', action), manage)
    .then((c) => c === manage && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
