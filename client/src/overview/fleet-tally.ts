// Counts of GameServers by state, opsState and network state, per namespace and set, kept up to
// date change by change: each GameServer's buckets are remembered, so a change subtracts the old
// buckets and adds the new ones (O(1)); only a full (re)list walks every object. Pure: the
// overview panel (overview-panel.ts) decides when to show the counts.
import { namespaceOf, nameOf, networkStateOf, opsStateOf, ownerSetOf, stateOf, type KubeObject } from '../views/object-fields';

/** The three ways the overview counts GameServers. */
export const DIMENSIONS = ['state', 'opsState', 'networkState'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The bucket of a GameServer with no network status (a set without `spec.network`), or no state yet. */
export const ABSENT = 'none';
/** The bucket of a GameServer with no owner-set label. */
export const NO_SET = '';

export interface SetCounts {
  namespace: string;
  /** The owner set's name; NO_SET for GameServers without one. */
  set: string;
  total: number;
  counts: Record<Dimension, Map<string, number>>;
}

/** A plain, serializable copy of the counts (what the panel is sent). */
export interface TallySnapshot {
  total: number;
  namespaces: { namespace: string; total: number; sets: { set: string; total: number; counts: Record<Dimension, Record<string, number>> }[] }[];
}

export interface TallyChange {
  added: readonly string[];
  modified: readonly string[];
  deleted: readonly string[];
}

/** Where one GameServer is counted. */
interface Entry {
  group: SetCounts;
  values: Record<Dimension, string>;
}

function valuesOf(gs: unknown): Record<Dimension, string> {
  // A GameServer OKG has not yet initialised has no opsState; OKG treats that as None.
  return { state: stateOf(gs) || ABSENT, opsState: opsStateOf(gs) || 'None', networkState: networkStateOf(gs) || ABSENT };
}

const sameValues = (a: Record<Dimension, string>, b: Record<Dimension, string>): boolean =>
  a.state === b.state && a.opsState === b.opsState && a.networkState === b.networkState;

const byName = new Intl.Collator('en', { numeric: true }).compare;

/** A bucket map as a plain object, values in name order (so equal counts give equal snapshots). */
const plain = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m].sort(([a], [b]) => byName(a, b)));

function bump(m: Map<string, number>, value: string, by: number): void {
  const n = (m.get(value) ?? 0) + by;
  if (n === 0) m.delete(value);
  else m.set(value, n);
}

export class FleetTally {
  private readonly entries = new Map<string, Entry>();
  private readonly groups = new Map<string, Map<string, SetCounts>>();
  /** Whether a count changed since the last takeChanged(). */
  private dirty = false;
  private total_ = 0;

  get total(): number {
    return this.total_;
  }

  /** Forgets everything and counts `gameServers` afresh (a (re)list). */
  reset(gameServers: Iterable<KubeObject>): void {
    this.entries.clear();
    this.groups.clear();
    this.total_ = 0;
    for (const gs of gameServers) this.put(`${namespaceOf(gs)}/${nameOf(gs)}`, gs);
    this.dirty = true;
  }

  /** Applies one batch of changed keys; `get` reads the cache as it is after the batch. */
  apply(change: TallyChange, get: (key: string) => KubeObject | undefined): void {
    for (const key of change.deleted) this.remove(key);
    for (const key of change.added) this.put(key, get(key));
    for (const key of change.modified) this.put(key, get(key));
  }

  /** Whether any count changed since the last takeChanged(), and forgets that it did. */
  takeChanged(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  /** The counts of one set, or undefined when it has no GameServers. */
  countsOf(namespace: string, set: string): SetCounts | undefined {
    return this.groups.get(namespace)?.get(set);
  }

  /** A copy of every count, namespaces and sets sorted by name: O(sets × buckets), not O(GameServers). */
  snapshot(): TallySnapshot {
    const namespaces = [...this.groups.keys()].sort(byName).map((namespace) => {
      const sets = [...this.groups.get(namespace)!.values()]
        .sort((a, b) => (a.set === NO_SET ? 1 : b.set === NO_SET ? -1 : byName(a.set, b.set)))
        .map((g) => ({
          set: g.set,
          total: g.total,
          counts: { state: plain(g.counts.state), opsState: plain(g.counts.opsState), networkState: plain(g.counts.networkState) },
        }));
      return { namespace, total: sets.reduce((n, s) => n + s.total, 0), sets };
    });
    return { total: this.total_, namespaces };
  }

  private put(key: string, gs: KubeObject | undefined): void {
    if (!gs) return this.remove(key);
    const namespace = namespaceOf(gs);
    const set = ownerSetOf(gs) || NO_SET;
    const values = valuesOf(gs);
    const prev = this.entries.get(key);
    if (prev && prev.group.namespace === namespace && prev.group.set === set && sameValues(prev.values, values)) return;
    if (prev) this.count(prev, -1);
    const entry: Entry = { group: this.groupOf(namespace, set), values };
    this.entries.set(key, entry);
    this.count(entry, 1);
  }

  private remove(key: string): void {
    const prev = this.entries.get(key);
    if (!prev) return;
    this.entries.delete(key);
    this.count(prev, -1);
  }

  private groupOf(namespace: string, set: string): SetCounts {
    let sets = this.groups.get(namespace);
    if (!sets) this.groups.set(namespace, (sets = new Map()));
    let group = sets.get(set);
    if (!group) {
      group = { namespace, set, total: 0, counts: { state: new Map(), opsState: new Map(), networkState: new Map() } };
      sets.set(set, group);
    }
    return group;
  }

  private count(entry: Entry, by: 1 | -1): void {
    const g = entry.group;
    g.total += by;
    this.total_ += by;
    for (const d of DIMENSIONS) bump(g.counts[d], entry.values[d], by);
    this.dirty = true;
    if (g.total > 0) return;
    // An emptied set (or namespace) leaves the overview; a GameServer coming back makes it anew.
    const sets = this.groups.get(g.namespace);
    sets?.delete(g.set);
    if (sets?.size === 0) this.groups.delete(g.namespace);
  }
}
