// The cluster values the language server offers in completion, counted per change: each value
// keeps the number of objects that hold it, so a batch costs what it changed and the list is
// rebuilt only when a value appears or disappears.
import type { ClusterValues } from '../../../server/src/protocol';
import type { ResourceKind } from '../cluster/resources';
import type { ObjectChange } from '../views/tree-index';
import { gameServerImagesOf, nameOf, namespaceOf, setImagesOf, type KubeObject } from '../views/object-fields';

type Field = keyof ClusterValues;

/** Running images (GameServer filters) and template images (set filters) share one list, as the protocol has one. */
const imagesOf = (kind: ResourceKind, o: KubeObject): string[] => (kind === 'GameServer' ? gameServerImagesOf(o) : setImagesOf(o)).filter((i) => i !== '');

/** Distinct image lists kept for sharing; past this many the pool starts over (lists already held stay valid). */
const POOL_LIMIT = 10_000;

/** What an object's key alone contributes: its namespace, and its name in the kind's list. */
function keyValues(kind: ResourceKind, key: string): [Field, string][] {
  const slash = key.indexOf('/');
  const out: [Field, string][] = [[kind === 'GameServer' ? 'names' : 'gssNames', key.slice(slash + 1)]];
  if (slash > 0) out.push(['namespaces', key.slice(0, slash)]);
  return out;
}

export class ClusterValueIndex {
  private readonly counts: Record<Field, Map<string, number>> = { namespaces: new Map(), names: new Map(), images: new Map(), gssNames: new Map() };
  /** The images each object holds, by kind and key; its other values come from the key. */
  private readonly held: Record<ResourceKind, Map<string, readonly string[]>> = { GameServer: new Map(), GameServerSet: new Map() };
  /** One list per distinct set of images, shared by every object holding it (most of a set's GameServers). */
  private readonly lists = new Map<string, readonly string[]>();
  /** A value appeared or disappeared since the last values(). */
  changed = false;

  reset(kind: ResourceKind, objects: Iterable<KubeObject>): void {
    for (const key of [...this.held[kind].keys()]) this.drop(kind, key);
    for (const o of objects) this.put(kind, `${namespaceOf(o)}/${nameOf(o)}`, o);
  }

  apply(kind: ResourceKind, change: ObjectChange, get: (key: string) => KubeObject | undefined): void {
    for (const key of [...change.added, ...change.modified]) {
      const o = get(key);
      if (o) this.put(kind, key, o);
    }
    for (const key of change.deleted) this.drop(kind, key);
  }

  values(): ClusterValues {
    this.changed = false;
    const sorted = (m: Map<string, number>) => [...m.keys()].sort();
    return {
      namespaces: sorted(this.counts.namespaces),
      names: sorted(this.counts.names),
      images: sorted(this.counts.images),
      gssNames: sorted(this.counts.gssNames),
    };
  }

  private put(kind: ResourceKind, key: string, o: KubeObject): void {
    const next = imagesOf(kind, o);
    const prev = this.held[kind].get(key);
    if (prev) {
      if (prev.length === next.length && prev.every((v, i) => next[i] === v)) return;
      this.count(
        prev.map((i) => ['images', i]),
        -1,
      );
    } else {
      this.count(keyValues(kind, key), +1);
    }
    this.held[kind].set(key, this.shared(next));
    this.count(
      next.map((i) => ['images', i]),
      +1,
    );
  }

  private shared(list: string[]): readonly string[] {
    const id = list.join('\n');
    const held = this.lists.get(id);
    if (held) return held;
    if (this.lists.size >= POOL_LIMIT) this.lists.clear();
    this.lists.set(id, list);
    return list;
  }

  private drop(kind: ResourceKind, key: string): void {
    const prev = this.held[kind].get(key);
    if (!prev) return;
    this.held[kind].delete(key);
    this.count(keyValues(kind, key), -1);
    this.count(
      prev.map((i) => ['images', i]),
      -1,
    );
  }

  private count(values: [Field, string][], by: 1 | -1): void {
    for (const [field, v] of values) {
      const m = this.counts[field];
      const n = (m.get(v) ?? 0) + by;
      if (n <= 0) m.delete(v);
      else m.set(v, n);
      if (n === 0 || (n === 1 && by === 1)) this.changed = true;
    }
  }
}
