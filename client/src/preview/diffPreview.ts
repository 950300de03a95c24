// One multi-file diff editor showing the before and after of every previewed object.
import * as vscode from 'vscode';
import { objectYaml } from './objectYaml';
import { PREVIEW_SCHEME, type PreviewDocuments } from './previewDocuments';

export interface DiffEntry {
  kind: string;
  namespace: string;
  name: string;
  before: unknown;
  after: unknown;
}

let previewCount = 0;

/**
 * Writes every before/after pair into the preview documents and opens them in the `vscode.changes`
 * editor. Returns the number of entries shown, which is the number of objects previewed.
 */
export async function openDiffPreview(docs: PreviewDocuments, title: string, context: string, entries: readonly DiffEntry[]): Promise<number> {
  const id = `p${++previewCount}`;
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
