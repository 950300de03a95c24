// Engine problems as LSP diagnostics, and the size limit above which documents are not checked.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../engine';
import { MAX_INTERACTIVE_LENGTH } from './json-context';

export const SOURCE = 'okg';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toDiagnostic(problem: Problem): Diagnostic {
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    code: problem.code,
    source: SOURCE,
    message: problem.message,
    ...(problem.data && { data: problem.data }),
  };
}

/** A warning at the top of a document too large to check, instead of checks. */
export function tooLargeWarning(length: number, message: (size: string, limit: string) => string): Diagnostic {
  const mb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'too-large',
    source: SOURCE,
    message: message(mb(length), mb(MAX_INTERACTIVE_LENGTH)),
  };
}

/** A filter or patch is a few kilobytes; a document past the limit gets this one diagnostic instead of checks. */
export function tooLarge(doc: TextDocument, noun: string): Diagnostic[] | undefined {
  const length = doc.getText().length;
  if (length <= MAX_INTERACTIVE_LENGTH) return undefined;
  return [
    tooLargeWarning(length, (size, limit) => `This ${noun} is ${size}, over the ${limit} the editor checks; no ${noun} is this large, so check that it is the right file`),
  ];
}
