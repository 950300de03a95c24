// Engine problems as LSP diagnostics, the size limit above which documents are not checked, and the
// bound on how many diagnostics one document publishes.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import type { Problem, ProblemCode } from '../engine';
import { MAX_DIAGNOSTICS, MAX_JSON_LENGTH } from './limits';

export const SOURCE = 'okg';

/** The default of a switch that names every problem code of a document kind: a code left out fails tsc here. */
export function unreachable(code: never): never {
  throw new Error(`okg: no quick-fix case for problem code ${String(code)}`);
}

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

/** What a message calls a .kgfilter or .kgpatch document. */
export function documentNoun(noun: 'filter' | 'patch'): string {
  return noun === 'patch' ? l10n.t({ message: 'patch', comment: ['a .kgpatch document'] }) : l10n.t({ message: 'filter', comment: ['a .kgfilter document'] });
}

/** A size for messages: `1.9 MB`, `300 KB`. */
export function size(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.ceil(chars / 1000)} KB`;
}

/** A warning at the top of a document too large to check, instead of checks. */
export function tooLargeWarning(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'too-large' satisfies ProblemCode,
    source: SOURCE,
    message,
  };
}

/** A filter or patch is a few kilobytes; a document past the limit gets this one diagnostic instead of checks. */
export function tooLarge(doc: TextDocument, noun: 'filter' | 'patch'): Diagnostic[] | undefined {
  const length = doc.getText().length;
  if (length <= MAX_JSON_LENGTH) return undefined;
  return [
    tooLargeWarning(
      l10n.t(
        'This {0} is {1}, over the {2} the editor checks; no {0} is this large, so check that it is the right file',
        documentNoun(noun),
        size(length),
        size(MAX_JSON_LENGTH),
      ),
    ),
  ];
}

const before = (a: Diagnostic, b: Diagnostic): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

/**
 * At most MAX_DIAGNOSTICS diagnostics: past that, the first ones in the document and one last
 * diagnostic where the rest begin, saying how many are not shown.
 */
export function limitDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const sorted = [...diagnostics].sort(before);
  const shown = sorted.slice(0, MAX_DIAGNOSTICS - 1);
  const from = sorted[MAX_DIAGNOSTICS - 1].range.start;
  const hidden = sorted.length - shown.length;
  return [
    ...shown,
    {
      range: { start: from, end: from },
      severity: DiagnosticSeverity.Warning,
      code: 'too-many-problems' satisfies ProblemCode,
      source: SOURCE,
      message: l10n.t('{0} more problems from here on are not shown (the editor shows {1} per file); fix the ones above first', hidden, MAX_DIAGNOSTICS - 1),
    },
  ];
}
