// Whether an editor holds an OKG document: a filter, a patch, or YAML naming OKG's group version (the
// language server's own test, mayHoldOkg in the engine, which the client does not bundle).
import type * as vscode from 'vscode';

const OKG_API_VERSION = 'game.kruise.io/v1alpha1';

export function isOkgDocument(document: vscode.TextDocument): boolean {
  if (document.languageId === 'kgfilter' || document.languageId === 'kgpatch') return true;
  return document.languageId === 'yaml' && document.getText().includes(OKG_API_VERSION);
}

/** Whether an edit may have made a YAML document name OKG's group version: only its inserted text is read. */
export function mayHaveBecomeOkg(event: vscode.TextDocumentChangeEvent): boolean {
  return event.document.languageId === 'yaml' && event.contentChanges.some((c) => c.text.includes('game.kruise.io'));
}
