// OKG constants and value rules shared by the filter, patch and manifest checks.
import * as l10n from '@vscode/l10n';

/** Reserved `spec.opsState` values; any other string is legal but sorts like `None`. */
export const OPS_STATES = ['None', 'WaitToBeDeleted', 'Maintaining', 'Allocated', 'Kill'] as const;

/** `status.currentState` values. */
export const GS_STATES = ['Unknown', 'Creating', 'Ready', 'NotReady', 'Crash', 'Updating', 'Deleting', 'PreDelete', 'PreUpdate'] as const;

/** `status.networkStatus.currentNetworkState` values. */
export const NETWORK_STATES = ['Ready', 'Waiting', 'NotReady'] as const;

const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends, `-_.` inside, or empty. */
export function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/**
 * What Go's Atoi returns: the value alongside any error (0 on a syntax error, the int64 bound on
 * overflow) and, on overflow, that bound as written in decimal (a JS number cannot hold it exactly).
 */
export type GoAtoi = { value: number; error?: undefined } | { value: number; error: 'syntax' } | { value: number; error: 'range'; bound: string };

/**
 * Go's strconv.Atoi on a 64-bit platform: optional sign, then ASCII decimal digits. On overflow Go
 * returns the clamped value together with its error, so code that ignores the error (as
 * IntOrString.IntValue() does) reads 9223372036854775807 or -9223372036854775808; `value` is the
 * nearest JS number.
 */
export function goAtoi(s: string): GoAtoi {
  if (!/^[+-]?[0-9]+$/.test(s)) return { value: 0, error: 'syntax' };
  const signed = s[0] === '+' || s[0] === '-';
  // Up to 18 digits always fits in int64; `+ 0` turns -0 into Go's 0.
  if (s.length - (signed ? 1 : 0) <= 18) return { value: Number(s) + 0 };
  const n = BigInt(s[0] === '+' ? s.slice(1) : s);
  if (n > INT64_MAX) return { value: Number(INT64_MAX), error: 'range', bound: INT64_MAX.toString() };
  if (n < INT64_MIN) return { value: Number(INT64_MIN), error: 'range', bound: INT64_MIN.toString() };
  return { value: Number(n) };
}

/**
 * Whether a JSON integer fits IntOrString's int32: a bigger one is stored by the API server (the CRD
 * sets no bound) but cannot be decoded into OKG's Go types, by its controller or by kruise-game-api.
 */
export function isInt32(n: number): boolean {
  return Number.isInteger(n) && n >= -(2 ** 31) && n <= 2 ** 31 - 1;
}

/** Why an integer priority (`subject` names it) outside int32 is an error, for the patch and YAML messages alike. */
export function notInt32(subject: string): string {
  return l10n.t(
    "{0} is outside the 32-bit integer range that an int-or-string holds in OKG's Go types: the API server stores it, " +
      'but the OKG controller and kruise-game-api cannot decode the object. Use an integer from -2147483648 to 2147483647.',
    subject,
  );
}

/** What OKG makes of a priority string (`subject` names it) beyond int64, for the patch and YAML messages alike. */
export function beyondInt64(subject: string, bound: string): string {
  return l10n.t(
    '{0} is beyond the 64-bit integer range, so OKG reads it as {1} (strconv.Atoi clamps it) and every such priority ties. Use a smaller integer.',
    subject,
    bound,
  );
}

/** The integer Go's strconv.Atoi reads from `s`, or undefined when Atoi fails (bad syntax or overflow). */
export function parseGoInt(s: string): number | undefined {
  const r = goAtoi(s);
  return r.error ? undefined : r.value;
}

/** IntOrString read as Go's `IntValue()`: an int as is, a string through Atoi ignoring its error; missing is 0. */
export function intOrStringValue(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string') return goAtoi(v).value;
  return 0;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The known values ordered from the nearest to `value` (edit distance, ignoring case) to the farthest. */
export function nearestFirst(value: string, known: readonly string[]): string[] {
  const lower = value.toLowerCase();
  const distance = new Map(known.map((k) => [k, editDistance(lower, k.toLowerCase())]));
  return [...known].sort((a, b) => distance.get(a)! - distance.get(b)!);
}

/** Other spellings people write for a known value: OKG's Go constant names where they differ. */
const OTHER_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([['WaitToBeDeleted', ['WaitToDelete']]]);

/**
 * The known value `value` was probably meant to be, or undefined when it is exact or not close.
 * Close means equal ignoring case, or within an edit distance of 2 (1 for short words), of the value
 * or of another spelling of it (`WaitToDelete`, the Go constant for `WaitToBeDeleted`).
 */
export function nearMiss(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    for (const spelling of [k, ...(OTHER_SPELLINGS.get(k) ?? [])]) {
      const d = editDistance(lower, spelling.toLowerCase());
      const limit = spelling.length <= 4 ? 1 : 2;
      if (d <= limit && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
  }
  return best;
}
