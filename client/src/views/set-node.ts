// A GameServerSet row: current/ready/desired replicas, and the matches under a filter; its
// Markdown tooltip is built only when the row is hovered.
import * as vscode from 'vscode';
import { markScale } from '../scale/planned-row';
import { setDescription, setIcon, setTooltip } from './presentation';
import type { SetNode } from './tree-index';

/** `scalingTo`: a scale of this set to that many replicas is being previewed. */
export function setItem(node: SetNode, filtered: boolean, scalingTo?: number): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  if (!node.object) {
    item.description = `${node.children.length}`;
    item.tooltip = vscode.l10n.t('GameServers whose GameServerSet is not in the chosen namespaces');
    item.iconPath = new vscode.ThemeIcon('question');
    item.contextValue = 'okg.orphans';
    return item;
  }
  item.description = setDescription(node.object, filtered ? node.children.length : undefined);
  const icon = setIcon(node.object);
  item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.contextValue = 'okg.gameServerSet';
  if (scalingTo !== undefined) markScale(item, scalingTo);
  return item;
}

export function setTooltipText(node: SetNode): string {
  return node.object ? setTooltip(node.object, node.name, node.namespace) : '';
}
