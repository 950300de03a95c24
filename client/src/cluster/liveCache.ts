// What the session reads of a live copy of one kind of object: ResourceCache (cache.ts) is one,
// held in this process; RemoteCache (remoteCache.ts) is another, fed by a watch process.
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
