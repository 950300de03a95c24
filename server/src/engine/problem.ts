// Problems are values: a stable code, a message a user acts on, and an LSP-style range.
import type { AnyProblemData, ProblemCode, ProblemData } from './problems';

export type Severity = 'error' | 'warning' | 'info';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  message: string;
  range: Range;
  /** Machine-readable hints for quick fixes, of the shape problems.ts gives the code, e.g. `{ replacement: '$ge' }`. */
  data?: AnyProblemData;
}

/** A problem whose data the type checker holds to the code's own shape. */
export function problem<C extends ProblemCode>(severity: Severity, code: C, message: string, range: Range, data?: ProblemData<C>): Problem {
  return data === undefined ? { severity, code, message, range } : { severity, code, message, range, data };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
