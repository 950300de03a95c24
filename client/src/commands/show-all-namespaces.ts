// Show All Namespaces: offered when the running filter also matches outside the namespaces shown.
import * as vscode from 'vscode';
import type { Deps } from './deps';

export function registerShowAllNamespaces(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.showAllNamespaces', async () => {
    const target = deps.session.target() ?? (await deps.session.resolveTarget());
    if (target) await deps.session.setTarget({ context: target.context, namespaces: 'all' });
  });
}
