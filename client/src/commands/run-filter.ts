// OKG: Run Filter — the view then shows only the filter's matches, live, until cleared.
import * as vscode from 'vscode';
import type { Deps } from './deps';
import { activeUri, asUri, pickFile, refuseWithDiagnostics } from './documents';
import { asActiveFilter, compileDocument, loadFilter } from './load-filter';

export interface RunFilterOptions {
  filterUri?: vscode.Uri | string;
}

export interface RunFilterResult {
  ran: boolean;
  matchCount?: number;
}

async function run(deps: Deps, arg?: vscode.Uri | RunFilterOptions): Promise<RunFilterResult> {
  const given = asUri(arg instanceof vscode.Uri ? arg : arg?.filterUri);
  const uri = given ?? activeUri('kgfilter') ?? (await pickFile('kgfilter', vscode.l10n.t('Filter to run')));
  if (!uri) return { ran: false };
  const filter = await loadFilter(uri);
  if (!filter.compiled.ok) {
    const message = await refuseWithDiagnostics(filter.doc, filter.compiled.problems, vscode.l10n.t('the filter was not run.'));
    deps.log.warn(message);
    return { ran: false };
  }
  deps.tree.setFilter(asActiveFilter(filter));
  await vscode.commands.executeCommand('okg.gameServers.focus');
  await deps.session.start();
  deps.log.info(`Run filter ${uri.fsPath}: ${deps.tree.matchCount} matches`);
  return { ran: true, matchCount: deps.tree.matchCount };
}

export function registerRunFilter(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('okg.runFilter', (arg?: vscode.Uri | RunFilterOptions) => run(deps, arg)),
    // The filter shown stays the one on disk: a saved edit re-runs it, an invalid one keeps the last good one.
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const active = deps.tree.filter;
      if (!active || doc.uri.toString() !== active.uri.toString()) return;
      const filter = compileDocument(doc);
      if (filter.compiled.ok) deps.tree.setFilter(asActiveFilter(filter));
      else void vscode.window.showWarningMessage(vscode.l10n.t('{0} has errors; the view keeps showing its last valid version.', active.label));
    }),
  );
}
