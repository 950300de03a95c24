// When VS Code hears of the tree's changed nodes. VS Code redraws the whole visible subtree of a
// refreshed node, and a redraw drops a tooltip that is waiting to show. So a changed GameServer
// row is refreshed alone (within 150 ms); children lists and collapsed rows at most once a
// second; the row of an open namespace (its count moves only when GameServers come, go or change
// matches) at most every 5 s; and the row of an open set, whose ready count moves with every
// status change, only with its children or when it is collapsed. No vscode import, so the
// benchmarks run it as the view does.
import { indexInParent, type GameServerNode, type NamespaceNode, type SetNode, type TreeDelta, type TreeNode } from './tree-index';

export interface MoreNode {
  kind: 'more';
  id: string;
  set: SetNode;
}

export type ViewNode = TreeNode | MoreNode;

/** GameServers listed under a set before a "Show more" row. */
export const PAGE_SIZE = 250;
/** Changed GameServer rows in open sets reach VS Code at most this often. */
export const OPEN_MS = 150;
/** Children lists, collapsed rows and the view message reach VS Code at most this often. */
export const COUNTS_MS = 1_000;
/** The rows of open namespaces (whose redraw takes their subtree) at most this often. */
export const OPEN_ROWS_MS = 5_000;

export interface RefreshTarget {
  /** Tells VS Code these nodes changed (undefined: the whole tree). */
  fire(nodes: ViewNode[] | undefined): void;
  /** Whether a node is still in the tree. */
  isShown(node: ViewNode): boolean;
  /** Called with every counts tick, after the nodes of that tick were fired. */
  tick(): void;
}

export class RefreshSchedule {
  /** Ids of nodes whose children VS Code holds (asked for, and not collapsed since). */
  readonly open = new Set<string>();
  private readonly pageLimits = new Map<string, number>();
  private readonly soon = new Set<ViewNode | undefined>();
  private readonly later = new Set<ViewNode | undefined>();
  /** Open namespace and set rows whose counts changed, by id. */
  private readonly deferred = new Map<string, ViewNode>();
  private soonTimer: NodeJS.Timeout | undefined;
  private laterTimer: NodeJS.Timeout | undefined;
  private deferredTimer: NodeJS.Timeout | undefined;

  constructor(private readonly target: RefreshTarget) {}

  limitOf(set: SetNode): number {
    return this.pageLimits.get(set.id) ?? PAGE_SIZE;
  }

  /** The children VS Code lists for a set: a page, and a "Show more" row when there are more. */
  page(set: SetNode): ViewNode[] {
    const limit = this.limitOf(set);
    if (set.children.length <= limit) return [...set.children];
    return [...set.children.slice(0, limit), { kind: 'more', id: `more/${set.id}`, set }];
  }

  showMore(set: SetNode): void {
    this.pageLimits.set(set.id, this.limitOf(set) + PAGE_SIZE);
    this.target.fire([set]);
  }

  /** Everything is new: forget pages and queued nodes. */
  reset(): void {
    this.pageLimits.clear();
    this.soon.clear();
    this.later.clear();
    this.deferred.clear();
  }

  /**
   * VS Code just asked for a node's children (it was expanded, or redrawn): what is queued for it
   * is now drawn, but for its own row, which waits as an open row does (a redraw now would drop the
   * tooltip the user is about to ask for).
   */
  opened(n: NamespaceNode | SetNode): void {
    this.open.add(n.id);
    if (!this.later.delete(n)) return;
    this.deferred.set(n.id, n);
    if (n.kind === 'namespace') this.deferredTimer ??= setTimeout(() => this.flushDeferred(), OPEN_ROWS_MS);
  }

  /** The user collapsed a node: its children are no longer drawn, so its row can catch up cheaply. */
  collapsed(id: string): void {
    this.open.delete(id);
    const n = this.deferred.get(id);
    if (!n) return;
    this.deferred.delete(id);
    this.later.add(n);
    this.laterTimer ??= setTimeout(() => this.flushLater(), COUNTS_MS);
  }

  add(delta: TreeDelta): void {
    for (const n of delta.children) {
      if (n === undefined) this.soon.add(n);
      else this.later.add(n);
    }
    for (const n of delta.items) {
      if (n.kind === 'gameServer') {
        if (this.open.has(n.parent.id) && this.onPage(n)) this.soon.add(n);
      } else if (this.open.has(n.id)) {
        this.deferred.set(n.id, n);
        if (n.kind === 'namespace') this.deferredTimer ??= setTimeout(() => this.flushDeferred(), OPEN_ROWS_MS);
      } else {
        this.later.add(n);
      }
    }
    if (this.soon.size) this.soonTimer ??= setTimeout(() => this.flushSoon(), OPEN_MS);
    this.laterTimer ??= setTimeout(() => this.flushLater(), COUNTS_MS);
  }

  private onPage(n: GameServerNode): boolean {
    const limit = this.limitOf(n.parent);
    return n.parent.children.length <= limit || indexInParent(n) < limit;
  }

  /** Redraws the whole tree soon (the view became ready: everything it shows is new). */
  refreshAll(): void {
    this.soon.add(undefined);
    this.soonTimer ??= setTimeout(() => this.flushSoon(), OPEN_MS);
  }

  private flushDeferred(): void {
    this.deferredTimer = undefined;
    const rows = new Set<ViewNode | undefined>();
    for (const [id, n] of this.deferred) {
      if (n.kind !== 'namespace') continue;
      rows.add(n);
      this.deferred.delete(id);
    }
    this.flush(rows);
  }

  private flushSoon(): void {
    this.soonTimer = undefined;
    this.flush(this.soon);
  }

  private flushLater(): void {
    this.laterTimer = undefined;
    this.flush(this.later);
    this.target.tick();
  }

  private flush(queue: Set<ViewNode | undefined>): void {
    if (queue.size === 0) return;
    if (queue.has(undefined)) {
      this.soon.clear();
      this.later.clear();
      this.deferred.clear();
      this.target.fire(undefined);
      return;
    }
    const nodes = [...queue].filter((n): n is ViewNode => n !== undefined && this.target.isShown(n));
    queue.clear();
    for (const n of nodes) this.deferred.delete(n.id);
    if (nodes.length) this.target.fire(nodes);
  }

  dispose(): void {
    clearTimeout(this.soonTimer);
    clearTimeout(this.laterTimer);
    clearTimeout(this.deferredTimer);
  }
}
