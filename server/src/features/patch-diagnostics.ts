// Diagnostics for .kgpatch documents: every problem the engine's patch checks find.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkPatch } from '../engine';
import { targetKind } from './document-kind';
import { limitDiagnostics, toDiagnostic, tooLarge } from './problem-diagnostic';

export function patchDiagnostics(doc: TextDocument): Diagnostic[] {
  return tooLarge(doc, 'patch') ?? limitDiagnostics(checkPatch(doc.getText(), targetKind(doc.uri)).problems.map(toDiagnostic));
}
