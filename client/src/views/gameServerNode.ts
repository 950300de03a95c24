// A GameServer row: `STATE · OPSSTATE · DP/UP`, icon by opsState and state, a Markdown tooltip.
import * as vscode from 'vscode';
import { gameServerDescription, gameServerIcon, gameServerTooltip } from './presentation';
import type { GameServerNode } from './treeModel';

export function gameServerItem(node: GameServerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = gameServerDescription(node.object);
  item.tooltip = new vscode.MarkdownString(gameServerTooltip(node.object, node.name, node.namespace), true);
  const icon = gameServerIcon(node.object);
  item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.contextValue = 'okg.gameServer';
  return item;
}
