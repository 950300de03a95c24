// The GameServers view: renders the TreeIndex, which the session's change batches keep current.
// VS Code hears only of the nodes that changed, when refresh-schedule.ts says. Large sets show a
// page of GameServers and a "Show more" row; tooltips are built only when a row is hovered.
import * as vscode from 'vscode';
import { kindPlural } from '../commands/resource-kind';
import { plannedItem, plannedNodes, type PlannedNode } from '../scale/planned-row';
import { ScaleMarks, type MarksChange } from '../scale/scale-marks';
import type { ClusterSession, SessionChange } from '../session/cluster-session';
import { freshnessLabel } from '../session/freshness';
import { targetLabel } from '../session/target-label';
import { viewStateForContent, type ViewState } from '../session/view-state';
import { gameServerItem, gameServerTooltipText } from './game-server-node';
import { moreItem } from './more-node';
import { namespaceItem } from './namespace-node';
import { setItem, setTooltipText } from './set-node';
import { RefreshSchedule, type MoreNode, type ViewNode as ScheduledNode } from './refresh-schedule';
import { TreeIndex, type GameServerNode, type SetNode, type TreeFilter } from './tree-index';

export interface ActiveFilter extends TreeFilter {
  uri: vscode.Uri;
  /** What the view title says, e.g. the file name. */
  label: string;
  /** The filter selects every object. */
  isEmpty: boolean;
}

/** The rows of the view: the index's and "Show more" rows, and the "will be created" rows of a scale preview. */
export type ViewNode = ScheduledNode | PlannedNode;

/** How long a hovered row waits for its whole object before showing what the cache holds. */
const TOOLTIP_READ_MS = 1_500;

/** Counts as the view last showed them; the CodeLens of the running filter shows the same. */
export interface ShownCounts {
  matches: number;
  total: number;
  /** Matches in namespaces the view does not show, when known. */
  outside: number | undefined;
}

