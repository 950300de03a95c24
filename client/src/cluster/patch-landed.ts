// Did our own unanswered patch land? Asked after a timeout or 5xx when the retry then fails its
// resourceVersion precondition: either the first attempt was applied, or someone else changed
// the object meanwhile.
//
// The answer compares the object as it is now with the one we expected (the previewed dry-run
// result, or else the patch applied locally to the object it was meant for), only at the
// places the patch writes. Replaying the patch on the current object instead misjudges a
// landed patch: a user's `test` op (test opsState None, then replace it) fails once the replace
// landed, and `add .../-` appends a second time. So `test` ops, which write nothing, are left
// out, and a write into an array (by index or `-`) compares the whole array, whose indices shift.
// A third party that wrote the very same values cannot be told apart, and counts as ours: the
// object holds the change either way.
import { isDeepStrictEqual } from 'node:util';
import { applyPatch, deepClone, getValueByPointer, type Operation } from 'fast-json-patch';
import type { JsonPatchOp } from './api';
import type { KubeObject } from './resources';

function valueAt(doc: unknown, pointer: string): unknown {
  try {
    return getValueByPointer(doc, pointer);
  } catch {
    // A missing parent: nothing is there.
    return undefined;
  }
}

const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));

/** The places `ops` write: each target (and a move's source), or its array when it is in one. */
function writtenPlaces(ops: readonly JsonPatchOp[], docs: readonly unknown[]): string[] {
  const places = new Set<string>();
  for (const op of ops) {
    if (op.op === 'test') continue;
    const pointers = op.op === 'move' && op.from !== undefined ? [op.path, op.from] : [op.path];
    for (const p of pointers) {
      const parent = parentOf(p);
      places.add(p !== '' && docs.some((d) => Array.isArray(valueAt(d, parent))) ? parent : p);
    }
  }
  return [...places];
}

/** What `ops` make of `before`, as the server would (no `test`: the server checked those). */
export function expectedAfter(before: KubeObject, ops: readonly JsonPatchOp[]): KubeObject | undefined {
  try {
    const writes = ops.filter((op) => op.op !== 'test') as Operation[];
    return applyPatch(deepClone(before), writes, false, false).newDocument;
  } catch {
    return undefined;
  }
}

/**
 * True when `now` holds our patch: at every place `ops` write it equals `expected`, and the
 * patch changes at least one of them (a patch that changes nothing leaves the resourceVersion
 * alone, so a newer version is someone else's).
 */
export function holdsOurPatch(before: KubeObject, expected: KubeObject, now: KubeObject, ops: readonly JsonPatchOp[]): boolean {
  const places = writtenPlaces(ops, [before, expected]);
  const changes = places.some((p) => !isDeepStrictEqual(valueAt(before, p), valueAt(expected, p)));
  return changes && places.every((p) => isDeepStrictEqual(valueAt(now, p), valueAt(expected, p)));
}
