// What every command works with; built once in extension.ts.
import type * as vscode from 'vscode';
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
  log: vscode.LogOutputChannel;
  lastRun: LastRun;
}
