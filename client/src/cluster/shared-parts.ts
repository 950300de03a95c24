// Shared parts of compact copies (a set's template, a GameServer's spec and pod status, which
// thousands of copies hold as one frozen object: compact.ts) cross from the watch process to the
// extension host once each, then by number. This keeps each message small and spares the
// extension host from pooling them again, which (it hashes every part) was most of what it
// allocated per change at 50,000 GameServers.
//
// The encoder counts the copies that use each part; a part no copy uses any more is dropped on
// both sides, so neither table outgrows the parts in use.
import { deepFreeze, sharedPaths } from './compact';
import type { KubeObject, ResourceKind } from './resources';

/** A shared part in transit. */
export interface PartRef {
  $part: number;
}

/** What a batch adds to and removes from the receiving table. */
export interface PartUpdates {
  parts: [number, unknown][];
  dropped: number[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isRef = (v: unknown): v is PartRef => isObject(v) && typeof v.$part === 'number';

export class PartEncoder {
  private readonly ids = new Map<object, number>();
  private readonly byId = new Map<number, object>();
  private readonly refs = new Map<number, number>();
  /** The parts each key's last sent copy holds. */
  private readonly used = new Map<string, number[]>();
  private next = 1;
  private pending: PartUpdates = { parts: [], dropped: [] };
  private readonly paths: readonly string[][];

  constructor(kind: ResourceKind) {
    this.paths = sharedPaths(kind);
  }

  /** A copy of `obj` to send, its shared parts replaced by references; `obj` is left as it is. */
  encode(key: string, obj: KubeObject): KubeObject {
    const ids: number[] = [];
    const root: Json = { ...obj };
    for (const path of this.paths) {
      let parent = root;
      for (const seg of path.slice(0, -1)) {
        const child = parent[seg];
        if (!isObject(child)) break;
        parent = parent[seg] = { ...child };
      }
      const last = path[path.length - 1]!;
      const part = parent[last];
      if (part === null || typeof part !== 'object') continue;
      const id = this.idOf(part);
      this.refs.set(id, (this.refs.get(id) ?? 0) + 1);
      ids.push(id);
      parent[last] = { $part: id } satisfies PartRef;
    }
    this.release(key);
    this.used.set(key, ids);
    return root as unknown as KubeObject;
  }

  /** The copy of `key` is gone: its parts lose a user. */
  forget(key: string): void {
    this.release(key);
    this.used.delete(key);
  }

  /** The parts to add and drop with the copies encoded since the last call. */
  take(): PartUpdates {
    const p = this.pending;
    this.pending = { parts: [], dropped: [] };
    return p;
  }

  private idOf(part: object): number {
    const known = this.ids.get(part);
    if (known !== undefined) return known;
    const id = this.next++;
    this.ids.set(part, id);
    this.byId.set(id, part);
    this.pending.parts.push([id, part]);
    return id;
  }

  private release(key: string): void {
    for (const id of this.used.get(key) ?? []) {
      const n = (this.refs.get(id) ?? 1) - 1;
      if (n > 0) {
        this.refs.set(id, n);
        continue;
      }
      this.refs.delete(id);
      this.ids.delete(this.byId.get(id)!);
      this.byId.delete(id);
      this.pending.dropped.push(id);
    }
  }
}

export class PartDecoder {
  private readonly parts = new Map<number, unknown>();
  private readonly paths: readonly string[][];

  constructor(kind: ResourceKind) {
    this.paths = sharedPaths(kind);
  }

  /**
   * Puts the parts in place in `objects` (received copies, changed in place). A reference to a
   * part this side does not hold is an error of the sender: the object is returned without it
   * rather than with a reference where data belongs.
   */
  decode(updates: PartUpdates, objects: KubeObject[]): KubeObject[] {
    for (const [id, part] of updates.parts) this.parts.set(id, deepFreeze(part));
    for (const obj of objects) {
      for (const path of this.paths) {
        let parent: unknown = obj;
        for (const seg of path.slice(0, -1)) parent = isObject(parent) ? parent[seg] : undefined;
        const last = path[path.length - 1]!;
        if (!isObject(parent) || !isRef(parent[last])) continue;
        const part = this.parts.get((parent[last] as PartRef).$part);
        if (part === undefined) delete parent[last];
        else parent[last] = part;
      }
    }
    for (const id of updates.dropped) this.parts.delete(id);
    return objects;
  }

  /** A new sender numbers its parts afresh. */
  clear(): void {
    this.parts.clear();
  }

  /** How many parts are held (for tests). */
  get size(): number {
    return this.parts.size;
  }
}
