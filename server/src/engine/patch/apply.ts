// Applies checked operations to a copy of an object with fast-json-patch, failing with the op's index,
// the op and the reason.
import { applyOperation, deepClone, getValueByPointer, JsonPatchError, type Operation } from 'fast-json-patch';
import type { PatchOp } from './types';

export class PatchApplyError extends Error {
  constructor(
    readonly index: number,
    readonly op: PatchOp,
    readonly reason: string,
  ) {
    super(`Operation ${index} ${JSON.stringify(op)} failed: ${reason}`);
    this.name = 'PatchApplyError';
  }
}

/** Returns a patched copy of `obj`; neither `obj` nor `ops` is modified, and the result shares nothing with them. */
export function applyPatch<T>(obj: T, ops: readonly PatchOp[]): T {
  let doc = deepClone(obj) as T;
  ops.forEach((op, index) => {
    try {
      doc = applyOperation(doc, deepClone(op) as Operation, true, true, true, index).newDocument;
    } catch (e) {
      throw new PatchApplyError(index, op, reason(e, op, doc));
    }
  });
  return doc;
}

function reason(e: unknown, op: PatchOp, doc: unknown): string {
  if (!(e instanceof JsonPatchError)) return e instanceof Error ? e.message : String(e);
  switch (e.name) {
    case 'TEST_OPERATION_FAILED': {
      const actual = readPointer(doc, op.path);
      return `test failed: ${op.path || 'the document'} is ${actual === undefined ? 'missing' : JSON.stringify(actual)}, not ${JSON.stringify('value' in op ? op.value : undefined)}.`;
    }
    case 'OPERATION_PATH_UNRESOLVABLE':
      return `path ${op.path} does not exist in the object.`;
    case 'OPERATION_PATH_CANNOT_ADD':
      return `the parent of ${op.path} does not exist in the object; add the parent first.`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `from ${'from' in op ? op.from : ''} does not exist in the object.`;
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
      return `${op.path} uses an array index that is not a non-negative integer.`;
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `the array index in ${op.path} is past the end of the array.`;
    default:
      return e.message;
  }
}

function readPointer(doc: unknown, pointer: string): unknown {
  try {
    return getValueByPointer(doc, pointer);
  } catch {
    return undefined;
  }
}
