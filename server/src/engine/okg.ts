// OKG constants and value rules shared by the filter, patch and manifest checks (okg-api.md §0, §3).

/** Reserved `spec.opsState` values; any other string is legal but sorts like `None`. */
export const OPS_STATES = ['None', 'WaitToBeDeleted', 'Maintaining', 'Allocated', 'Kill'] as const;

/** `status.currentState` values. */
export const GS_STATES = [
  'Unknown',
  'Creating',
  'Ready',
  'NotReady',
  'Crash',
  'Updating',
  'Deleting',
  'PreDelete',
  'PreUpdate',
] as const;

/** `status.networkStatus.currentNetworkState` values. */
export const NETWORK_STATES = ['Ready', 'Waiting', 'NotReady'] as const;

const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** A Kubernetes label value: at most 63 characters, alphanumeric at both ends, `-_.` inside, or empty. */
export function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** Go's strconv.Atoi acceptance: optional sign, then decimal digits only, within 64 bits. */
export function parseGoInt(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** IntOrString read as Go's `IntValue()`: an int as is, a string through Atoi, else 0; missing is 0. */
export function intOrStringValue(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string') return parseGoInt(v) ?? 0;
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

/**
 * The known value `value` was probably meant to be, or undefined when it is exact or not close.
 * Close means equal ignoring case, or within an edit distance of 2 (1 for short words).
 */
export function nearMiss(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const lower = value.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    const limit = k.length <= 4 ? 1 : 2;
    if (d <= limit && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
