// What makes a write safe to send, to retry, and to report: the guard put in front of every
// patch, and, when an answer was lost, whether our own patch landed.
//
// The guard is a list of JSON Patch `test` ops the server checks atomically with the write:
// - `/metadata/uid`: the object under the name is still the one that was read;
// - `/metadata/generation`: the spec is still the one that was read. For custom resources with a
//   status subresource (OKG's) the API server bumps generation on any change outside metadata and
//   status, and never on status writes, so status churn does not trip it;
// - each place outside the spec that the patch writes or copies from (labels, annotations, ...),
//   which generation does not cover, at its value as read;
// - each value outside the spec that a filter field can read (status.currentState, ...), at its
//   value as read: the reason the object was chosen. These are "read" tests: the caller may
//   re-check its filter on the object as it is now and try again (see patch-runner.ts).
// A place that is missing in the object as read is guarded by its nearest existing parent (JSON
// Patch cannot test for absence in a way every server agrees on); with no generation to test, the
// guard falls back to `/metadata/resourceVersion`.
//
// Since every write of ours changes the spec (generation) or a tested place, a retry of a write
// that did land fails its guard: nothing is ever written twice. After a lost answer, such a
// failure is ours or someone else's; `landedVerdict` looks, comparing only the places the patch
// writes. Replaying the patch on the current object instead misjudges a landed patch: a user's
// `test` op (test opsState None, then replace it) fails once the replace landed, and
// `add .../-` appends a second time. So `test` ops, which write nothing, are left out, and a
// write into an array (by index or `-`) compares the whole array, whose indices shift. A third
// party that wrote the very same values cannot be told apart, and counts as ours: the object
// holds the change either way.
import { getValueByPointer } from 'fast-json-patch';
import { applyPatch, GAME_SERVER_FIELDS, GAME_SERVER_SET_FIELDS, readPaths, type PatchOp } from '../../../server/src/engine';
import type { JsonPatchOp } from './api';
import type { ClusterError } from './errors';
import type { KubeObject, ResourceKind } from './resources';

/**
 * Equality of JSON values, whatever their prototypes: the patch's values come from a parser that
 * builds null-prototype objects, the server's from JSON.parse.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    return a.length === bs.length && a.every((v, i) => jsonEqual(v, bs[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // An undefined member is not JSON: it is as absent as a missing one.
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
}

function valueAt(doc: unknown, pointer: string): unknown {
  try {
    return getValueByPointer(doc, pointer);
  } catch {
    // A missing parent: nothing is there.
    return undefined;
  }
}

const parentOf = (pointer: string) => pointer.slice(0, pointer.lastIndexOf('/'));
const rootOf = (pointer: string) => pointer.split('/')[1] ?? '';

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

/**
 * What `ops` make of `before`, as the server would (the engine follows the API server's JSON
 * Patch, negative indices and all; no `test`: the server checked those).
 */
export function expectedAfter(before: KubeObject, ops: readonly JsonPatchOp[]): KubeObject | undefined {
  try {
    return applyPatch(before, ops.filter((op) => op.op !== 'test') as PatchOp[]);
  } catch {
    return undefined;
  }
}

/** The parts of an object generation stands for: everything but metadata and status. */
function generationPart(o: KubeObject): unknown {
  const { metadata: _m, status: _s, ...rest } = o as KubeObject & { status?: unknown };
  return rest;
}

/**
 * True when `now` holds our patch: at every place `ops` write it equals `expected`, and the
 * patch changes at least one of them (a patch that changes nothing leaves the object alone, so a
 * newer version is someone else's).
 */
export function holdsOurPatch(before: KubeObject, expected: KubeObject, now: KubeObject, ops: readonly JsonPatchOp[]): boolean {
  const places = writtenPlaces(ops, [before, expected]);
  const changes = places.some((p) => !jsonEqual(valueAt(before, p), valueAt(expected, p)));
  return changes && places.every((p) => jsonEqual(valueAt(now, p), valueAt(expected, p)));
}

/**
 * After a lost answer, whether our patch is in `now`:
 * - `ours`: it holds our patch;
 * - `absent`: it does not: every place the patch writes is as in `before`; or the patch changes
 *   the spec and the generation has not moved since `before` (generation only grows, and our
 *   write would have moved it); or the patch changes nothing, so whether it landed makes no
 *   difference;
 * - `replaced`: the object under the name is another one (deleted and recreated);
 * - `unknown`: anything else (ours may have landed and been overwritten since).
 */
export function landedVerdict(
  before: KubeObject,
  expected: KubeObject,
  now: KubeObject,
  ops: readonly JsonPatchOp[],
): 'ours' | 'absent' | 'replaced' | 'unknown' {
  if (before.metadata.uid !== undefined && now.metadata.uid !== before.metadata.uid) return 'replaced';
  const places = writtenPlaces(ops, [before, expected]);
  if (!places.some((p) => !jsonEqual(valueAt(before, p), valueAt(expected, p)))) return 'absent';
  if (holdsOurPatch(before, expected, now, ops)) return 'ours';
  // Every written place as it was: ours did not land, or was undone exactly; either way the
  // object is as if it had not, and running the patch again does what was previewed.
  if (places.every((p) => jsonEqual(valueAt(now, p), valueAt(before, p)))) return 'absent';
  const gen = before.metadata.generation;
  const changesSpec = !jsonEqual(generationPart(before), generationPart(expected));
  if (changesSpec && typeof gen === 'number' && now.metadata.generation === gen) return 'absent';
  return 'unknown';
}

