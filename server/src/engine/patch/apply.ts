// Applies checked operations to a copy of an object with fast-json-patch. Every failure, whatever
// threw it, becomes a PatchApplyError naming the op's index, the op and the reason.
import { applyOperation, deepClone, JsonPatchError, type Operation } from 'fast-json-patch';
import { isProperPrefix, parsePointer } from './pointer';
import type { PatchOp } from './types';

export class PatchApplyError extends Error {
  /** `index` and `op` are undefined only when there is no operation to name (an empty patch on bad input). */
  constructor(
    readonly index: number | undefined,
    readonly op: PatchOp | undefined,
    readonly reason: string,
  ) {
    super(op === undefined ? `The patch cannot be applied: ${reason}` : `Operation ${index} ${show(op)} failed: ${reason}`);
    this.name = 'PatchApplyError';
  }
}

/** Returns a patched copy of `obj`; neither `obj` nor `ops` is modified, and the result shares nothing with them. */
export function applyPatch<T>(obj: T, ops: readonly PatchOp[]): T {
  if (!Array.isArray(ops)) throw new PatchApplyError(undefined, undefined, `the operations must be an array (a JSON Patch), not ${describe(ops)}.`);
  const first = ops.length > 0 ? 0 : undefined;
  if (!isJsonObject(obj)) {
    throw new PatchApplyError(first, ops[0], `the object to patch is ${describe(obj)}, not a JSON object such as a GameServer or GameServerSet.`);
  }
  let doc: unknown;
  try {
    doc = deepClone(obj);
  } catch (e) {
    throw new PatchApplyError(first, ops[0], `the object to patch cannot be copied as JSON (${firstLine(e)}).`);
  }
  ops.forEach((op, index) => {
    const refused = refusal(op);
    if (refused) throw new PatchApplyError(index, op, refused);
    try {
      doc = applyOperation(doc, deepClone(op) as Operation, true, true, true, index).newDocument;
    } catch (e) {
      throw new PatchApplyError(index, op, reason(e, op, doc));
    }
  });
  return doc as T;
}

function isJsonObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why an op must not run at all, where fast-json-patch would run it anyway. */
function refusal(op: PatchOp): string | undefined {
  if (!isContainer(op) || op.op !== 'move' || typeof op.from !== 'string' || typeof op.path !== 'string') return undefined;
  const from = parsePointer(op.from);
  const path = parsePointer(op.path);
  if (!from.ok || !path.ok || !isProperPrefix(from.segments, path.segments)) return undefined;
  return `${op.from || 'the document'} cannot be moved into its own child ${op.path} (RFC 6902 §4.4).`;
}

function reason(e: unknown, op: PatchOp, doc: unknown): string {
  // An op that is not an object (possible from untyped callers) has no pointers to explain with.
  if (!isContainer(op)) return firstLine(e);
  if (!(e instanceof JsonPatchError)) return unreachable(doc, op) ?? firstLine(e);
  const from = 'from' in op ? op.from : '';
  switch (e.name) {
    case 'TEST_OPERATION_FAILED': {
      const actual = read(doc, op.path);
      const expected = 'value' in op ? show(op.value) : 'nothing';
      return `test failed: ${op.path || 'the document'} is ${actual.found ? show(actual.value) : 'missing'}, not ${expected}.`;
    }
    case 'OPERATION_PATH_UNRESOLVABLE':
      return `path ${op.path} does not exist in the object.`;
    case 'OPERATION_PATH_CANNOT_ADD':
      return `the parent of ${op.path} does not exist in the object; add the parent first.`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `from ${from} does not exist in the object.`;
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
      return `${op.path} uses an array index that is not a non-negative integer.`;
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `the array index in ${op.path} is past the end of the array.`;
    default:
      return firstLine(e);
  }
}

/**
 * Why a pointer of `op` cannot be followed in `doc` (a step into null, a string or a number, or a
 * missing parent), for failures fast-json-patch reports only as a TypeError.
 */
function unreachable(doc: unknown, op: PatchOp): string | undefined {
  for (const pointer of 'from' in op ? [op.from, op.path] : [op.path]) {
    if (typeof pointer !== 'string') continue;
    const parsed = parsePointer(pointer);
    if (!parsed.ok) return parsed.message;
    let value = doc;
    for (let i = 0; i < parsed.segments.length - 1; i++) {
      const step = child(value, parsed.segments[i].value);
      const prefix = pointer.slice(0, parsed.segments[i].end);
      if (!step.found) return `${prefix} does not exist in the object, so ${pointer} cannot be reached.`;
      value = step.value;
      if (!isContainer(value)) return `${prefix} is ${describe(value)}, so ${pointer} cannot be reached.`;
    }
  }
  return undefined;
}

function isContainer(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

type Lookup = { found: true; value: unknown } | { found: false };

/** A member as JSON Pointer sees it: own properties only, never inherited ones such as `toString`. */
function child(value: unknown, key: string): Lookup {
  if (!isContainer(value) || !Object.hasOwn(value as object, key)) return { found: false };
  return { found: true, value: (value as Record<string, unknown>)[key] };
}

function read(doc: unknown, pointer: string): Lookup {
  const parsed = parsePointer(pointer);
  if (!parsed.ok) return { found: false };
  let at: Lookup = { found: true, value: doc };
  for (const s of parsed.segments) {
    if (!at.found) break;
    at = child(at.value, s.value);
  }
  return at;
}

/** A value for a message: JSON where it has one, a description otherwise. */
function show(v: unknown): string {
  try {
    return JSON.stringify(v) ?? describe(v);
  } catch {
    return describe(v);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
    case 'number':
    case 'bigint':
      return `the number ${String(v)}`;
    case 'boolean':
      return `the boolean ${String(v)}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
