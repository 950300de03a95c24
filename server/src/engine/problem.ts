// Problems are values: a stable code, a message a user acts on, and an LSP-style range.
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
  code: string;
  message: string;
  range: Range;
  /** Machine-readable hints for quick fixes, e.g. `{ replacement: '$ge' }`. */
  data?: Record<string, unknown>;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
