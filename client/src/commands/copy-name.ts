// Copy Name on a GameServer or set: one name per line when several rows are selected.
import * as vscode from 'vscode';
import type { ViewNode } from '../views/game-server-tree';

export function registerCopyName(): vscode.Disposable {
  return vscode.commands.registerCommand('okg.copyName', async (node?: ViewNode, selected?: ViewNode[]) => {
    const nodes = selected?.length ? selected : node ? [node] : [];
    const names = nodes.flatMap((n) => (n.kind === 'more' ? [] : n.kind === 'namespace' ? [n.namespace] : [n.name]));
    if (names.length === 0) return;
    await vscode.env.clipboard.writeText(names.join('\n'));
    vscode.window.setStatusBarMessage(names.length === 1 ? vscode.l10n.t('Copied {0}', names[0]) : vscode.l10n.t('Copied {0} names', names.length), 3000);
  });
}
