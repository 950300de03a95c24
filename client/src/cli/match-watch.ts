// A live count of the objects a filter matches in a set of namespaces: the cache lists, then
// watches (reconnecting by itself), and each change batch re-evaluates only the objects it
// touched (LiveMatches), so a fleet of tens of thousands costs a filter call per change.
// A first list that fails (the cluster not reachable yet, a permission not granted yet) is
// tried again with backoff until dispose: a pipeline step may start before the cluster is ready.
import { asClusterError, type ClusterClient } from '../cluster/api';
import { ResourceCache, type CacheOptions } from '../cluster/cache';
import type { ClusterError } from '../cluster/errors';
import type { ResourceKind } from '../cluster/resources';
import { Backoff } from '../cluster/retry';
import { LiveMatches } from '../session/live-matches';

export interface MatchState {
  /** The first list has answered: the counts are the cluster's. */
  listed: boolean;
  matched: number;
  /** Every object of the kind in the namespaces watched. */
  total: number;
  /** Why the count may be behind, while it is. */
  error?: ClusterError;
}

export interface MatchWatchOptions {
  cache?: CacheOptions;
  /** Waits between failed first lists. */
  backoff?: { initialMs?: number; maxMs?: number };
}

export class MatchWatch {
  private cache: ResourceCache | undefined;
  private live: LiveMatches | undefined;
  private startError: ClusterError | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly backoff: Backoff;

  constructor(
    private readonly client: ClusterClient,
    private readonly kind: ResourceKind,
    private readonly namespaces: string[] | 'all',
    private readonly matches: (obj: unknown) => boolean,
    private readonly onUpdate: (s: MatchState) => void,
    private readonly opts: MatchWatchOptions = {},
  ) {
    this.backoff = new Backoff({ initialMs: 200, maxMs: 5_000, ...opts.backoff });
  }

  start(): void {
    void this.attempt();
  }

  state(): MatchState {
    if (!this.live || !this.cache) return { listed: false, matched: 0, total: 0, error: this.startError };
    return { listed: true, matched: this.live.count, total: this.cache.size, error: this.cache.lastError() };
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.cache?.dispose();
  }

  private async attempt(): Promise<void> {
    const cache = new ResourceCache(this.client, this.kind, this.namespaces, this.opts.cache);
    this.cache = cache;
    try {
      await cache.start();
    } catch (e) {
      if (this.disposed) return;
      this.startError = asClusterError(e);
      this.onUpdate(this.state());
      this.retryTimer = setTimeout(() => void this.attempt(), this.backoff.next());
      return;
    }
    if (this.disposed) {
      cache.dispose();
      return;
    }
    // Counted once from the list; the first batch after it may carry the listed keys again
    // (the cache coalesces them until someone listens), which costs one more pass, once.
    const live = new LiveMatches(this.matches, cache.snapshot());
    this.live = live;
    cache.onChange((change) => {
      live.apply(change, (key) => cache.get(key));
      this.onUpdate(this.state());
    });
    cache.onStatus(() => this.onUpdate(this.state()));
    this.onUpdate(this.state());
  }
}
