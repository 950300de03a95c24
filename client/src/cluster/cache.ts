// A live copy of the GameServers (or GameServerSets) of one context and namespace set:
// list page by page, then watch from the list's resourceVersion (one watch per namespace, or
// one for all); reconnect with backoff; on 410 Gone list again and reconcile. Objects are held as
// compact copies (compact.ts). Changes are coalesced and delivered in batches.
//
// Freshness: each watch asks the server to end it after `watchTimeoutSeconds`, and the cache
// resumes at once from the last resourceVersion (bookmarks keep that recent). So a watch that has
// neither ended nor delivered anything for watchTimeoutSeconds + graceMs is dead, whatever the
// network did (a black-holed path gives no error at all): it is cut and opened again, and the
// stream counts as stale. A stream is stale from a failure (of its list or watch, or its
// watchdog) until it is watching again; staleSince() says since when the cache is behind.
import * as l10n from '@vscode/l10n';
import { asClusterError, type ClusterClient, type WatchEventType } from './api';
import { Compactor } from './compact';
import type { ClusterError } from './errors';
import { HeldObjects, type LiveCache } from './live-cache';
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
  /** The server ends each watch after this long (whole seconds, as the API takes them). */
  watchTimeoutSeconds?: number;
  /**
   * How long past watchTimeoutSeconds a silent watch is still given before it is taken for dead;
   * also how long a watch request may wait for the server's answer.
   */
  graceMs?: number;
}

/**
 * Defaults: a dead connection shows as stale within 10 s + 3 s of the last thing it delivered,
 * and once the API answers again the next attempt comes within the backoff cap of 5 s (after at
 * most 3 s of a request left unanswered). A watch every 10 s per stream is cheap for the server:
 * it resumes from a recent resourceVersion, out of its watch cache.
 */
const WATCH_TIMEOUT_SECONDS = 10;
const GRACE_MS = 3_000;
const BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 5_000 };

type Pending = 'added' | 'modified' | 'deleted';

interface Stream {
  namespace: string | undefined;
  resourceVersion: string;
  backoff: Backoff;
  /** Bumped on every (re)start, so continuations of a superseded attempt do nothing. */
  generation: number;
  phase: 'listing' | 'watching';
  /** Cancels the request of the attempt in flight (list or watch). */
  abort?: AbortController;
  retryTimer?: NodeJS.Timeout;
  watchdog?: NodeJS.Timeout;
  /** The last sign of life of the attempt in flight (its start, an event, a bookmark). */
  lastActivity: number;
  /** The last moment the stream was known to hold the server's state. */
  currentAt: number;
  /** Why the stream is behind, while it is; `at` orders failures across streams. */
  failure?: { error: ClusterError; at: number };
}

function merge(prev: Pending | undefined, next: Pending): Pending | undefined {
  if (prev === undefined) return next;
  if (prev === 'added') return next === 'deleted' ? undefined : 'added';
  if (prev === 'deleted') return next === 'deleted' ? 'deleted' : 'modified';
  return next === 'deleted' ? 'deleted' : 'modified';
}

/** Holds compact copies (compact.ts). */
export class ResourceCache extends HeldObjects implements LiveCache {
  private readonly streams: Stream[];
  private readonly compactor: Compactor;
  private readonly pending = new Map<string, Pending>();
  private flushTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly batchMs: number;
  private readonly timeoutSeconds: number;
  private readonly graceMs: number;

  constructor(
    private readonly client: ClusterClient,
    readonly kind: ResourceKind,
    readonly namespaces: string[] | 'all',
    private readonly opts: CacheOptions = {},
  ) {
    super();
    const nss: (string | undefined)[] = namespaces === 'all' ? [undefined] : [...new Set(namespaces)];
    const now = Date.now();
    this.streams = nss.map((namespace) => ({
      namespace,
      resourceVersion: '',
      backoff: new Backoff({ ...BACKOFF, ...opts.backoff }),
      generation: 0,
      phase: 'listing',
      lastActivity: now,
      currentAt: now,
    }));
    this.compactor = new Compactor(kind);
    this.batchMs = opts.batchMs ?? 75;
    this.timeoutSeconds = Math.max(1, Math.round(opts.watchTimeoutSeconds ?? WATCH_TIMEOUT_SECONDS));
    this.graceMs = opts.graceMs ?? GRACE_MS;
  }

