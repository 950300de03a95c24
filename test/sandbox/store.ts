// The objects, one resourceVersion counter for all of them, and the event history watches replay.
// Stored objects are never changed in place (a write stores a new object), so reads hand out the
// stored ones without copying; indexes keep every per-change step small at 50,000 objects.
import { randomUUID } from 'node:crypto';
import { OrderedKeys } from './ordered-keys';
import { RandomPick } from './random-pick';

export type Kind = 'GameServer' | 'GameServerSet';
export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoredEvent {
  type: EventType;
  kind: Kind;
  rv: number;
  object: any;
  /** The object before a MODIFIED, so a filtered watch can tell "left the selection" apart. */
  previous?: any;
}

export type Listener = (ev: StoredEvent) => void;

export const nowTimestamp = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A non-trivial start, so clients never mistake "1" for a special value; every event comes after it. */
export const INITIAL_RESOURCE_VERSION = 1000;

export const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`;
const objectKey = (o: any): string => keyOf(o.metadata.namespace, o.metadata.name);

/**
 * The generation of `next`, the new version of `previous`. For a custom resource with a status
 * subresource (OKG's kinds) the API server bumps it on a change to anything but metadata and
 * status: spec changes count; label, annotation, finalizer and status changes do not.
 */
export function nextGeneration(previous: any, next: any): number {
  const parts = new Set([...Object.keys(previous), ...Object.keys(next)].filter((k) => k !== 'metadata' && k !== 'status'));
  // Unchanged parts are usually shared with the stored version (never changed in place): a
  // reference check settles most of them without serializing.
  const changed = [...parts].some((k) => previous[k] !== next[k] && JSON.stringify(previous[k]) !== JSON.stringify(next[k]));
  return (previous.metadata.generation ?? 1) + (changed ? 1 : 0);
}

/** The objects of one kind and their indexes: by key, in key order (overall and per namespace), by owner, and for a random draw. */
class KindIndex {
  readonly byKey = new Map<string, any>();
  readonly all = new OrderedKeys();
  readonly pick = new RandomPick();
  private readonly byNamespace = new Map<string, OrderedKeys>();
  private readonly byOwner = new Map<string, OrderedKeys>();

  constructor(private readonly ownerLabel: string) {}

  namespace(ns: string): OrderedKeys | undefined {
    return this.byNamespace.get(ns);
  }

  owned(ns: string, owner: string): OrderedKeys | undefined {
    return this.byOwner.get(keyOf(ns, owner));
  }

  /** Stores `o` under its key, replacing (and unindexing) the version before it. */
  put(o: any): void {
    const k = objectKey(o);
    const previous = this.byKey.get(k);
    this.byKey.set(k, o);
    if (!previous) {
      this.all.add(k);
      this.pick.add(k);
      this.group(this.byNamespace, o.metadata.namespace).add(k);
    }
    const owner = this.ownerOf(o);
    const before = previous && this.ownerOf(previous);
    if (before === owner) return;
    if (before !== undefined) this.ungroup(this.byOwner, keyOf(o.metadata.namespace, before), k);
    if (owner !== undefined) this.group(this.byOwner, keyOf(o.metadata.namespace, owner)).add(k);
  }

  remove(o: any): void {
    const k = objectKey(o);
    this.byKey.delete(k);
    this.all.delete(k);
    this.pick.delete(k);
    this.ungroup(this.byNamespace, o.metadata.namespace, k);
    const owner = this.ownerOf(o);
    if (owner !== undefined) this.ungroup(this.byOwner, keyOf(o.metadata.namespace, owner), k);
  }

  private ownerOf(o: any): string | undefined {
    const v = o.metadata.labels?.[this.ownerLabel];
    return typeof v === 'string' ? v : undefined;
  }

  private group(groups: Map<string, OrderedKeys>, name: string): OrderedKeys {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = new OrderedKeys()));
    return g;
  }

  private ungroup(groups: Map<string, OrderedKeys>, name: string, k: string): void {
    const g = groups.get(name);
    g?.delete(k);
    if (g?.size === 0) groups.delete(name);
  }
}

const NO_KEYS: readonly string[] = [];

export class Store {
  private readonly kinds: Record<Kind, KindIndex>;
  /** The kept events are history[head..], oldest first; the dropped head is cut off in batches. */
  private history: StoredEvent[] = [];
  private head = 0;
  private readonly listeners = new Set<Listener>();
  private rv: number;
  /** Events after this resourceVersion are all kept; older resourceVersions are gone. */
  private floor: number;
  /** The last compaction (expireHistory): continue tokens from before it are gone. */
  private compacted: number;

  /** `ownerLabel` names the label whose value is an object's owner (see `owned`). */
  constructor(
    private readonly historyLimit: number,
    ownerLabel: string,
  ) {
    this.kinds = { GameServer: new KindIndex(ownerLabel), GameServerSet: new KindIndex(ownerLabel) };
    this.rv = INITIAL_RESOURCE_VERSION;
    this.floor = this.rv;
    this.compacted = this.rv;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** Whether every event after `rv` is still in the history. */
  hasHistorySince(rv: number): boolean {
    return rv >= this.floor;
  }

  /**
   * Whether a list continued from `rv` may go on. As with etcd, only a compaction ends that (a real
   * cluster compacts every few minutes), not the shorter watch history, so a slow paged list of
   * 50,000 objects under churn still completes.
   */
  canContinueFrom(rv: number): boolean {
    return rv >= this.compacted;
  }

  get oldestResourceVersion(): number {
    return this.floor;
  }

  /** The kept events after `rv`, oldest first (found by binary search: resourceVersions only grow). */
  eventsSince(rv: number): StoredEvent[] {
    let lo = this.head;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid]!.rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /**
   * From now on every resourceVersion handed out so far is answered 410 Gone. The counter moves on
   * (as etcd's revision does with writes elsewhere), so even a client that saw the latest one is affected.
   */
  expireHistory(): void {
    this.history = [];
    this.head = 0;
    this.floor = ++this.rv;
    this.compacted = this.floor;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** A copy of the object, to change and write back. */
  get(kind: Kind, namespace: string, name: string): any | undefined {
    const o = this.kinds[kind].byKey.get(keyOf(namespace, name));
    return o === undefined ? undefined : structuredClone(o);
  }

  /** The stored object under a key (keyOf, or from `keys`). Not a copy: read only. */
  peek(kind: Kind, key: string): any | undefined {
    return this.kinds[kind].byKey.get(key);
  }

  /** The keys of a kind in (namespace, name) order; every namespace when none is given. Read at once: later writes change the array. */
  keys(kind: Kind, namespace?: string): readonly string[] {
    const index = this.kinds[kind];
    return namespace === undefined ? index.all.sorted() : (index.namespace(namespace)?.sorted() ?? NO_KEYS);
  }

  /** Objects in (namespace, name) order; every namespace when none is given. Not copies: read only. */
  view(kind: Kind, namespace?: string): any[] {
    const byKey = this.kinds[kind].byKey;
    return this.keys(kind, namespace).map((k) => byKey.get(k));
  }

  /** The objects of `kind` in `namespace` whose owner label is `owner`, in name order. Not copies: read only. */
  owned(kind: Kind, namespace: string, owner: string): any[] {
    const index = this.kinds[kind];
    return (index.owned(namespace, owner)?.sorted() ?? NO_KEYS).map((k) => index.byKey.get(k));
  }

  /** The stored object at `fraction` (in [0, 1)) of an arbitrary order, for a random pick in O(1). Not a copy. */
  pick(kind: Kind, fraction: number): any | undefined {
    const index = this.kinds[kind];
    const k = index.pick.at(fraction);
    return k === undefined ? undefined : index.byKey.get(k);
  }

  /**
   * Stores a new object. `obj` is handed over: its top level and metadata are copied, the parts
   * below are kept, so the caller must not change them afterwards. Returns the stored object
   * (read only), as update and delete do.
   */
  create(kind: Kind, obj: any): any {
    const o = {
      ...obj,
      metadata: { ...obj.metadata, uid: randomUUID(), creationTimestamp: nowTimestamp(), generation: 1, resourceVersion: String(++this.rv) },
    };
    this.kinds[kind].put(o);
    this.emit({ type: 'ADDED', kind, rv: this.rv, object: o });
    return o;
  }

  /**
   * Stores a new version of an existing object (handed over as in create); generation follows
   * `nextGeneration`. A version built from a stored one may share its unchanged parts, since
   * stored objects are never changed in place.
   */
  update(kind: Kind, obj: any): any {
    const k = keyOf(obj.metadata.namespace, obj.metadata.name);
    const previous = this.kinds[kind].byKey.get(k);
    if (!previous) throw new Error(`update of a missing ${kind} ${k}`);
    const o = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: previous.metadata.uid,
        creationTimestamp: previous.metadata.creationTimestamp,
        generation: nextGeneration(previous, obj),
        resourceVersion: String(++this.rv),
      },
    };
    this.kinds[kind].put(o);
    this.emit({ type: 'MODIFIED', kind, rv: this.rv, object: o, previous });
    return o;
  }

  delete(kind: Kind, namespace: string, name: string): any {
    const k = keyOf(namespace, name);
    const previous = this.kinds[kind].byKey.get(k);
    if (!previous) throw new Error(`delete of a missing ${kind} ${k}`);
    this.kinds[kind].remove(previous);
    // The DELETED event carries the last state with the deletion's resourceVersion, as etcd3 watches do.
    const o = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ type: 'DELETED', kind, rv: this.rv, object: o, previous });
    return o;
  }

  private emit(ev: StoredEvent): void {
    this.history.push(ev);
    if (this.history.length - this.head > this.historyLimit) {
      this.floor = this.history[this.head]!.rv;
      this.head++;
      // Cutting the dropped events off once per historyLimit keeps each emit O(1) on average.
      if (this.head >= Math.max(1, this.historyLimit)) {
        this.history = this.history.slice(this.head);
        this.head = 0;
      }
    }
    for (const l of this.listeners) l(ev);
  }
}
