// OKG: New Filter and OKG: New Patch — an untitled filter or patch to start from (starters.ts).
import * as vscode from 'vscode';
import { filterStarter, patchStarter } from './starters';

type Language = 'kgfilter' | 'kgpatch';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * An untitled document named `<base>.<language>` (`<base>-2`, ... when taken) in the first workspace
 * folder, so that its tab says what it is and Save proposes a name the extension recognises.
 */
async function freshUri(base: string, language: Language): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}.${language}`;
    const file = folder ? vscode.Uri.joinPath(folder, name) : undefined;
    const uri = file ? file.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (!open.has(uri.path) && !(file && (await exists(file)))) return uri;
  }
}

/**
 * Beside a tab that is not a text editor (the walkthrough, a preview), so that it stays in view;
 * otherwise where the user is working.
 */
function column(): vscode.ViewColumn {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  return tab && !(tab.input instanceof vscode.TabInputText) ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

async function open(base: string, language: Language, content: string): Promise<vscode.TextDocument> {
  let doc = await vscode.workspace.openTextDocument(await freshUri(base, language));
  // The name sets the language, unless the user associated `.kgfilter` or `.kgpatch` with another.
  if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: column(), preview: false });
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), content));
  // Indentation is detected when a document opens, and this one opened empty: say what it holds.
  editor.options = { tabSize: 2, insertSpaces: true };
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return doc;
}

export function registerNewDocuments(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('okg.newFilter', () => open('new-filter', 'kgfilter', filterStarter())),
    vscode.commands.registerCommand('okg.newPatch', () => open('new-patch', 'kgpatch', patchStarter())),
  );
}
