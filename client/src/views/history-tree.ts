// The History view: the journal's entries, newest first, each with its objects and their
// outcomes. It redraws when an entry is added (at most one per apply), never per cluster change.
import * as vscode from 'vscode';
import type { JournalEntry, RecordedObject } from '../journal/entry';
import { entryLabel, outcomeWords } from '../journal/entry-words';
import type { Journal } from '../journal/journal';

/** Objects listed under an entry; a 10,000-object apply shows these and a count of the rest. */
const LISTED = 500;

export type HistoryNode =
  | { type: 'entry'; entry: JournalEntry }
  | { type: 'object'; entry: JournalEntry; object: RecordedObject }
  | { type: 'rest'; entry: JournalEntry; count: number };

const OUTCOME_ICONS: Record<RecordedObject['outcome'], [string, string | undefined]> = {
  changed: ['check', 'testing.iconPassed'],
  'changed-since-preview': ['warning', 'list.warningForeground'],
  'may-have-been-applied': ['question', 'list.warningForeground'],
  failed: ['error', 'list.errorForeground'],
  cancelled: ['circle-slash', undefined],
};

function entryTooltip(e: JournalEntry): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(vscode.l10n.t('{0} in context {1}, namespaces {2}', e.what, e.context, e.namespaces.join(', ') || '-'));
  if (e.filter !== undefined) md.appendMarkdown(`\n\n${vscode.l10n.t('Filter:')}`).appendCodeblock(e.filter, 'json');
  md.appendMarkdown(`\n\n${vscode.l10n.t('Patch:')}`).appendCodeblock(JSON.stringify(e.patch, null, 2), 'json');
  return md;
}

function entryItem(e: JournalEntry): vscode.TreeItem {
  const item = new vscode.TreeItem(entryLabel(e), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = e.id;
  item.description = e.context;
  item.tooltip = entryTooltip(e);
  item.iconPath = new vscode.ThemeIcon('history');
  item.contextValue = 'okg.historyEntry';
  return item;
}

function objectItem(e: JournalEntry, o: RecordedObject): vscode.TreeItem {
  const item = new vscode.TreeItem(`${o.namespace}/${o.name}`, vscode.TreeItemCollapsibleState.None);
  item.id = `${e.id}/${o.namespace}/${o.name}`;
  item.description = outcomeWords(o.outcome);
  item.tooltip = o.error ?? (o.changes ?? []).map((c) => c.path).join('\n');
  const [icon, color] = OUTCOME_ICONS[o.outcome];
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = 'okg.historyObject';
  return item;
}

export class HistoryTree implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly journal: Journal) {
    this.subscription = journal.onDidChange(() => this.changed.fire());
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.type === 'entry') return entryItem(node.entry);
    if (node.type === 'object') return objectItem(node.entry, node.object);
    const item = new vscode.TreeItem(vscode.l10n.t('{0} more objects', node.count), vscode.TreeItemCollapsibleState.None);
    item.id = `${node.entry.id}/rest`;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    return item;
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (!node) return this.journal.entries().map((entry) => ({ type: 'entry', entry }));
    if (node.type !== 'entry') return [];
    const { entry } = node;
    const listed: HistoryNode[] = entry.objects.slice(0, LISTED).map((object) => ({ type: 'object', entry, object }));
    const rest = entry.objects.length - LISTED;
    return rest > 0 ? [...listed, { type: 'rest', entry, count: rest }] : listed;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
