// A GameServer row: `STATE · OPSSTATE · DP/UP`, icon by opsState and state; the Markdown tooltip
// is built only when the row is hovered (see the tree's resolveTreeItem).
import * as vscode from 'vscode';
import { gameServerDescription, gameServerIcon, gameServerTooltip } from './presentation';
import type { GameServerNode } from './treeIndex';

export function gameServerItem(node: GameServerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = gameServerDescription(node.object);
  const icon = gameServerIcon(node.object);
  item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.contextValue = 'okg.gameServer';
  return item;
}

export function gameServerTooltipText(node: GameServerNode): string {
  return gameServerTooltip(node.object, node.name, node.namespace);
}
