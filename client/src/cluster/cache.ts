// A live copy of the GameServers (or GameServerSets) of one context and namespace set:
// list page by page, then watch from the list's resourceVersion (one watch per namespace, or
// one for all); reconnect with backoff; on 410 Gone list again and reconcile. Changes are
// coalesced and delivered in batches.
import { asClusterError, type ClusterClient, type WatchEventType } from './api';
import type { ClusterError } from './errors';
import { listCollection } from './list';
import { Backoff, type BackoffOptions } from './retry';
import { isKubeObject, keyOf, type KubeObject, type ResourceKind } from './resources';

export interface CacheChange {
  added: string[];
  modified: string[];
  deleted: string[];
}

export interface CacheStatus {
  /** The namespace of the stream, or undefined for the all-namespaces stream. */
  namespace: string | undefined;
  state: 'listing' | 'watching' | 'retrying';
  error?: ClusterError;
}

export interface CacheOptions {
  pageSize?: number;
  /** Changes within this window are delivered together. */
  batchMs?: number;
  backoff?: BackoffOptions;
  /** A watch silent for this long is restarted (client-node 1.4.0 watches never time out). */
  idleMs?: number;
}

type Pending = 'added' | 'modified' | 'deleted';

interface Stream {
  namespace: string | undefined;
  resourceVersion: string;
  keys: Set<string>;
  backoff: Backoff;
  /** Bumped on every (re)start, so continuations of a superseded attempt do nothing. */
  generation: number;
  watch?: { abort(): void };
  timer?: NodeJS.Timeout;
  idle?: NodeJS.Timeout;
}

function merge(prev: Pending | undefined, next: Pending): Pending | undefined {
  if (prev === undefined) return next;
  if (prev === 'added') return next === 'deleted' ? undefined : 'added';
  if (prev === 'deleted') return next === 'deleted' ? 'deleted' : 'modified';
  return next === 'deleted' ? 'deleted' : 'modified';
}

export class ResourceCache {
  private readonly objects = new Map<string, KubeObject>();
  private readonly streams: Stream[];
  private readonly changeListeners = new Set<(c: CacheChange) => void>();
  private readonly statusListeners = new Set<(s: CacheStatus) => void>();
  private readonly pending = new Map<string, Pending>();
  private flushTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly batchMs: number;
  private readonly idleMs: number;

  constructor(
    private readonly client: ClusterClient,
    readonly kind: ResourceKind,
    readonly namespaces: string[] | 'all',
    private readonly opts: CacheOptions = {},
  ) {
    const nss: (string | undefined)[] = namespaces === 'all' ? [undefined] : [...new Set(namespaces)];
    this.streams = nss.map((namespace) => ({
      namespace,
      resourceVersion: '',
      keys: new Set(),
      backoff: new Backoff({ initialMs: 200, maxMs: 30_000, ...opts.backoff }),
      generation: 0,
    }));
    this.batchMs = opts.batchMs ?? 75;
    this.idleMs = opts.idleMs ?? 300_000;
  }

