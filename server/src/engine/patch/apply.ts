// Applies a JSON Patch to a copy of an object exactly as kube-apiserver does (docs/json-patch.md).
// Every failure, whatever caused it, becomes a PatchApplyError naming the op's index, the op and the
// reason, with the answer the API server would give.
import { parseTree } from 'jsonc-parser';
import { describe, firstLine, goTypeName } from './describe';
import { OpFailure, runOp, type SentOp } from './run-op';
import { compactJson } from './server-json';
import type { PatchOp } from './types';

/** What kube-apiserver answers a request carrying the patch: its HTTP status and error message. */
export interface ApiServerAnswer {
  status: 400 | 422 | 500;
  message: string;
}

export class PatchApplyError extends Error {
  /** `index` and `op` are undefined only when there is no operation to name (an empty patch on bad input). */
  constructor(
    readonly index: number | undefined,
    readonly op: PatchOp | undefined,
    readonly reason: string,
    readonly apiServer: ApiServerAnswer = { status: 422, message: reason },
  ) {
    super(op === undefined ? `The patch cannot be applied: ${reason}` : `Operation ${index} ${showOp(op)} failed: ${reason}`);
    this.name = 'PatchApplyError';
  }
}

/**
 * Returns a patched copy of `obj`: what the API server makes of `ops` sent as JSON, as kgctl and the
 * extension send them (so a `test` value is compared as JSON.stringify writes it). Neither `obj` nor
 * `ops` is modified, and the result shares nothing with them.
 */
export function applyPatch<T>(obj: T, ops: readonly PatchOp[]): T {
  if (!Array.isArray(ops)) {
    throw new PatchApplyError(undefined, undefined, `the operations must be an array (a JSON Patch), not ${describe(ops)}.`, notAPatch(ops));
  }
  const doc = copyOf(obj, ops);
  return run(
    doc,
    ops,
    ops.map((op, index) => sentAsJson(op, index)),
  );
}

/**
 * Returns a patched copy of `obj`: what the API server makes of a request whose body is `text`, so a
 * `test` value is compared as it is written there (`1.0` does not match 1, nor "\u004eone" "None").
 */
export function applyPatchText<T>(obj: T, text: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new PatchApplyError(undefined, undefined, `the patch is not JSON: ${firstLine(e)}`, { status: 400, message: firstLine(e) });
  }
  if (!Array.isArray(parsed)) {
    throw new PatchApplyError(undefined, undefined, `a JSON Patch is an array of operations, not ${describe(parsed)}.`, notAPatch(parsed));
  }
  const ops = parsed as PatchOp[];
  const doc = copyOf(obj, ops);
  let values: (string | undefined)[];
  try {
    values = valueTexts(text);
  } catch (e) {
    throw new PatchApplyError(undefined, undefined, `the patch cannot be read: ${tooDeep(e)}`, { status: 400, message: tooDeep(e) });
  }
  return run(
    doc,
    ops,
    parsed.map((op: unknown, index) => decoded(op, index, ops[index], values[index])),
  );
}

function notAPatch(v: unknown): ApiServerAnswer {
  return { status: 400, message: `json: cannot unmarshal ${goTypeName(v)} into Go value of type jsonpatch.Patch` };
}

/** A JSON copy of the object to patch, or the reason it cannot be one. */
function copyOf(obj: unknown, ops: readonly unknown[]): unknown {
  const first = ops.length > 0 ? 0 : undefined;
  const op = ops[0] as PatchOp | undefined;
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new PatchApplyError(first, op, `the object to patch is ${describe(obj)}, not a JSON object such as a GameServer or GameServerSet.`);
  }
  try {
    return JSON.parse(JSON.stringify(obj));
  } catch (e) {
    throw new PatchApplyError(first, op, `the object to patch cannot be copied as JSON (${firstLine(e)}).`);
  }
}

/** An operation as the API server receives it from a client that sends it with JSON.stringify. */
function sentAsJson(op: unknown, index: number): SentOp {
  let json: unknown;
  try {
    const text = JSON.stringify(op);
    json = text === undefined ? null : JSON.parse(text);
  } catch (e) {
    const reason = `the operation cannot be sent as JSON (${firstLine(e)}).`;
    throw new PatchApplyError(index, op as PatchOp, reason, { status: 400, message: reason });
  }
  const value = json !== null && typeof json === 'object' && Object.hasOwn(json, 'value') ? JSON.stringify((json as { value: unknown }).value) : undefined;
  return decoded(json, index, op as PatchOp, value);
}

/** The operation as the library decodes it: an object, or null (which it takes for an empty one). */
function decoded(json: unknown, index: number, op: PatchOp, valueText: string | undefined): SentOp {
  if (json === null) return { fields: null, valueText: undefined };
  if (typeof json === 'object' && !Array.isArray(json)) return { fields: json as Record<string, unknown>, valueText };
  throw new PatchApplyError(index, op, `the operation is ${describe(json)}, not an object.`, {
    status: 400,
    message: `json: cannot unmarshal ${goTypeName(json)} into Go value of type jsonpatch.Operation`,
  });
}

/** The compact text of each operation's `value` as written in `text` (the last one where it repeats, as Go decodes it). */
function valueTexts(text: string): (string | undefined)[] {
  const root = parseTree(text, [], { disallowComments: true });
  return (root?.children ?? []).map((element) => {
    if (element.type !== 'object') return undefined;
    let value: string | undefined;
    for (const property of element.children ?? []) {
      const [key, node] = property.children ?? [];
      if (key?.value === 'value' && node) value = compactJson(text.slice(node.offset, node.offset + node.length));
    }
    return value;
  });
}

function run<T>(doc: unknown, ops: readonly PatchOp[], sent: readonly SentOp[]): T {
  const state = { doc, copied: 0 };
  sent.forEach((op, index) => {
    try {
      runOp(state, op);
    } catch (e) {
      if (e instanceof OpFailure) throw new PatchApplyError(index, ops[index], e.reason, { status: e.crash ? 500 : 422, message: e.goMessage });
      throw new PatchApplyError(index, ops[index], tooDeep(e));
    }
  });
  return state.doc as T;
}

/** The reason for an unexpected error: deep nesting overflows the stack of a recursive walk. */
function tooDeep(e: unknown): string {
  return e instanceof RangeError ? 'it is nested too deeply to process.' : firstLine(e);
}

function showOp(op: unknown): string {
  try {
    return JSON.stringify(op) ?? String(op);
  } catch {
    return describe(op);
  }
}
