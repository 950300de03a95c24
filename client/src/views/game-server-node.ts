// A GameServer row: its name, then what sets it apart (gameServerDescription), icon by opsState
// and state; the Markdown tooltip is built only when the row is hovered (see the tree's
// resolveTreeItem), from the whole object.
import * as vscode from 'vscode';
import type { DeletionReason } from '../scale/deletion-reasons';
import { deletionTooltipLine, markDeletion } from '../scale/planned-row';
import { escapeMarkdown, gameServerDescription, gameServerIcon, gameServerTooltip } from './presentation';
import type { GameServerNode } from './tree-index';

/** `deletion`: the scale previewed now deletes this server, for this reason. */
export function gameServerItem(node: GameServerNode, deletion?: DeletionReason): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = gameServerDescription(node.object);
  const icon = gameServerIcon(node.object);
  item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
  item.contextValue = 'okg.gameServer';
  if (deletion) markDeletion(item, deletion);
  return item;
}

/** The tooltip of the whole object; without one (the cluster did not answer), what the row knows and why. */
export function gameServerTooltipText(node: GameServerNode, whole: unknown, missing?: string, deletion?: DeletionReason): string {
  const fields = gameServerTooltip(whole ?? node.object, node.name, node.namespace);
  const text = deletion ? `${deletionTooltipLine(deletion)}\n\n${fields}` : fields;
  return missing ? `${text}\n\n*${vscode.l10n.t('Addresses and conditions not shown: {0}', escapeMarkdown(missing))}*` : text;
}