  /**
   * Lists every stream once and starts watching. Rejects (and stops the cache) if a first list
   * fails, so a wrong context or a missing permission shows at once; after that, failures are
   * retried with backoff and reported through onStatus.
   */
  async start(): Promise<void> {
    try {
      await Promise.all(this.streams.map((s) => this.list(s, true)));
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  snapshot(): KubeObject[] {
    return [...this.objects.values()];
  }

  get(key: string): KubeObject | undefined {
    return this.objects.get(key);
  }

  get size(): number {
    return this.objects.size;
  }

  onChange(listener: (c: CacheChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (s: CacheStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.streams) this.stop(s);
    clearTimeout(this.flushTimer);
    this.pending.clear();
    this.changeListeners.clear();
    this.statusListeners.clear();
  }

  private status(s: Stream, state: CacheStatus['state'], error?: ClusterError): void {
    for (const l of this.statusListeners) l({ namespace: s.namespace, state, error });
  }

  private stop(s: Stream): void {
    s.generation++;
    clearTimeout(s.timer);
    clearTimeout(s.idle);
    s.watch?.abort();
    s.watch = undefined;
  }

  private note(key: string, change: Pending): void {
    const m = merge(this.pending.get(key), change);
    if (m === undefined) this.pending.delete(key);
    else this.pending.set(key, m);
    if (this.flushTimer === undefined && this.changeListeners.size > 0) {
      this.flushTimer = setTimeout(() => this.flush(), this.batchMs);
    }
  }

  private flush(): void {
    this.flushTimer = undefined;
    const c: CacheChange = { added: [], modified: [], deleted: [] };
    for (const [k, p] of this.pending) c[p].push(k);
    this.pending.clear();
    if (c.added.length + c.modified.length + c.deleted.length === 0) return;
    for (const l of this.changeListeners) l(c);
  }

  private upsert(s: Stream, obj: KubeObject): void {
    const key = keyOf(obj);
    const prev = this.objects.get(key);
    s.keys.add(key);
    if (prev && prev.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    obj.kind ??= this.kind;
    this.objects.set(key, obj);
    this.note(key, prev ? 'modified' : 'added');
  }

  private remove(s: Stream, key: string): void {
    s.keys.delete(key);
    if (this.objects.delete(key)) this.note(key, 'deleted');
  }

  private async list(s: Stream, first: boolean): Promise<void> {
    this.stop(s);
    const gen = s.generation;
    this.status(s, 'listing');
    let listed;
    try {
      listed = await listCollection(this.client, this.kind, s.namespace, { pageSize: this.opts.pageSize });
    } catch (e) {
      if (first) throw e;
      if (gen === s.generation && !this.disposed) this.retry(s, asClusterError(e), () => this.list(s, false));
      return;
    }
    if (gen !== s.generation || this.disposed) return;
    // Reconcile: what the list no longer has was deleted while we were not watching.
    const seen = new Set<string>();
    for (const obj of listed.items) {
      seen.add(keyOf(obj));
      this.upsert(s, obj);
    }
    for (const key of [...s.keys]) if (!seen.has(key)) this.remove(s, key);
    s.resourceVersion = listed.resourceVersion;
    await this.watch(s);
  }

  private retry(s: Stream, error: ClusterError, again: () => Promise<void>): void {
    this.stop(s);
    this.status(s, 'retrying', error);
    s.timer = setTimeout(() => void again(), s.backoff.next());
  }

  private armIdle(s: Stream, gen: number): void {
    clearTimeout(s.idle);
    s.idle = setTimeout(() => {
      if (gen === s.generation && !this.disposed) void this.watch(s);
    }, this.idleMs);
  }

  private async watch(s: Stream): Promise<void> {
    this.stop(s);
    const gen = s.generation;
    const started = Date.now();
    const onEvent = (type: WatchEventType, raw: unknown) => {
      if (gen !== s.generation || this.disposed) return;
      this.armIdle(s, gen);
      if (type === 'ERROR') {
        // 410 Gone: our resourceVersion left the server's history; only a new list helps.
        s.watch?.abort();
        if ((raw as { code?: unknown } | null)?.code === 410) void this.list(s, false);
        else this.retry(s, { code: 'server-error', message: `watch error: ${(raw as { message?: string } | null)?.message ?? 'unknown'}` }, () => this.watch(s));
        return;
      }
      // A bookmark's object has only metadata.resourceVersion: where to resume from.
      const rv = (raw as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
      if (typeof rv === 'string' && rv !== '') s.resourceVersion = rv;
      if (type === 'BOOKMARK' || !isKubeObject(raw)) return;
      if (type === 'ADDED' || type === 'MODIFIED') this.upsert(s, raw);
      else if (type === 'DELETED') this.remove(s, keyOf(raw));
      s.backoff.reset();
    };
    const onDone = (err: ClusterError | null) => {
      if (gen !== s.generation || this.disposed) return;
      if (err?.status === 410) {
        void this.list(s, false);
        return;
      }
      // A stream the server ended after a while is routine: reconnect at once.
      if (!err && Date.now() - started > 5_000) {
        s.backoff.reset();
        void this.watch(s);
        return;
      }
      this.retry(s, err ?? { code: 'unknown', message: 'watch ended' }, () => this.watch(s));
    };
    let w: { abort(): void };
    try {
      w = await this.client.watch(this.kind, s.namespace, s.resourceVersion, onEvent, onDone);
    } catch (e) {
      if (gen === s.generation && !this.disposed) this.retry(s, asClusterError(e), () => this.watch(s));
      return;
    }
    if (gen !== s.generation || this.disposed) {
      w.abort();
      return;
    }
    s.watch = w;
    this.armIdle(s, gen);
    this.status(s, 'watching');
  }
}
