// Prints engine problems as `source:line:col: severity: message` (1-based, as compilers do).
import type { Problem } from '../../../server/src/engine';
import type { Source } from './sources';

/** Errors and warnings, one line each; informational notes are left to the editor. */
export function formatProblems(source: Source, problems: readonly Problem[]): string {
  return problems
    .filter((p) => p.severity !== 'info')
    .map((p) => `${source.name}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message}\n`)
    .join('');
}
