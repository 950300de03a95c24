// What every command works with; built once in extension.ts.
import type * as vscode from 'vscode';
import type { FleetOverview } from '../overview/overview-panel';
import type { Journal } from '../journal/journal';
import type { PreviewDecision } from '../preview/preview-decision';
import type { PreviewDocuments } from '../preview/preview-documents';
import type { ClusterSession } from '../session/cluster-session';
import type { GameServerTree } from '../views/game-server-tree';
import type { ApplySummary } from './apply-summary';

/** What the last preview and apply did, read by the end-to-end tests through the extension's API. */
export interface LastRun {
  preview?: { title: string; entries: string[] };
  summary?: ApplySummary;
  /** Show Logs: the latest text of each of its output channels, by channel name. */
  logs?: Record<string, string>;
  /** Show Events: the text of the document it showed last. */
  events?: string;
}

export interface Deps {
  session: ClusterSession;
  tree: GameServerTree;
  previews: PreviewDocuments;
  /** The apply decision a preview awaits, beside it. */
  decision: PreviewDecision;
  log: vscode.LogOutputChannel;
  lastRun: LastRun;
  /** Every apply, recorded for the History view and Revert. */
  journal: Journal;
  /** The fleet overview panel (one per window). */
  overview: FleetOverview;
}
