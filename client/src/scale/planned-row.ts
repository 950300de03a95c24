// The rows a marked scale adds to the GameServers view: "will be created: <name>" under the set,
// and the mark on each GameServer it deletes (icon, description prefix, tooltip line).
import * as vscode from 'vscode';
import { escapeMarkdown } from '../views/presentation';
import type { SetNode } from '../views/tree-index';
import { reasonSentence, reasonShort, type DeletionReason } from './deletion-reasons';

export interface PlannedNode {
  kind: 'planned';
  id: string;
  name: string;
  set: SetNode;
}

export function plannedNodes(set: SetNode, names: readonly string[]): PlannedNode[] {
  return names.map((name) => ({ kind: 'planned', id: `planned/${set.id}/${name}`, name, set }));
}

export function plannedItem(node: PlannedNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('will be created: {0}', node.name), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('add', new vscode.ThemeColor('charts.green'));
  item.tooltip = vscode.l10n.t('OKG creates {0} with the default spec when the scale previewed now is applied.', node.name);
  item.contextValue = 'okg.plannedGameServer';
  return item;
}

/** Marks a GameServer row the previewed scale deletes. */
export function markDeletion(item: vscode.TreeItem, reason: DeletionReason): void {
  const rest = typeof item.description === 'string' && item.description !== '' ? ` · ${item.description}` : '';
  item.description = `${vscode.l10n.t('will be deleted ({0})', reasonShort(reason))}${rest}`;
  item.iconPath = new vscode.ThemeIcon('trash', new vscode.ThemeColor('errorForeground'));
}

/** The tooltip line of a marked row, before the usual fields. */
export function deletionTooltipLine(reason: DeletionReason): string {
  return `**${escapeMarkdown(reasonSentence(reason))}**`;
}

/** The set row while its scale is previewed: where it goes. */
export function markScale(item: vscode.TreeItem, replicas: number): void {
  item.description = `${vscode.l10n.t('scaling to {0}', replicas)} · ${String(item.description ?? '')}`;
}
