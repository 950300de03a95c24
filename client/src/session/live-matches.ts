// The keys of the objects of one kind that a filter matches, kept per change: each batch costs
// one filter evaluation per changed object, never a pass over the cache.
import { keyOf, type KubeObject } from '../cluster/resources';
import type { ObjectChange } from '../views/tree-index';

export class LiveMatches {
  private readonly keys = new Set<string>();

  constructor(
    private readonly matches: (obj: unknown) => boolean,
    objects: Iterable<KubeObject>,
  ) {
    for (const o of objects) if (matches(o)) this.keys.add(keyOf(o));
  }

  get count(): number {
    return this.keys.size;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  apply(change: ObjectChange, get: (key: string) => KubeObject | undefined): void {
    for (const key of [...change.added, ...change.modified]) {
      const o = get(key);
      if (o && this.matches(o)) this.keys.add(key);
      else this.keys.delete(key);
    }
    for (const key of change.deleted) this.keys.delete(key);
  }
}
