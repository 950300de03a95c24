// What activate() returns: a small read-only view of the extension's state for the end-to-end
// tests (and for other extensions). It changes nothing.
import type { LastRun } from './commands/deps';
import type { PreviewDecision } from './preview/previewDecision';
import type { ClusterSession } from './session/clusterSession';
import type { GameServerTree } from './views/gameServerTree';

export interface OkgApi {
  /** `namespace/name` of each GameServer the view holds now, in display order. */
  visibleGameServers(): string[];
  /** Matches of the view's filter (every shown GameServer without one). */
  matchCount(): number;
  /** Matches of the view's filter outside the namespaces shown, when known. */
  outsideMatchCount(): number | undefined;
  /** The session's state: idle, loading, ready, or the error state the welcome content shows. */
  clusterState(): string;
  /** The message of the session's error, as the OKG log and the status bar tooltip show it. */
  lastError(): string | undefined;
  /** Whether the data shown is live, and if not since when (epoch ms). */
  freshness(): { live: boolean; staleSince?: number };
  /** Connects (as showing the view does) and resolves when loaded or failed. */
  connect(): Promise<void>;
  lastRun(): Readonly<LastRun>;
  /** The question a preview awaits a decision on ("Apply to N GameServers in <context>?") and its title. */
  pendingDecision(): { question: string; title: string } | undefined;
}

export function createApi(session: ClusterSession, tree: GameServerTree, lastRun: LastRun, decision: PreviewDecision): OkgApi {
  return {
    visibleGameServers: () => tree.visibleGameServers().map((n) => `${n.namespace}/${n.name}`),
    matchCount: () => tree.matchCount,
    outsideMatchCount: () => tree.counts.outside,
    clusterState: () => session.state,
    lastError: () => session.error?.message,
    freshness: () => {
      const f = session.freshness;
      return f.live ? { live: true } : { live: false, staleSince: f.since };
    },
    connect: () => session.start(),
    lastRun: () => lastRun,
    pendingDecision: () => {
      const p = decision.pending;
      return p && { question: p.question, title: p.title };
    },
  };
}
