// OKG: Apply Patch to Matches — a .kgpatch on the matches of a filter, through preview and confirm.
import * as vscode from 'vscode';
import { checkPatch } from '../../../server/src/engine';
import type { ApplySummary } from './apply-summary';
import type { Deps } from './deps';
import { activeUri, asUri, fileLabel, pickFile, refuseWithDiagnostics, workspaceFiles } from './documents';
import { loadFilter } from './load-filter';
import { previewAndApply, type Confirm } from './preview-and-apply';
import { kindOfFile, type ResourceKind } from './resource-kind';
import { requireTrust } from './trust';

export interface ApplyPatchOptions {
  patchUri?: vscode.Uri | string;
  /** The filter whose matches are patched; without it, the view's current results or a pick. */
  filterUri?: vscode.Uri | string;
  /** Use the view's current results without asking (when a filter is running). */
  useCurrentResults?: boolean;
  /** See Confirm: true (default) asks the user; the preview opens in every case. */
  confirm?: Confirm;
}

interface Matches {
  kind: ResourceKind;
  label: string;
  isEmpty: boolean;
  matches(obj: unknown): boolean;
  /** The filter's text as written, for the journal (the view's running filter has only its file). */
  text?: string;
}

async function choosePatch(arg: vscode.Uri | ApplyPatchOptions | undefined): Promise<vscode.Uri | undefined> {
  const given = asUri(arg instanceof vscode.Uri ? arg : arg?.patchUri);
  return given ?? activeUri('kgpatch') ?? (await pickFile('kgpatch', vscode.l10n.t('Patch to apply')));
}

/** The filter: given, else a pick of the view's current results and the workspace's filters. */
async function chooseMatches(deps: Deps, options: ApplyPatchOptions): Promise<Matches | undefined> {
  const given = asUri(options.filterUri);
  const current = deps.tree.filter;
  if (!given && options.useCurrentResults && current) return current;
  let uri = given;
  if (!uri) {
    type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
    const items: Item[] = [];
    if (current) {
      const label = `$(filter) ${vscode.l10n.t('Current results: {0}', current.label)}`;
      items.push({ label, description: vscode.l10n.t('{0} matches', deps.tree.matchCount) });
    }
    for (const f of await workspaceFiles('kgfilter')) items.push({ label: fileLabel(f), uri: f });
    if (items.length === 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No filter to choose matches with: run a filter or add a .kgfilter file.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Apply to the matches of'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (!picked.uri && current) return current;
    uri = picked.uri;
  }
  if (!uri) return undefined;
  const filter = await loadFilter(uri);
  if (!filter.compiled.ok) {
    await refuseWithDiagnostics(filter.doc, filter.compiled.problems, vscode.l10n.t('nothing was applied.'));
    return undefined;
  }
  return { kind: filter.kind, label: fileLabel(uri), isEmpty: filter.isEmpty, matches: filter.compiled.matches, text: filter.doc.getText() };
}

async function run(deps: Deps, arg?: vscode.Uri | ApplyPatchOptions): Promise<ApplySummary | undefined> {
  if (!requireTrust(vscode.l10n.t('Apply Patch to Matches'))) return undefined;
  const options: ApplyPatchOptions = arg instanceof vscode.Uri ? { patchUri: arg } : (arg ?? {});
  const patchUri = await choosePatch(arg);
  if (!patchUri) return undefined;
  const patchDoc = await vscode.workspace.openTextDocument(patchUri);
  const patchKind = kindOfFile(patchUri.path);
  const patch = checkPatch(patchDoc.getText(), patchKind);
  if (!patch.ok) {
    deps.log.warn(await refuseWithDiagnostics(patchDoc, patch.problems, vscode.l10n.t('it was not applied.')));
    return undefined;
  }
  const matches = await chooseMatches(deps, options);
  if (!matches) return undefined;
  if (matches.kind !== patchKind) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        '{0} patches {1}s but {2} selects {3}s. Name set files *.gss.kgfilter / *.gss.kgpatch.',
        fileLabel(patchUri),
        patchKind,
        matches.label,
        matches.kind,
      ),
    );
    return undefined;
  }
  await deps.session.start();
  return previewAndApply(deps, {
    kind: patchKind,
    objects: deps.session.objects(matches.kind).filter((o) => matches.matches(o)),
    ops: patch.ops,
    what: vscode.l10n.t('{0} on the matches of {1}', fileLabel(patchUri), matches.label),
    filterIsEmpty: matches.isEmpty,
    filter: matches.text,
    stillMatches: (o) => matches.matches(o),
    confirm: options.confirm ?? true,
  });
}

export function registerApplyPatch(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.applyPatch', (arg?: vscode.Uri | ApplyPatchOptions) => run(deps, arg));
}
