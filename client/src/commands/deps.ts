// What every command works with; built once in extension.ts.
import type * as vscode from 'vscode';
import type { PreviewDecision } from '../preview/previewDecision';
import type { PreviewDocuments } from '../preview/previewDocuments';
import type { ClusterSession } from '../session/clusterSession';
import type { GameServerTree } from '../views/gameServerTree';
import type { ApplySummary } from './applySummary';

/** What the last preview and apply did, read by the end-to-end tests through the extension's API. */
export interface LastRun {
  preview?: { title: string; entries: string[] };
  summary?: ApplySummary;
}

export interface Deps {
  session: ClusterSession;
  tree: GameServerTree;
  previews: PreviewDocuments;
  /** The apply decision a preview awaits, beside it. */
  decision: PreviewDecision;
  log: vscode.LogOutputChannel;
  lastRun: LastRun;
}
