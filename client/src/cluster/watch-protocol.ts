// The messages between the extension host and its watch process (watch-process.ts, watch-host.ts).
// They travel with Node's advanced IPC serialization, so objects arrive as objects, not JSON text.
import type { CacheStatus } from './cache';
import type { ClusterError } from './errors';
import type { KubeObject, ResourceKind } from './resources';
import type { PartUpdates } from './shared-parts';

/** Where a watch process connects: the same choice the extension host made. */
export interface WatchTarget {
  /** The `okg.kubeconfig` setting, when set; otherwise the kubeconfig is found as kubectl finds it. */
  kubeconfig?: string;
  context: string;
  namespaces: string[] | 'all';
}

export type ToWatchHost =
  /** `keys`: send the keys held once listed, for a copy that missed changes while the process was down. */
  { type: 'start'; id: number; kind: ResourceKind; target: WatchTarget; keys: boolean } | { type: 'stop'; id: number };

export type FromWatchHost =
  | { type: 'started'; id: number; keys?: string[] }
  | { type: 'start-failed'; id: number; error: ClusterError }
  /**
   * Added and modified objects are sent as compact copies whose shared parts are references
   * (shared-parts.ts), with the parts new to the receiver; deleted ones by key.
   */
  | { type: 'batch'; id: number; added: KubeObject[]; modified: KubeObject[]; deleted: string[]; parts: PartUpdates }
  | { type: 'status'; id: number; status: CacheStatus; staleSince: number | undefined; lastError: ClusterError | undefined };
