// Activation wires the pieces together; each piece lives in its own module.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands/register-commands';
import type { LastRun } from './commands/deps';
import { Journal } from './journal/journal';
import { JournalStore } from './journal/store';
import { createLanguageClient } from './language-client';
import { FleetOverview } from './overview/overview-panel';
import { LiveObjectDocuments, OBJECT_SCHEME } from './preview/live-objects';
import { PreviewDecision } from './preview/preview-decision';
import { PREVIEW_SCHEME, PreviewDocuments } from './preview/preview-documents';
import { ClusterSession } from './session/cluster-session';
import { sendClusterValues } from './session/cluster-values-sender';
import { watchOutsideMatches } from './session/outside-matches';
import { createStatusBar } from './session/status-bar';
import { createApi, type OkgApi } from './test-api';
import { FilterCodeLens } from './views/filter-code-lens';
import { GameServerTree } from './views/game-server-tree';
import { HistoryTree } from './views/history-tree';
import { PatchCodeLens } from './views/patch-code-lens';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): OkgApi {
  // Modules without the vscode API (the cluster layer, the engine, the view's words) translate with
  // @vscode/l10n: give it this window's bundle, the one vscode.l10n.t reads.
  l10n.config({ contents: vscode.l10n.bundle ?? {} });
  const log = vscode.window.createOutputChannel('OKG', { log: true });
  const session = new ClusterSession(context.workspaceState, log);
  const tree = new GameServerTree(session);
  const previews = new PreviewDocuments();
  const decision = new PreviewDecision();
  const liveObjects = new LiveObjectDocuments(session);
  const filterLens = new FilterCodeLens(session, tree);
  const lastRun: LastRun = {};
  // Per machine, outside the workspace: a repository must not carry a record of cluster changes (docs/journal.md).
  const journal = new Journal(new JournalStore(vscode.Uri.joinPath(context.globalStorageUri, 'journal.jsonl').fsPath, log), log);
  const history = new HistoryTree(journal);
  void journal.load();
  const overview = new FleetOverview(session, context.extensionUri);
  const statusBar = createStatusBar(session, tree.view);
  client = createLanguageClient(context, log);
  context.subscriptions.push(
    log,
    session,
    tree,
    previews,
    decision,
    liveObjects,
    filterLens,
    overview,
    history,
    vscode.window.createTreeView('okg.history', { treeDataProvider: history }),
    registerCommands({ session, tree, previews, decision, log, lastRun, overview, journal }),
    statusBar,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    vscode.workspace.registerTextDocumentContentProvider(OBJECT_SCHEME, liveObjects),
    vscode.languages.registerCodeLensProvider(
      [
        { language: 'kgfilter', scheme: 'file' },
        { language: 'kgfilter', scheme: 'untitled' },
      ],
      filterLens,
    ),
    vscode.languages.registerCodeLensProvider(
      [
        { language: 'kgpatch', scheme: 'file' },
        { language: 'kgpatch', scheme: 'untitled' },
      ],
      new PatchCodeLens(),
    ),
    sendClusterValues(session, client),
    watchOutsideMatches(session, tree, log),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (session.started && (e.affectsConfiguration('okg.kubeconfig') || e.affectsConfiguration('okg.namespaces'))) void session.restart();
    }),
  );
  void client.start().catch((e: unknown) => log.error(`The OKG language server did not start: ${String(e)}`));
  return createApi(session, tree, lastRun, decision, overview, history, statusBar);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
