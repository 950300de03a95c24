// What the session reads of a live copy of one kind of object: ResourceCache (cache.ts) is one,
// held in this process; RemoteCache (remote-cache.ts) is another, fed by a watch process. Both keep
// their objects and listeners the same way (HeldObjects).
import type { CacheChange, CacheStatus } from './cache';
import type { ClusterError } from './errors';
import type { KubeObject, ResourceKind } from './resources';

export interface LiveCache {
  readonly kind: ResourceKind;
  /** Resolves once every namespace was listed; rejects with a ClusterFailure when a first list fails. */
  start(): Promise<void>;
  snapshot(): KubeObject[];
  get(key: string): KubeObject | undefined;
  readonly size: number;
  /** Epoch ms since when the copy is behind the server; undefined while it is live. */
  staleSince(): number | undefined;
  lastError(): ClusterError | undefined;
  onChange(listener: (c: CacheChange) => void): () => void;
  onStatus(listener: (s: CacheStatus) => void): () => void;
  dispose(): void;
}

/** The objects and listeners every LiveCache holds, and the reads that need nothing more. */
export abstract class HeldObjects {
  protected readonly objects = new Map<string, KubeObject>();
  protected readonly changeListeners = new Set<(c: CacheChange) => void>();
  protected readonly statusListeners = new Set<(s: CacheStatus) => void>();

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

  /** Told of every stream's state, and so of every change of staleSince() and lastError(). */
  onStatus(listener: (s: CacheStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  protected dropListeners(): void {
    this.changeListeners.clear();
    this.statusListeners.clear();
  }
}
