// Finding the filter or patch a command should use: an argument, the active editor, or a pick.
import * as vscode from 'vscode';
import type { Problem } from '../../../server/src/engine';

export type DocLanguage = 'kgfilter' | 'kgpatch';

/** A URI given as a Uri (menus pass the resource) or as a string (tests, command links). */
export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') return value.includes(':') ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  return undefined;
}

export function fileLabel(uri: vscode.Uri): string {
  // An untitled document named after a workspace path (New Filter's) is not inside the workspace
  // to asRelativePath, which would give the whole path; its tab shows the name, and so do we.
  if (uri.scheme === 'untitled') return uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return vscode.workspace.asRelativePath(uri, false);
}

/**
 * The file of that language in the active editor. The active tab answers too: a file just opened
 * has its tab before its text editor reaches the extension host, and a command run at once from
 * the palette must act on what the user sees, not ask which file.
 */
export function activeUri(language: DocLanguage): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc?.languageId === language) return doc.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (!(input instanceof vscode.TabInputText)) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString());
  const ofLanguage = open ? open.languageId === language : input.uri.path.endsWith(`.${language}`);
  return ofLanguage ? input.uri : undefined;
}

/**
 * The open untitled documents of that language (OKG: New Filter and New Patch make them; a command
 * run from the walkthrough has no active editor to take them from), then the workspace's files.
 */
export async function workspaceFiles(language: DocLanguage): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles(`**/*.${language}`, '**/node_modules/**', 500);
  const untitled = vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.languageId === language).map((d) => d.uri);
  return [...untitled, ...uris.sort((a, b) => fileLabel(a).localeCompare(fileLabel(b)))];
}

export async function pickFile(language: DocLanguage, placeHolder: string): Promise<vscode.Uri | undefined> {
  const files = await workspaceFiles(language);
  if (files.length === 0) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No .{0} file in the workspace.', language));
    return undefined;
  }
  // ignoreFocusOut: run from the walkthrough, whose page takes the focus when it re-renders (a step
  // ticked, a page's text loaded), a pick would close before the user saw it. Escape still closes it.
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: fileLabel(uri), uri })),
    { placeHolder, ignoreFocusOut: true },
  );
  return picked?.uri;
}

/**
 * Shows the document and says why it was refused; the language server's diagnostics are
 * already on it, so the Problems panel is one click away.
 */
export async function refuseWithDiagnostics(doc: vscode.TextDocument, problems: readonly Problem[], what: string): Promise<string> {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  const where = first ? vscode.l10n.t(' (line {0}: {1})', first.range.start.line + 1, first.message) : '';
  const message =
    errors.length === 1
      ? vscode.l10n.t('{0} has 1 error{1}; {2}', fileLabel(doc.uri), where, what)
      : vscode.l10n.t('{0} has {1} errors{2}; {3}', fileLabel(doc.uri), errors.length, where, what);
  await vscode.window.showTextDocument(doc, { preview: false });
  void vscode.window
    .showErrorMessage(message, vscode.l10n.t('Show Problems'))
    .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return message;
}