export class GameServerTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private index = new TreeIndex();
  private filter_: ActiveFilter | undefined;
  private outside: number | undefined;
  private readonly schedule: RefreshSchedule;
  private shown: ShownCounts = { matches: 0, total: 0, outside: undefined };
  private context: ViewState | undefined;
  private wasReady = false;
  private readonly changed = new vscode.EventEmitter<ViewNode | ViewNode[] | undefined>();
  private readonly countsShown = new vscode.EventEmitter<ShownCounts>();
  private readonly filterChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidChangeFilter = this.filterChanged.event;
  /** The counts in the view message changed. */
  readonly onDidShowCounts = this.countsShown.event;
  readonly view: vscode.TreeView<ViewNode>;
  /** The rows a scale preview marks while it awaits its decision (client/src/scale). */
  readonly scaleMarks = new ScaleMarks();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: ClusterSession) {
    this.schedule = new RefreshSchedule({
      fire: (nodes) => this.changed.fire(nodes),
      isShown: (n) => this.index.isShown(n.kind === 'more' ? n.set : n),
      tick: () => this.showCounts(),
    });
    this.view = vscode.window.createTreeView('okg.gameServers', { treeDataProvider: this, showCollapseAll: true, canSelectMany: true });
    this.disposables.push(
      this.view,
      this.changed,
      this.countsShown,
      this.filterChanged,
      session.onDidChange((c) => this.onChange(c)),
      session.onDidChangeState(() => {
        // Loaded: the rows drawn while the lists arrived all catch up at once.
        if (session.state === 'ready' && this.wasReady === false) this.schedule.refreshAll();
        this.wasReady = session.state === 'ready';
        this.showCounts();
      }),
      this.view.onDidExpandElement((e) => this.schedule.open.add(e.element.id)),
      this.view.onDidCollapseElement((e) => this.schedule.collapsed(e.element.id)),
      // The view being shown is one of the two things allowed to touch the cluster.
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void session.start();
      }),
    );
    if (this.view.visible) void session.start();
    this.scaleMarks.onDidChange((c) => this.redrawMarks(c));
    this.rebuild();
  }

  get filter(): ActiveFilter | undefined {
    return this.filter_;
  }

  setFilter(filter: ActiveFilter | undefined): void {
    this.filter_ = filter;
    this.outside = undefined;
    void vscode.commands.executeCommand('setContext', 'okg.filterActive', filter !== undefined);
    this.rebuild();
    this.filterChanged.fire();
  }

  /** Matches of the running filter in namespaces the view does not show (undefined: unknown). */
  setOutsideMatches(count: number | undefined): void {
    if (count === this.outside) return;
    this.outside = count;
    this.showCounts();
  }

  /** The GameServer nodes the index holds now, in display order (pages included). */
  visibleGameServers(): GameServerNode[] {
    return this.index.gameServers();
  }

  get matchCount(): number {
    return this.index.matchCount;
  }

  get counts(): ShownCounts {
    return this.shown;
  }

  /** Lists the next page of GameServers under the set of a "Show more" row. */
  showMore(node: MoreNode): void {
    this.schedule.showMore(node.set);
  }

  /** The set's row, when the view shows it. */
  private setNode(id: string): SetNode | undefined {
    const namespace = this.index.roots.find((ns) => id.startsWith(`gss/${ns.namespace}/`));
    return namespace?.children.find((s) => s.id === id);
  }

  /** Only the rows whose marks came or went: the set's (its "will be created" rows) and each marked GameServer's. */
  private redrawMarks(change: MarksChange): void {
    const nodes: ViewNode[] = [];
    for (const id of change.sets) {
      const set = this.setNode(id);
      if (set && this.index.isShown(set)) nodes.push(set);
    }
    for (const id of change.gameServers) {
      const node = this.index.gameServer(id.slice('gs/'.length));
      if (node && this.index.isShown(node)) nodes.push(node);
    }
    if (nodes.length) this.changed.fire(nodes);
  }

  /** Opens the set's row so its marks show (only when the view is visible: revealing would open it). */
  revealSet(namespace: string, name: string): void {
    const set = this.setNode(`gss/${namespace}/${name}`);
    if (set && this.view.visible) void Promise.resolve(this.view.reveal(set, { expand: true, select: false, focus: false })).catch(() => undefined);
  }

  /** The rows listed under a set (its first page) as they render now, or undefined when the view has no such set. For the test API. */
  rowsUnder(namespace: string, name: string): vscode.TreeItem[] | undefined {
    const set = this.setNode(`gss/${namespace}/${name}`);
    if (!set) return undefined;
    return [...plannedNodes(set, this.scaleMarks.creationsOf(set.id)), ...this.schedule.page(set)].map((n) => this.getTreeItem(n));
  }

  private rebuild(): void {
    this.index = new TreeIndex(this.filter_);
    this.index.reset(this.session.objects('GameServer'), this.session.objects('GameServerSet'));
    this.schedule.reset();
    this.changed.fire(undefined);
    this.showCounts();
  }

  private onChange(c: SessionChange): void {
    if (c.reset) {
      // One reset per kind arrives on (re)connect; the second finds the first's rebuild current.
      if (c.kind === 'GameServer') this.rebuild();
      return;
    }
    this.schedule.add(this.index.apply(c.kind, c, (key) => this.session.getByKey(c.kind, key)));
  }

  /** The view message, title description, welcome state and the counts others mirror. */
  private showCounts(): void {
    const counts: ShownCounts = { matches: this.index.matchCount, total: this.index.totalCount, outside: this.outside };
    const state = this.session.state === 'ready' ? viewStateForContent(counts.total, counts.matches, !!this.filter_) : this.session.state;
    if (state !== this.context) {
      this.context = state;
      void vscode.commands.executeCommand('setContext', 'okg.clusterState', state);
    }
    if (counts.outside !== this.shown.outside) void vscode.commands.executeCommand('setContext', 'okg.outsideMatches', (counts.outside ?? 0) > 0);
    const target = this.session.target();
    const freshness = this.session.freshness;
    const description = target ? `${targetLabel(target)}${freshness.live ? '' : vscode.l10n.t(' · stale')}` : undefined;
    // Each assignment is a message to the window: only when the text changed (this runs every second).
    if (description !== this.view.description) this.view.description = description;
    const parts = [freshness.live ? undefined : freshnessLabel(freshness), this.filterMessage(counts)].filter((p) => p !== undefined);
    const message = parts.length ? parts.join(' · ') : undefined;
    if (message !== this.view.message) this.view.message = message;
    const prev = this.shown;
    this.shown = counts;
    if (prev.matches !== counts.matches || prev.total !== counts.total || prev.outside !== counts.outside) this.countsShown.fire(counts);
  }

  private filterMessage(counts: ShownCounts): string | undefined {
    const f = this.filter_;
    // A message would hide the welcome content that explains an error state; the exact error
    // is in the log and the status bar tooltip.
    if (!f || this.session.state !== 'ready') return undefined;
    const noun = kindPlural(f.kind, 2);
    const outside = counts.outside ? vscode.l10n.t(' · {0} more in other namespaces', counts.outside) : '';
    const empty = f.isEmpty ? vscode.l10n.t(' (empty filter: every object)') : '';
    return `${vscode.l10n.t('Filter {0}: {1} of {2} {3} match', f.label, counts.matches, counts.total, noun)}${empty}${outside}`;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'namespace':
        return namespaceItem(node);
      case 'set':
        return setItem(node, this.filter_?.kind === 'GameServer', this.scaleMarks.scaleOf(node.id)?.replicas);
      case 'gameServer':
        return gameServerItem(node, this.scaleMarks.deletionOf(node.id));
      case 'more':
        return moreItem(node, this.schedule.limitOf(node.set));
      case 'planned':
        return plannedItem(node);
    }
  }

  /**
   * Tooltips are built only for the row the pointer rests on. A GameServer's is read from the whole
   * object (the cache keeps only what rows and filters need), within TOOLTIP_READ_MS.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: ViewNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind === 'gameServer') {
      const ac = new AbortController();
      const sub = token.onCancellationRequested(() => ac.abort());
      const timer = setTimeout(() => ac.abort(), TOOLTIP_READ_MS);
      try {
        const whole = await this.session.fetch('GameServer', node.namespace, node.name, ac.signal);
        item.tooltip = new vscode.MarkdownString(gameServerTooltipText(node, whole, undefined, this.scaleMarks.deletionOf(node.id)), true);
      } catch (e) {
        item.tooltip = new vscode.MarkdownString(
          gameServerTooltipText(
            node,
            undefined,
            ac.signal.aborted ? vscode.l10n.t('the cluster did not answer in time') : (e as Error).message,
            this.scaleMarks.deletionOf(node.id),
          ),
          true,
        );
      } finally {
        clearTimeout(timer);
        sub.dispose();
      }
    } else if (node.kind === 'set' && node.object) {
      item.tooltip = new vscode.MarkdownString(setTooltipText(node), true);
    }
    return item;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    if (!node) return [...this.index.roots];
    if (node.kind === 'gameServer' || node.kind === 'more' || node.kind === 'planned') return [];
    this.schedule.opened(node);
    if (node.kind === 'namespace') return [...node.children];
    return [...plannedNodes(node, this.scaleMarks.creationsOf(node.id)), ...this.schedule.page(node)];
  }

  getParent(node: ViewNode): ViewNode | undefined {
    switch (node.kind) {
      case 'namespace':
        return undefined;
      case 'more':
      case 'planned':
        return node.set;
      default:
        return node.parent;
    }
  }

  dispose(): void {
    this.schedule.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