/** One test of the guard: `identity` tests say the object (spec, uid, written places) changed; `read` tests say a filtered value did. */
export interface GuardTest {
  op: JsonPatchOp;
  role: 'identity' | 'read';
}

export interface Guard {
  tests: GuardTest[];
  /** The guard's ops, to put before the patch's own. */
  ops: JsonPatchOp[];
}

/** The values outside the spec that any filter field of `kind` reads (name and namespace never change). */
const FILTER_READS: Record<ResourceKind, string[]> = {
  GameServer: outsideSpecReads(readPaths(GAME_SERVER_FIELDS)),
  GameServerSet: outsideSpecReads(readPaths(GAME_SERVER_SET_FIELDS)),
};

/** As pointers; a path through every element of an array (`[*]`) is guarded as the whole array. */
function outsideSpecReads(paths: readonly string[][]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const star = path.indexOf('[*]');
    const segs = star < 0 ? path : path.slice(0, star);
    if (segs[0] === 'spec' || (segs[0] === 'metadata' && (segs[1] === 'name' || segs[1] === 'namespace'))) continue;
    out.add('/' + segs.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'));
  }
  return [...out];
}

/** The nearest place at or above `pointer`, below the root, that exists in `doc`. */
function nearestExisting(doc: unknown, pointer: string): string | undefined {
  for (let p = pointer; p !== ''; p = parentOf(p)) if (valueAt(doc, p) !== undefined) return p;
  return undefined;
}

/** The guard for writing `ops` to `before` (see the top of this file). */
export function writeGuard(kind: ResourceKind, before: KubeObject, ops: readonly JsonPatchOp[]): Guard {
  const test = (path: string, role: GuardTest['role']): GuardTest => ({ op: { op: 'test', path, value: valueAt(before, path) }, role });
  const tests: GuardTest[] = [];
  if (typeof before.metadata.uid === 'string') tests.push(test('/metadata/uid', 'identity'));
  const byResourceVersion = (): Guard => {
    const rv = before.metadata.resourceVersion;
    const all = rv ? [...tests, test('/metadata/resourceVersion', 'identity')] : tests;
    return { tests: all, ops: all.map((t) => t.op) };
  };
  if (typeof before.metadata.generation !== 'number') return byResourceVersion();
  tests.push(test('/metadata/generation', 'identity'));
  const seen = new Set<string>();
  const guard = (pointers: readonly string[], role: GuardTest['role']): boolean => {
    for (const pointer of pointers) {
      const at = nearestExisting(before, pointer);
      if (at === undefined) return false;
      if (seen.has(at)) continue;
      seen.add(at);
      tests.push(test(at, role));
    }
    return true;
  };
  // Places outside what generation covers, that the patch writes or copies from.
  const touched = [...writtenPlaces(ops, [before]), ...ops.filter((o) => o.op === 'copy' && o.from !== undefined).map((o) => o.from as string)];
  const uncovered = touched.filter((p) => rootOf(p) === 'metadata' || rootOf(p) === 'status');
  if (!guard(uncovered, 'identity')) return byResourceVersion();
  if (!guard(FILTER_READS[kind], 'read')) return byResourceVersion();
  return { tests, ops: tests.map((t) => t.op) };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The guard test a failure reports, if it is one of ours. kube-apiserver answers a failed JSON
 * Patch test with 422 and "testing value <path> failed" (some servers with 409); a path is
 * matched whole, so a failed `test` of the user's own at a deeper path is not taken for ours.
 */
export function failedGuardTest(e: ClusterError, guard: Guard): GuardTest | undefined {
  const d = e.detail ?? '';
  if ((e.status !== 422 && e.status !== 409) || !/\btest/i.test(d)) return undefined;
  return guard.tests.find((t) => new RegExp(`${escapeRegExp(t.op.path)}(?![\\w~/-])`).test(d));
}

/**
 * The first guard test `now` fails, as kube-apiserver would report it (it runs the tests in order):
 * what the 422 would have said when every answer to the write was lost.
 */
export function guardTestFailing(guard: Guard, now: KubeObject): GuardTest | undefined {
  return guard.tests.find((t) => !jsonEqual(valueAt(now, t.op.path), t.op.value));
}

/** Whether `a` and `b` agree on every identity test (so a guard built from `b` protects what `a` showed). */
export function sameIdentity(a: Guard, b: Guard): boolean {
  const ia = a.tests.filter((t) => t.role === 'identity');
  const ib = b.tests.filter((t) => t.role === 'identity');
  return ia.length === ib.length && ia.every((t, i) => t.op.path === ib[i].op.path && jsonEqual(t.op.value, ib[i].op.value));
}
