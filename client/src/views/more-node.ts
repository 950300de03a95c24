// The last row of a set with more GameServers than a page: how many are not listed yet, and a
// click lists the next page (expanding a set of thousands stays as cheap as a set of hundreds).
import * as vscode from 'vscode';
import type { MoreNode } from './refresh-schedule';

export function moreItem(node: MoreNode, listed: number): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Show more'), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = vscode.l10n.t('{0} of {1} listed', listed.toLocaleString('en'), node.set.children.length.toLocaleString('en'));
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'okg.more';
  item.command = { command: 'okg.showMore', title: vscode.l10n.t('Show More'), arguments: [node] };
  return item;
}
