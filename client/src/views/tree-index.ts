// The GameServer tree (namespace → GameServerSet → GameServer), kept up to date change by change.
// Node objects are stable while they are shown, children stay sorted by binary insertion, and
// counts are numbers adjusted per change, so a batch costs what it changes, never what the
// cluster holds. Pure: game-server-tree.ts decides when VS Code hears of the nodes reported changed.
import { nameOf, namespaceOf, ownerSetOf, type KubeObject } from './object-fields';

export type FilterKind = 'GameServer' | 'GameServerSet';

export interface TreeFilter {
  kind: FilterKind;
  matches(obj: unknown): boolean;
}

export interface GameServerNode {
  kind: 'gameServer';
  id: string;
  namespace: string;
  name: string;
  object: KubeObject;
  parent: SetNode;
}

export interface SetNode {
  kind: 'set';
  id: string;
  namespace: string;
  name: string;
  /** Undefined for the group of GameServers whose set is not in the cache. */
  object: KubeObject | undefined;
  /** Sorted by name (numeric ordinals); under a GameServer filter only the matches. */
  children: GameServerNode[];
  parent: NamespaceNode;
  shown: boolean;
}

export interface NamespaceNode {
  kind: 'namespace';
  id: string;
  namespace: string;
  /** The shown sets, sorted by name, the catch-all group last. */
  children: SetNode[];
  /** GameServers under the shown sets. */
  gameServerCount: number;
  shown: boolean;
}

export type TreeNode = NamespaceNode | SetNode | GameServerNode;

/** What a batch changed: nodes whose row changed, and nodes whose children changed (undefined: the root). */
export interface TreeDelta {
  items: Set<TreeNode>;
  children: Set<NamespaceNode | SetNode | undefined>;
}

export interface ObjectChange {
  added: readonly string[];
  modified: readonly string[];
  deleted: readonly string[];
}

/** Label of the group holding GameServers whose owner set is absent. */
export const NO_SET = '(no GameServerSet)';

export const byName = new Intl.Collator('en', { numeric: true }).compare;

export const gameServerId = (ns: string, name: string): string => `gs/${ns}/${name}`;
const setId = (ns: string, name: string): string => `gss/${ns}/${name}`;
const namespaceId = (ns: string): string => `ns/${ns}`;
const keyOf = (o: unknown): string => `${namespaceOf(o)}/${nameOf(o)}`;

/** Index of the item `order` puts at 0 in a sorted list, or where it would go (as -(i+1)). */
function search<T>(list: readonly T[], order: (item: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = order(list[mid]!);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return mid;
  }
  return -(lo + 1);
}

const byGameServer = (name: string) => (n: GameServerNode) => byName(n.name, name);
/** Sets by name, the catch-all group after every named set. */
const bySet = (set: SetNode) => (n: SetNode) => Number(n.object === undefined) - Number(set.object === undefined) || byName(n.name, set.name);
const byNamespace = (ns: string) => (n: NamespaceNode) => byName(n.namespace, ns);

/**
 * A GameServer node. Its id is computed when asked (VS Code asks only for rows it draws), so tens
 * of thousands of nodes do not each hold one more string.
 */
class GameServerRow implements GameServerNode {
  readonly kind = 'gameServer' as const;
  constructor(
    readonly namespace: string,
    readonly name: string,
    public object: KubeObject,
    public parent: SetNode,
  ) {}

  get id(): string {
    return gameServerId(this.namespace, this.name);
  }
}

/** Position of a GameServer row among its set's children. */
export function indexInParent(n: GameServerNode): number {
  return search(n.parent.children, byGameServer(n.name));
}

export class TreeIndex {
  private readonly namespaces = new Map<string, NamespaceNode>();
  private roots_: NamespaceNode[] = [];
  /** Set nodes by id (only sets in the cache). */
  private readonly sets = new Map<string, SetNode>();
  /** Catch-all set nodes by namespace. */
  private readonly orphans = new Map<string, SetNode>();
  /** Every GameServer's group (the id of the set its owner label names), by key. */
  private readonly groupOf = new Map<string, string>();
  private readonly groupIds = new Map<string, string>();
  /** The keys of each group's GameServers, shown or not. */
  private readonly groups = new Map<string, Set<string>>();
  /** GameServer nodes in the tree (each found through its group's set node, by name). */
  private shownCount = 0;
  private readonly setMatches = new Set<string>();
  private delta: TreeDelta = { items: new Set(), children: new Set() };

  constructor(readonly filter?: TreeFilter) {}

