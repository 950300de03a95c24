// What every manifest check returns: a problem located by offsets in its document's text, turned into
// a line/character Problem only once, for the whole file.
import type { Severity } from '../problem';
import type { AnyProblemData, ManifestCode, ProblemData } from '../problems';

export interface Span {
  start: number;
  end: number;
}

export interface Finding extends Span {
  severity: Severity;
  code: ManifestCode;
  message: string;
  data?: AnyProblemData;
}

export type Segment = string | number;

/** What a check sees of one GameServer or GameServerSet document. */
export interface CheckContext {
  kind: 'GameServer' | 'GameServerSet';
  /** The document as plain data (aliases expanded, within a bound). */
  value: Record<string, unknown>;
  /** Where the node at `path` is written: its key, or its value (a collection's first line). */
  span(path: readonly Segment[], part?: 'key' | 'value'): Span;
}

export type Check = (ctx: CheckContext) => Finding[];

/** A finding whose data the type checker holds to the code's own shape (problems.ts). */
export function finding<C extends ManifestCode>(severity: Severity, code: C, message: string, span: Span, data?: ProblemData<C>): Finding {
  return data ? { severity, code, message, start: span.start, end: span.end, data } : { severity, code, message, ...span };
}

export function asObject(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** True when the key is present with a value (YAML `key:` with nothing after it counts as absent). */
export function isSet(o: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(o, key) && o[key] !== null && o[key] !== undefined;
}