  /**
   * Lists every stream once and starts watching. Rejects (and stops the cache) if a first list
   * fails, so a wrong context or a missing permission shows at once; after that, failures are
   * retried with backoff and reported through onStatus, staleSince and lastError.
   */
  async start(): Promise<void> {
    try {
      await Promise.all(this.streams.map((s) => this.list(s, true)));
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  /**
   * Epoch ms of the last moment every stream of this cache was known to hold the server's state
   * (its last event, bookmark, list or connect before the trouble); undefined while every stream
   * is live. A stream is stale from a failure of its list or watch, or its watchdog, until it is
   * watching again; a watch the server ended as asked and that is opened again at once is not.
   */
  staleSince(): number | undefined {
    let since: number | undefined;
    for (const s of this.streams) if (s.failure && (since === undefined || s.currentAt < since)) since = s.currentAt;
    return since;
  }

  /** The latest failure of a stream that is stale; undefined while every stream is live. */
  lastError(): ClusterError | undefined {
    let last: Stream['failure'];
    for (const s of this.streams) if (s.failure && (!last || s.failure.at >= last.at)) last = s.failure;
    return last?.error;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of this.streams) this.stop(s);
    clearTimeout(this.flushTimer);
    this.pending.clear();
    this.dropListeners();
  }

  private status(s: Stream, state: CacheStatus['state'], error?: ClusterError): void {
    for (const l of this.statusListeners) l({ namespace: s.namespace, state, error });
  }

  private where(s: Stream): string {
    return s.namespace === undefined ? l10n.t('in all namespaces') : l10n.t('in namespace "{0}"', s.namespace);
  }

  private stop(s: Stream): void {
    s.generation++;
    clearTimeout(s.retryTimer);
    clearTimeout(s.watchdog);
    s.abort?.abort();
    s.abort = undefined;
  }

  /** Supersedes whatever the stream was doing; returns the new attempt's generation. */
  private begin(s: Stream, phase: Stream['phase']): number {
    this.stop(s);
    s.abort = new AbortController();
    s.phase = phase;
    s.lastActivity = Date.now();
    return s.generation;
  }

  private fail(s: Stream, error: ClusterError): void {
    s.failure = { error, at: Date.now() };
  }

  private note(key: string, change: Pending): void {
    const m = merge(this.pending.get(key), change);
    if (m === undefined) this.pending.delete(key);
    else this.pending.set(key, m);
    if (this.flushTimer === undefined && this.changeListeners.size > 0) {
      this.flushTimer = setTimeout(() => this.flush(), this.batchMs);
    }
  }

  /** Delivers the changes waiting for their batch now. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const c: CacheChange = { added: [], modified: [], deleted: [] };
    for (const [k, p] of this.pending) c[p].push(k);
    this.pending.clear();
    if (c.added.length + c.modified.length + c.deleted.length === 0) return;
    for (const l of this.changeListeners) l(c);
  }

  /** Holds `obj`, a compact copy. */
  private upsert(obj: KubeObject): void {
    const key = keyOf(obj);
    const prev = this.objects.get(key);
    if (prev && prev.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    obj.kind ??= this.kind;
    this.objects.set(key, obj);
    this.note(key, prev ? 'modified' : 'added');
  }

  private remove(key: string): void {
    if (this.objects.delete(key)) this.note(key, 'deleted');
  }

  /** Whether a key belongs to the stream's namespace (every key for the all-namespaces stream). */
  private inStream(s: Stream, key: string): boolean {
    return s.namespace === undefined || key.startsWith(`${s.namespace}/`);
  }

  private async list(s: Stream, first: boolean): Promise<void> {
    const gen = this.begin(s, 'listing');
    this.status(s, 'listing');
    // A first list has no stale copy to warn about: start() waits for it, or rejects.
    if (!first) this.armWatchdog(s, gen);
    let listed;
    try {
      listed = await listCollection(this.client, this.kind, s.namespace, {
        pageSize: this.opts.pageSize,
        signal: s.abort?.signal,
        map: (o) => this.compactor.compact(o),
      });
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
      this.upsert(obj);
    }
    for (const key of [...this.objects.keys()]) if (this.inStream(s, key) && !seen.has(key)) this.remove(key);
    s.resourceVersion = listed.resourceVersion;
    s.currentAt = Date.now();
    await this.watch(s);
  }

  private retry(s: Stream, error: ClusterError, again: () => Promise<void>): void {
    this.stop(s);
    this.fail(s, error);
    this.status(s, 'retrying', error);
    // A 429's Retry-After is what the server asked for; it wins over a shorter backoff.
    s.retryTimer = setTimeout(() => void again(), Math.max(s.backoff.next(), error.retryAfterMs ?? 0));
  }

  /**
   * Fires when the attempt in flight has shown no sign of life for watchTimeoutSeconds + graceMs.
   * A watch is then cut and opened again. A list (after a 410) is left to its request timeout,
   * since a big one may be slow and still fine, but the stream counts as stale meanwhile.
   */
  private armWatchdog(s: Stream, gen: number): void {
    const limit = this.timeoutSeconds * 1000 + this.graceMs;
    const check = () => {
      if (gen !== s.generation || this.disposed) return;
      const left = s.lastActivity + limit - Date.now();
      if (left > 0) {
        s.watchdog = setTimeout(check, left);
        return;
      }
      if (s.phase === 'watching') {
        const error: ClusterError = {
          code: 'timeout',
          message: l10n.t(
            'the {0} watch {1} received nothing for {2} s, though the API server should end it after {3} s: the connection is taken for dead and opened again',
            this.kind,
            this.where(s),
            Math.round(limit / 1000),
            this.timeoutSeconds,
          ),
        };
        this.retry(s, error, () => this.watch(s));
      } else {
        const message = l10n.t('listing {0}s {1} again has taken over {2} s', this.kind, this.where(s), Math.round(limit / 1000));
        const error: ClusterError = { code: 'timeout', message };
        this.fail(s, error);
        this.status(s, 'listing', error);
      }
    };
    s.watchdog = setTimeout(check, limit);
  }

  private async watch(s: Stream): Promise<void> {
    const gen = this.begin(s, 'watching');
    const started = Date.now();
    this.armWatchdog(s, gen);
    const onEvent = (type: WatchEventType, raw: unknown) => {
      if (gen !== s.generation || this.disposed) return;
      const now = Date.now();
      s.lastActivity = now;
      s.currentAt = now;
      if (type === 'ERROR') {
        // 410 Gone: our resourceVersion left the server's history; only a new list helps.
        if ((raw as { code?: unknown } | null)?.code === 410) void this.list(s, false);
        else {
          const message = l10n.t('watch error: {0}', (raw as { message?: string } | null)?.message ?? l10n.t('unknown'));
          this.retry(s, { code: 'server-error', message }, () => this.watch(s));
        }
        return;
      }
      // A bookmark's object has only metadata.resourceVersion: where to resume from.
      const rv = (raw as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
      if (typeof rv === 'string' && rv !== '') s.resourceVersion = rv;
      if (type === 'BOOKMARK' || !isKubeObject(raw)) return;
      if (type === 'ADDED' || type === 'MODIFIED') {
        if (this.objects.get(keyOf(raw))?.metadata.resourceVersion !== raw.metadata.resourceVersion) this.upsert(this.compactor.compact(raw));
      } else if (type === 'DELETED') this.remove(keyOf(raw));
      s.backoff.reset();
    };
    const onDone = (err: ClusterError | null) => {
      if (gen !== s.generation || this.disposed) return;
      if (err?.status === 410) {
        void this.list(s, false);
        return;
      }
      const lasted = Date.now() - started;
      // The server ended the watch at timeoutSeconds, as asked: resume at once, still live. One
      // that ends much sooner is a server or proxy refusing to hold it, and waits for the backoff.
      if (!err && lasted >= (this.timeoutSeconds * 1000) / 2) {
        s.currentAt = Date.now();
        s.backoff.reset();
        void this.watch(s);
        return;
      }
      const error: ClusterError = err ?? {
        code: 'unknown',
        message: l10n.t(
          'the API server ended the {0} watch {1} after {2} ms, sooner than the {3} s asked',
          this.kind,
          this.where(s),
          lasted,
          this.timeoutSeconds,
        ),
      };
      this.retry(s, error, () => this.watch(s));
    };
    try {
      await this.client.watch(this.kind, s.namespace, s.resourceVersion, onEvent, onDone, {
        timeoutSeconds: this.timeoutSeconds,
        headersTimeoutMs: this.graceMs,
        signal: s.abort?.signal,
      });
    } catch (e) {
      if (gen === s.generation && !this.disposed) this.retry(s, asClusterError(e), () => this.watch(s));
      return;
    }
    if (gen !== s.generation || this.disposed) return;
    // The server answered: from here the stream follows it again.
    const now = Date.now();
    s.lastActivity = now;
    s.currentAt = now;
    s.failure = undefined;
    this.status(s, 'watching');
  }
}
