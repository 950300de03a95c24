// When an apply needs more than a click: many objects, every object, or servers being killed.

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
}

export interface ConfirmInput {
  count: number;
  threshold: number;
  /** The filter selects every object (an empty filter, as kruise-game-api reads it). */
  filterIsEmpty: boolean;
  ops: readonly JsonPatchOp[];
}

export type Confirmation = { kind: 'click' } | { kind: 'typeCount'; reasons: string[] };

function valueSetsKill(path: string, value: unknown): boolean {
  if (path === '/spec/opsState') return value === 'Kill';
  if (value === null || typeof value !== 'object') return false;
  // A whole object written above /spec/opsState, e.g. `replace /spec` with `{opsState: Kill}`.
  const rest = '/spec/opsState'.startsWith(`${path}/`) ? '/spec/opsState'.slice(path.length + 1).split('/') : undefined;
  if (!rest) return false;
  let cur: unknown = value;
  for (const key of rest) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur === 'Kill';
}

/** Whether the patch writes `Kill` into spec.opsState (which deletes the server and its players). */
export function patchSetsKill(ops: readonly JsonPatchOp[]): boolean {
  return ops.some((o) => (o.op === 'add' || o.op === 'replace') && valueSetsKill(o.path, o.value));
}

export function confirmationFor(input: ConfirmInput): Confirmation {
  const reasons: string[] = [];
  if (input.count > input.threshold) reasons.push(`more than ${input.threshold} objects`);
  if (input.filterIsEmpty) reasons.push('the filter is empty, so it matches every object');
  if (patchSetsKill(input.ops)) reasons.push('the patch sets opsState to Kill');
  return reasons.length ? { kind: 'typeCount', reasons } : { kind: 'click' };
}

/** The input box accepts exactly the count, so a stray Enter never confirms. */
export function typedCountError(typed: string, count: number): string | undefined {
  return typed.trim() === String(count) ? undefined : `Type ${count} to confirm`;
}