  get roots(): readonly NamespaceNode[] {
    return this.roots_;
  }

  /** Objects of the filter's kind that match (every GameServer without a filter). */
  get matchCount(): number {
    if (this.filter?.kind === 'GameServerSet') return this.setMatches.size;
    return this.filter ? this.shownCount : this.groupOf.size;
  }

  /** Objects of the filter's kind. */
  get totalCount(): number {
    return this.filter?.kind === 'GameServerSet' ? this.sets.size : this.groupOf.size;
  }

  gameServer(key: string): GameServerNode | undefined {
    return this.nodeOf(key);
  }

  /** The GameServers shown, in display order (walks the tree: for tests and the test API). */
  gameServers(): GameServerNode[] {
    return this.roots_.flatMap((ns) => ns.children.flatMap((s) => s.children));
  }

  /** Loads everything; reports the root as changed. */
  reset(gameServers: Iterable<KubeObject>, gameServerSets: Iterable<KubeObject>): TreeDelta {
    for (const o of gameServerSets) this.upsertSet(o);
    for (const o of gameServers) this.upsertGameServer(keyOf(o), o);
    this.delta = { items: new Set(), children: new Set([undefined]) };
    return this.take();
  }

  /** Applies one batch of changes of `kind`; `get` reads the current object of a key. */
  apply(kind: FilterKind, change: ObjectChange, get: (key: string) => KubeObject | undefined): TreeDelta {
    for (const key of [...change.added, ...change.modified]) {
      const o = get(key);
      if (!o) continue;
      if (kind === 'GameServer') this.upsertGameServer(key, o);
      else this.upsertSet(o);
    }
    for (const key of change.deleted) {
      if (kind === 'GameServer') this.removeGameServer(key);
      else this.removeSet(key);
    }
    return this.take();
  }

  private take(): TreeDelta {
    const d = this.delta;
    this.delta = { items: new Set(), children: new Set() };
    for (const n of d.items) if (!this.isShown(n)) d.items.delete(n);
    for (const n of d.children) if (n && !this.isShown(n)) d.children.delete(n);
    return d;
  }

  /** Whether the node is in the tree now (nodes of rows that went away are not). */
  isShown(n: TreeNode): boolean {
    if (n.kind === 'gameServer') return n.parent.children[indexInParent(n)] === n && this.isShown(n.parent);
    return n.shown && (n.kind === 'namespace' || n.parent.shown);
  }

  // GameServers

  private upsertGameServer(key: string, obj: KubeObject): void {
    const ns = namespaceOf(obj);
    const group = this.internedGroup(setId(ns, ownerSetOf(obj)));
    const before = this.groupOf.get(key);
    if (before !== group) {
      if (before !== undefined) this.removeGameServer(key);
      this.groupOf.set(key, group);
      let keys = this.groups.get(group);
      if (!keys) this.groups.set(group, (keys = new Set()));
      keys.add(key);
    }
    const show = this.filter?.kind !== 'GameServer' || this.filter.matches(obj);
    const node = this.nodeOf(key);
    if (node && show) {
      node.object = obj;
      this.delta.items.add(node);
    } else if (node) {
      this.unplace(node);
    } else if (show) {
      this.place(obj, this.parentFor(group, ns));
    }
  }

  private removeGameServer(key: string): void {
    const group = this.groupOf.get(key);
    if (group === undefined) return;
    this.groupOf.delete(key);
    const keys = this.groups.get(group)!;
    keys.delete(key);
    if (keys.size === 0) this.groups.delete(group);
    const node = this.nodeOf(key, group);
    if (node) this.unplace(node);
  }

  /** The set node of a group: its set's, or the namespace's catch-all. */
  private parentFor(group: string, namespace: string): SetNode {
    const set = this.sets.get(group);
    if (set) return set;
    let orphans = this.orphans.get(namespace);
    if (!orphans) {
      orphans = this.newSetNode(setId(namespace, NO_SET), namespace, NO_SET, undefined);
      this.orphans.set(namespace, orphans);
    }
    return orphans;
  }

  /** One string per group id, so each GameServer does not hold its own copy (groups are few). */
  private internedGroup(id: string): string {
    let held = this.groupIds.get(id);
    if (held === undefined) this.groupIds.set(id, (held = id));
    return held;
  }

  /** The node of a key, found in the set node its group shows under (by binary search). */
  private nodeOf(key: string, group = this.groupOf.get(key)): GameServerNode | undefined {
    if (group === undefined) return undefined;
    const parent = this.sets.get(group) ?? this.orphans.get(key.slice(0, key.indexOf('/')));
    return parent && this.childOf(parent, key);
  }

