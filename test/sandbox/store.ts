// The objects, one resourceVersion counter for all of them, and the event history watches replay.
import { randomUUID } from 'node:crypto';

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

const key = (namespace: string, name: string) => `${namespace}/${name}`;

export class Store {
  private readonly objects = new Map<Kind, Map<string, any>>([
    ['GameServer', new Map()],
    ['GameServerSet', new Map()],
  ]);
  private history: StoredEvent[] = [];
  private readonly listeners = new Set<Listener>();
  private rv: number;
  /** Events after this resourceVersion are all kept; older resourceVersions are gone. */
  private floor: number;

  constructor(private readonly historyLimit: number) {
    this.rv = INITIAL_RESOURCE_VERSION;
    this.floor = this.rv;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** Whether every event after `rv` is still in the history. */
  hasHistorySince(rv: number): boolean {
    return rv >= this.floor;
  }

  get oldestResourceVersion(): number {
    return this.floor;
  }

  eventsSince(rv: number): StoredEvent[] {
    return this.history.filter((e) => e.rv > rv);
  }

  /**
   * From now on every resourceVersion handed out so far is answered 410 Gone. The counter moves on
   * (as etcd's revision does with writes elsewhere), so even a client that saw the latest one is affected.
   */
  expireHistory(): void {
    this.history = [];
    this.floor = ++this.rv;
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  get(kind: Kind, namespace: string, name: string): any | undefined {
    const o = this.objects.get(kind)!.get(key(namespace, name));
    return o === undefined ? undefined : structuredClone(o);
  }

  /** Objects in (namespace, name) order; every namespace when none is given. Not copies: read only. */
  view(kind: Kind, namespace?: string): any[] {
    const all = [...this.objects.get(kind)!.values()].filter((o) => namespace === undefined || o.metadata.namespace === namespace);
    return all.sort((a, b) => compareKey(a, b));
  }

  create(kind: Kind, obj: any): any {
    const o = structuredClone(obj);
    o.metadata.uid = randomUUID();
    o.metadata.creationTimestamp = nowTimestamp();
    o.metadata.generation = 1;
    o.metadata.resourceVersion = String(++this.rv);
    this.objects.get(kind)!.set(key(o.metadata.namespace, o.metadata.name), o);
    this.emit({ type: 'ADDED', kind, rv: this.rv, object: o });
    return structuredClone(o);
  }

  /** Stores a new version of an existing object; bumps generation when the spec changed. */
  update(kind: Kind, obj: any): any {
    const k = key(obj.metadata.namespace, obj.metadata.name);
    const previous = this.objects.get(kind)!.get(k);
    if (!previous) throw new Error(`update of a missing ${kind} ${k}`);
    const o = structuredClone(obj);
    o.metadata.uid = previous.metadata.uid;
    o.metadata.creationTimestamp = previous.metadata.creationTimestamp;
    const specChanged = JSON.stringify(previous.spec) !== JSON.stringify(o.spec);
    o.metadata.generation = (previous.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    o.metadata.resourceVersion = String(++this.rv);
    this.objects.get(kind)!.set(k, o);
    this.emit({ type: 'MODIFIED', kind, rv: this.rv, object: o, previous });
    return structuredClone(o);
  }

  delete(kind: Kind, namespace: string, name: string): any {
    const k = key(namespace, name);
    const previous = this.objects.get(kind)!.get(k);
    if (!previous) throw new Error(`delete of a missing ${kind} ${k}`);
    this.objects.get(kind)!.delete(k);
    // The DELETED event carries the last state with the deletion's resourceVersion, as etcd3 watches do.
    const o = { ...previous, metadata: { ...previous.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ type: 'DELETED', kind, rv: this.rv, object: o, previous });
    return structuredClone(o);
  }

  private emit(ev: StoredEvent): void {
    this.history.push(ev);
    if (this.history.length > this.historyLimit) {
      const dropped = this.history.splice(0, this.history.length - this.historyLimit);
      this.floor = dropped[dropped.length - 1]!.rv;
    }
    for (const l of this.listeners) l(ev);
  }
}

export function compareKey(a: any, b: any): number {
  const ka = key(a.metadata.namespace, a.metadata.name);
  const kb = key(b.metadata.namespace, b.metadata.name);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
