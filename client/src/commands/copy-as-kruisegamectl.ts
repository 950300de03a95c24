// Copy as kruisegamectl Command: the same filter (and patch) as a command line for scripts and CI.
import * as vscode from 'vscode';
import type { Deps } from './deps';
import { asUri, fileLabel, pickFile } from './documents';
import { kruisegamectlCommand } from './kruisegamectl-command';
import { kindOfFile } from './resource-kind';

async function filterTextForPatch(deps: Deps): Promise<{ text: string; uri: vscode.Uri } | undefined> {
  const uri = deps.tree.filter?.uri ?? (await pickFile('kgfilter', vscode.l10n.t('Filter selecting the objects to patch')));
  if (!uri) return undefined;
  return { text: (await vscode.workspace.openTextDocument(uri)).getText(), uri };
}

async function run(deps: Deps, arg?: vscode.Uri | string): Promise<string | undefined> {
  const uri = asUri(arg) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || !/\.kg(filter|patch)$/.test(uri.path)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a .kgfilter or .kgpatch file to copy it as a kruisegamectl command.'));
    return undefined;
  }
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  const isPatch = uri.path.endsWith('.kgpatch');
  const filter = isPatch ? await filterTextForPatch(deps) : { text, uri };
  if (!filter) return undefined;
  const loaded = await deps.session.loadConfig();
  const files = loaded.ok ? loaded.config.files : [];
  const result = kruisegamectlCommand({
    kind: kindOfFile(uri.path),
    filterText: filter.text,
    patchText: isPatch ? text : undefined,
    kubeconfigPath: files[0],
  });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.message);
    return undefined;
  }
  await vscode.env.clipboard.writeText(result.command);
  const notes = [
    vscode.l10n.t("kruisegamectl matches in every namespace and uses the kubeconfig's current context."),
    files.length > 1 ? vscode.l10n.t('It reads one kubeconfig file; {0} was named.', fileLabel(vscode.Uri.file(files[0]))) : '',
  ].filter(Boolean);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied the kruisegamectl command for {0}. {1}', fileLabel(filter.uri), notes.join(' ')));
  return result.command;
}

export function registerCopyAsKruisegamectl(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.copyAsKruisegamectl', (arg?: vscode.Uri | string) => run(deps, arg));
}