  private childOf(parent: SetNode, key: string): GameServerNode | undefined {
    const at = search(parent.children, byGameServer(key.slice(key.indexOf('/') + 1)));
    return at >= 0 ? parent.children[at] : undefined;
  }

  private place(obj: KubeObject, parent: SetNode): void {
    const name = nameOf(obj);
    const node: GameServerNode = new GameServerRow(parent.namespace, name, obj, parent);
    const at = search(parent.children, byGameServer(name));
    parent.children.splice(at < 0 ? -at - 1 : at, at < 0 ? 0 : 1, node);
    this.shownCount++;
    this.childrenChanged(parent, +1);
  }

  private unplace(node: GameServerNode): void {
    const parent = node.parent;
    const at = search(parent.children, byGameServer(node.name));
    if (at >= 0) parent.children.splice(at, 1);
    this.shownCount--;
    this.childrenChanged(parent, -1);
  }

  private childrenChanged(set: SetNode, by: number): void {
    this.delta.children.add(set);
    if (set.shown) {
      set.parent.gameServerCount += by;
      this.delta.items.add(set.parent);
    }
    this.updateShown(set);
  }

  // GameServerSets

  private upsertSet(obj: KubeObject): void {
    const ns = namespaceOf(obj);
    const id = setId(ns, nameOf(obj));
    if (this.filter?.kind === 'GameServerSet') {
      if (this.filter.matches(obj)) this.setMatches.add(id);
      else this.setMatches.delete(id);
    }
    const existing = this.sets.get(id);
    if (existing) {
      existing.object = obj;
      this.delta.items.add(existing);
      this.updateShown(existing);
      return;
    }
    const set = this.newSetNode(id, ns, nameOf(obj), obj);
    this.sets.set(id, set);
    this.moveGroup(id, this.orphans.get(ns), set);
    this.updateShown(set);
  }

  private removeSet(key: string): void {
    const id = `gss/${key}`;
    const set = this.sets.get(id);
    if (!set) return;
    this.sets.delete(id);
    this.setMatches.delete(id);
    this.moveGroup(id, set, this.parentFor(id, set.namespace));
    this.updateShown(set);
  }

  /** Moves the shown GameServers of group `id` between set nodes (a set appeared or went away). */
  private moveGroup(id: string, from: SetNode | undefined, to: SetNode): void {
    const keys = this.groups.get(id);
    if (!keys || !from) return;
    for (const key of keys) {
      const node = this.childOf(from, key);
      if (!node) continue;
      this.unplace(node);
      this.place(node.object, to);
    }
  }

  private newSetNode(id: string, namespace: string, name: string, object: KubeObject | undefined): SetNode {
    return { kind: 'set', id, namespace, name, object, children: [], parent: this.namespaceFor(namespace), shown: false };
  }

  private namespaceFor(namespace: string): NamespaceNode {
    let n = this.namespaces.get(namespace);
    if (!n) {
      n = { kind: 'namespace', id: namespaceId(namespace), namespace, children: [], gameServerCount: 0, shown: false };
      this.namespaces.set(namespace, n);
    }
    return n;
  }

  /** Whether a set row belongs in the tree under the filter in force. */
  private wantsShown(set: SetNode): boolean {
    if (set.object === undefined) return this.filter?.kind !== 'GameServerSet' && set.children.length > 0;
    if (this.filter?.kind === 'GameServerSet') return this.setMatches.has(set.id);
    // Under a GameServer filter a set without matches is noise; without a filter an empty set is news.
    return this.filter ? set.children.length > 0 : true;
  }

  private updateShown(set: SetNode): void {
    const want = this.sets.get(set.id) === set || set.object === undefined ? this.wantsShown(set) : false;
    if (want === set.shown) return;
    set.shown = want;
    const ns = set.parent;
    const at = search(ns.children, bySet(set));
    if (want) ns.children.splice(-at - 1, 0, set);
    else if (at >= 0) ns.children.splice(at, 1);
    ns.gameServerCount += want ? set.children.length : -set.children.length;
    this.delta.children.add(ns);
    this.delta.items.add(ns);
    const nsWant = ns.children.length > 0;
    if (nsWant === ns.shown) return;
    ns.shown = nsWant;
    const nsAt = search(this.roots_, byNamespace(ns.namespace));
    if (nsWant) this.roots_.splice(-nsAt - 1, 0, ns);
    else if (nsAt >= 0) this.roots_.splice(nsAt, 1);
    this.delta.children.add(undefined);
  }
}
