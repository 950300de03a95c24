// Diagnostics for .kgfilter documents: every problem the engine finds, at its range.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseFilter } from '../engine';
import { targetKind } from './document-kind';
import { limitDiagnostics, toDiagnostic, tooLarge } from './problem-diagnostic';

export function filterDiagnostics(doc: TextDocument): Diagnostic[] {
  return tooLarge(doc, 'filter') ?? limitDiagnostics(parseFilter(doc.getText(), targetKind(doc.uri)).problems.map(toDiagnostic));
}
