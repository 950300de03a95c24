// A live copy of one kind of object, fed by the watch process (watch-process.ts) instead of a
// watch of its own. What arrives is already compact; its shared parts come by reference
// (shared-parts.ts) and its strings are pooled here, so copies share what one process's cache
// shares (IPC gives every object its own strings).
import { ClusterFailure } from './api';
import type { CacheChange, CacheStatus } from './cache';
import { Compactor } from './compact';
import type { ClusterError } from './errors';
import { HeldObjects, type LiveCache } from './live-cache';
import { keyOf, type KubeObject, type ResourceKind } from './resources';
import { Backoff } from './retry';
import { PartDecoder } from './shared-parts';
import type { WatchClient, WatchProcess } from './watch-process';
import type { FromWatchHost, WatchTarget } from './watch-protocol';

export class RemoteCache extends HeldObjects implements LiveCache, WatchClient {
  private readonly compactor: Compactor;
  private readonly parts: PartDecoder;
  private readonly id: number;
  private first: { resolve: () => void; reject: (e: unknown) => void } | undefined;
  /** Set while the process that fed this copy is gone and a new one has not listed yet. */
  private outage: { since: number; error: ClusterError } | undefined;
  private stale: number | undefined;
  private error: ClusterError | undefined;
  private readonly backoff = new Backoff({ initialMs: 200, maxMs: 5_000 });
  private retryTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private everStarted = false;

  constructor(
    private readonly proc: WatchProcess,
    readonly kind: ResourceKind,
    private readonly target: WatchTarget,
  ) {
    super();
    this.compactor = new Compactor(kind);
    this.parts = new PartDecoder(kind);
    this.id = proc.register(this);
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.first = { resolve, reject };
      this.proc.send({ type: 'start', id: this.id, kind: this.kind, target: this.target, keys: false });
    });
  }

  staleSince(): number | undefined {
    return this.outage?.since ?? this.stale;
  }

  lastError(): ClusterError | undefined {
    return this.outage?.error ?? this.error;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.proc.unregister(this.id);
    this.dropListeners();
  }

  handle(m: FromWatchHost): void {
    if (this.disposed) return;
    if (m.type === 'batch') this.apply(this.parts.decode(m.parts, m.added.concat(m.modified)), m.deleted);
    else if (m.type === 'status') {
      // A new process's streams say nothing of the changes this copy missed: it stays stale until listed.
      this.stale = m.staleSince;
      this.error = m.lastError;
      this.tell({ ...m.status, error: this.lastError() });
    } else if (m.type === 'started') this.started(m.keys);
    else this.startFailed(m.error);
  }

  lost(reason: string): void {
    if (this.disposed) return;
    const error: ClusterError = { code: 'unknown', message: reason };
    if (!this.everStarted) return this.startFailed(error);
    this.outage = { since: this.outage?.since ?? this.stale ?? Date.now(), error };
    this.tell({ namespace: undefined, state: 'retrying', error });
  }

  restarted(): void {
    if (this.disposed || !this.everStarted) return;
    this.parts.clear();
    this.proc.send({ type: 'start', id: this.id, kind: this.kind, target: this.target, keys: true });
  }

  private started(keys: string[] | undefined): void {
    this.backoff.reset();
    if (keys) {
      const listed = new Set(keys);
      this.apply(
        [],
        [...this.objects.keys()].filter((k) => !listed.has(k)),
      );
    }
    this.outage = undefined;
    this.everStarted = true;
    const first = this.first;
    this.first = undefined;
    first?.resolve();
    this.tell({ namespace: undefined, state: this.stale === undefined ? 'watching' : 'retrying', error: this.error });
  }

  private startFailed(error: ClusterError): void {
    if (!this.everStarted) {
      const first = this.first;
      this.first = undefined;
      first?.reject(new ClusterFailure(error));
      return;
    }
    // A process started again could not list: keep the copy, say why, and ask again.
    this.outage = { since: this.outage?.since ?? this.stale ?? Date.now(), error };
    this.tell({ namespace: undefined, state: 'retrying', error });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.restarted(), this.backoff.next());
  }

  private apply(upserts: KubeObject[], deleted: string[]): void {
    const c: CacheChange = { added: [], modified: [], deleted: [] };
    for (const o of upserts) {
      const key = keyOf(o);
      const prev = this.objects.get(key);
      if (prev?.metadata.resourceVersion === o.metadata.resourceVersion) continue;
      this.objects.set(key, this.compactor.adopt(o));
      (prev ? c.modified : c.added).push(key);
    }
    for (const key of deleted) if (this.objects.delete(key)) c.deleted.push(key);
    if (c.added.length + c.modified.length + c.deleted.length === 0) return;
    for (const l of this.changeListeners) l(c);
  }

  private tell(s: CacheStatus): void {
    for (const l of this.statusListeners) l(s);
  }
}
