// One entry of reserveGameServerIds as OKG reads it (kruise-game pkg/util/set.go, ParseRange and
// GetReserveOrdinalIntSet): an int, or a string "a-b". Shared by the YAML check and planScale so the
// two cannot disagree about which entries OKG refuses (docs/scale-plan.md, "Reserved ids").
import { isInt32, parseGoInt } from '../okg';

export type ReserveEntry =
  | { ok: true; from: number; to: number }
  /** A string ParseRange refuses; `single` is set when it is one integer in quotes, which OKG does not accept either. */
  | { ok: false; why: 'numeric-string'; single: number }
  | { ok: false; why: 'malformed' | 'reversed' }
  /** Neither an int32 nor a string: OKG's Go types cannot decode the set at all. */
  | { ok: false; why: 'undecodable' };

// Go's unicode.IsSpace, which strings.TrimSpace uses; JavaScript's trim() also strips U+FEFF and keeps U+0085.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]+';
const GO_TRIM = new RegExp(`^${GO_SPACE}|${GO_SPACE}$`, 'g');

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_TRIM, '');
}

/** ParseRange: exactly one `-` between two integers (spaces around each allowed), start not after end. */
export function parseRange(s: string): { from: number; to: number } | 'malformed' | 'reversed' {
  const parts = s.split('-');
  if (parts.length !== 2) return 'malformed';
  const from = parseGoInt(goTrimSpace(parts[0]!));
  const to = parseGoInt(goTrimSpace(parts[1]!));
  if (from === undefined || to === undefined) return 'malformed';
  return from > to ? 'reversed' : { from, to };
}

export function parseReserveEntry(entry: unknown): ReserveEntry {
  if (typeof entry === 'number') return isInt32(entry) ? { ok: true, from: entry, to: entry } : { ok: false, why: 'undecodable' };
  if (typeof entry !== 'string') return { ok: false, why: 'undecodable' };
  const range = parseRange(entry);
  if (typeof range === 'object') return { ok: true, ...range };
  const single = parseGoInt(goTrimSpace(entry));
  if (single !== undefined) return { ok: false, why: 'numeric-string', single };
  return { ok: false, why: range };
}
