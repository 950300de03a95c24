// What activate() returns: a small read-only view of the extension's state for the end-to-end
// tests (and for other extensions). It changes nothing.
import * as vscode from 'vscode';
import type { LastRun } from './commands/deps';
import type { TallySnapshot } from './overview/fleet-tally';
import type { FleetOverview } from './overview/overview-panel';
import type { PreviewDecision } from './preview/preview-decision';
import type { ClusterSession } from './session/cluster-session';
import type { StatusBar } from './session/status-bar';
import type { GameServerTree } from './views/game-server-tree';
import type { HistoryTree } from './views/history-tree';

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
  /** The rows listed under a set row (its first page) as they render now: label, description, icon id; undefined without that set. */
  rowsUnder(namespace: string, set: string): { label: string; description: string; icon: string }[] | undefined;
  /** The counts the fleet overview was last sent, while it is open. */
  overviewSnapshot(): TallySnapshot | undefined;
  /** The History view's rows, newest first: each entry's id and label, and its objects' rows. */
  history(): { id: string; label: string; objects: { key: string; outcome: string; error?: string }[] }[];
  /** Whether the context item shows in the status bar (only with an OKG editor active or the view visible). */
  statusBarShown(): boolean;
}

export function createApi(
  session: ClusterSession,
  tree: GameServerTree,
  lastRun: LastRun,
  decision: PreviewDecision,
  overview: FleetOverview,
  history: HistoryTree,
  statusBar: StatusBar,
): OkgApi {
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
    rowsUnder: (namespace, set) =>
      tree.rowsUnder(namespace, set)?.map((item) => ({
        label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
        description: typeof item.description === 'string' ? item.description : '',
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
      })),
    pendingDecision: () => {
      const p = decision.pending;
      return p && { question: p.question, title: p.title };
    },
    overviewSnapshot: () => overview.lastPosted?.snapshot,
    history: () =>
      history.getChildren().flatMap((node) => {
        if (node.type !== 'entry') return [];
        const objects = history.getChildren(node).flatMap((c) => (c.type === 'object' ? [c.object] : []));
        return [
          {
            id: node.entry.id,
            label: String(history.getTreeItem(node).label),
            objects: objects.map((o) => ({ key: `${o.namespace}/${o.name}`, outcome: o.outcome, error: o.error })),
          },
        ];
      }),
    statusBarShown: () => statusBar.shown,
  };
}
