// A namespace row: its GameServer count, expanded by default.
import * as vscode from 'vscode';
import type { NamespaceNode } from './tree-index';

export function namespaceItem(node: NamespaceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.namespace || '(cluster)', vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = node.gameServerCount === 1 ? vscode.l10n.t('1 GameServer') : vscode.l10n.t('{0} GameServers', node.gameServerCount);
  item.iconPath = new vscode.ThemeIcon('symbol-namespace');
  item.contextValue = 'okg.namespace';
  return item;
}
