// One multi-file diff editor showing the before and after of every previewed object.
import * as vscode from 'vscode';
import { objectYaml } from './object-yaml';
import { PREVIEW_SCHEME, type PreviewDocuments } from './preview-documents';
import { isAnyPreviewTab } from './preview-title';

export interface DiffEntry {
  kind: string;
  namespace: string;
  name: string;
  before: unknown;
  after: unknown;
}

let previewCount = 0;

/** Earlier previews' tabs: their documents are about to be replaced, and one tab is one decision. */
async function closeEarlierPreviews(): Promise<void> {
  const earlier = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => isAnyPreviewTab(t.label));
  if (earlier.length) await vscode.window.tabGroups.close(earlier);
}

/**
 * Writes every before/after pair into the preview documents and opens them in the `vscode.changes`
 * editor, in place of any earlier preview. Returns the number of entries shown, which is the
 * number of objects previewed.
 */
export async function openDiffPreview(docs: PreviewDocuments, title: string, context: string, entries: readonly DiffEntry[]): Promise<number> {
  const id = `p${++previewCount}`;
  await closeEarlierPreviews();
  docs.clear('/');
  const triples = entries.map((e) => {
    // One path for both sides (the query differs), so the editor shows a change, not a rename;
    // the path reads as where the object lives.
    const path = `/${context}/${e.kind}/${e.namespace}/${e.name}.yaml`;
    const label = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path, query: id });
    const before = docs.put(path, objectYaml(e.before), `${id}-before`);
    const after = docs.put(path, objectYaml(e.after), `${id}-after`);
    return [label, before, after] as const;
  });
  await vscode.commands.executeCommand('vscode.changes', title, triples);
  return triples.length;
}
