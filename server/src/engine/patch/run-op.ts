// One JSON Patch operation as kube-apiserver runs it (evanphx/json-patch v4, which departs from
// RFC 6902 in the ways docs/json-patch.md lists). Each failure carries a reason for people and the
// library's own error text, which the API server answers with.
import { canonical, describe, goTypeName, show } from './describe';
import { addAt, getAt, isContainer, locate, problemText, removeAt, replaceAt, whyUnreachable, type Place } from './document-access';
import { isProperPrefix, parsePointer } from './pointer';
import { apiServerJson } from './server-json';
import { compareSent } from './test-compare';

/** An operation as the API server decoded it from the request. */
export interface SentOp {
  /** Its members; null when the request held null in its place. */
  fields: Record<string, unknown> | null;
  /** The JSON text of its `value` as it was sent; undefined when it has none. */
  valueText: string | undefined;
}

/** `crash`: the library itself fails (a Go panic), and the API server answers 500. */
export class OpFailure extends Error {
  constructor(
    readonly reason: string,
    readonly goMessage: string,
    readonly crash = false,
  ) {
    super(reason);
  }
}

/** The document being patched, and the bytes `copy` operations have added so far. */
export interface PatchRun {
  doc: unknown;
  copied: number;
}

/** What kube-apiserver lets the `copy` operations of one patch add (its JSONPatchMaxCopyBytes). */
const MAX_COPIED_BYTES = 3 * 1024 * 1024;

const OPS: Record<string, (run: PatchRun, op: SentOp) => void> = { add, remove, replace, move, copy, test };

export function runOp(run: PatchRun, op: SentOp): void {
  const kind = typeof op.fields?.op === 'string' ? op.fields.op : 'unknown';
  const apply = Object.hasOwn(OPS, kind) ? OPS[kind] : undefined;
  if (!apply) throw new OpFailure(unknownKind(op.fields), `Unexpected kind: ${kind}`);
  apply(run, op);
}

function unknownKind(fields: Record<string, unknown> | null): string {
  const ops = 'add, remove, replace, move, copy or test';
  if (fields === null) return `the operation is null, not an object with an \`op\` (${ops}).`;
  if (fields.op === undefined || fields.op === null) return `the operation has no \`op\`: use ${ops}.`;
  return `${show(fields.op)} is not a JSON Patch op: use ${ops} (lower case).`;
}

/**
 * The operation's `path` or `from`. Where it is missing or not a string, the library's message
 * differs by operation: some say only "missing value", the others quote the decoding error.
 */
function pointer(op: SentOp, name: 'path' | 'from', kind: string, missingOnly: boolean): string {
  const v = op.fields?.[name];
  if (typeof v === 'string') return v;
  const absent = v === undefined || v === null;
  const decodeError = absent
    ? `operation${name === 'from' ? ',' : ''} missing ${name} field: missing value`
    : `json: cannot unmarshal ${goTypeName(v)} into Go value of type string`;
  throw new OpFailure(
    absent ? `the operation has no \`${name}\`.` : `\`${name}\` must be a string holding a JSON Pointer, not ${describe(v)}.`,
    `${kind} operation failed to decode ${name}: ${missingOnly ? 'missing value' : decodeError}`,
  );
}

/** The value an operation writes: a missing `value` writes null, as the library does. */
function valueOf(op: SentOp): unknown {
  return op.valueText === undefined ? null : JSON.parse(op.valueText);
}

function reach(run: PatchRun, path: string, creating: boolean, goMessage: string): Place {
  const place = locate(run.doc, path);
  if (!place) throw new OpFailure(whyUnreachable(run.doc, path, creating), goMessage);
  return place;
}

/** Runs a read or write at `place`; its failure becomes an OpFailure, worded by `wrap` as the library words it. */
function at<T>(place: Place, wrap: (inner: string) => string, fn: () => T, role: 'path' | 'from' = 'path'): T {
  try {
    return fn();
  } catch (e) {
    throw new OpFailure(`${problemText(e, place, role)}.`, wrap(e instanceof Error ? e.message : String(e)));
  }
}

function add(run: PatchRun, op: SentOp): void {
  const path = pointer(op, 'path', 'add', true);
  const place = reach(run, path, true, `add operation does not apply: doc is missing path: "${path}": missing value`);
  at(
    place,
    (e) => `error in add for path: '${path}': ${e}`,
    () => addAt(place, valueOf(op)),
  );
}

function remove(run: PatchRun, op: SentOp): void {
  const path = pointer(op, 'path', 'remove', true);
  const place = reach(run, path, false, `remove operation does not apply: doc is missing path: "${path}": missing value`);
  at(
    place,
    (e) => `error in remove for path: '${path}': ${e}`,
    () => removeAt(place),
  );
}

function replace(run: PatchRun, op: SentOp): void {
  const path = pointer(op, 'path', 'replace', false);
  if (path === '') {
    if (op.valueText === undefined) throw crash('a `replace` of the whole document without a `value`');
    // The library means to refuse anything else, but its error is lost (it wraps a nil error), so the document stays as it is.
    const value = valueOf(op);
    if (isContainer(value)) run.doc = value;
    return;
  }
  const place = reach(run, path, false, `replace operation does not apply: doc is missing path: ${path}: missing value`);
  at(
    place,
    () => `replace operation does not apply: doc is missing key: ${path}: missing value`,
    () => getAt(place),
  );
  replaceAt(place, valueOf(op));
}

function move(run: PatchRun, op: SentOp): void {
  const from = pointer(op, 'from', 'move', false);
  try {
    const source = reach(run, from, false, `move operation does not apply: doc is missing from path: ${from}: missing value`);
    const value = at(
      source,
      (e) => `error in move for path: '${source.key}': ${e}`,
      () => getAt(source),
      'from',
    );
    at(
      source,
      (e) => `error in move for path: '${source.key}': ${e}`,
      () => removeAt(source),
      'from',
    );
    const path = pointer(op, 'path', 'move', false);
    const target = reach(run, path, true, `move operation does not apply: doc is missing destination path: ${path}: missing value`);
    at(
      target,
      (e) => `error in move for path: '${path}': ${e}`,
      () => addAt(target, value),
    );
  } catch (e) {
    throw intoOwnChild(e, from, op.fields?.path);
  }
}

/** RFC 6902 forbids moving a value into itself; the library fails there too, which this says plainly. */
function intoOwnChild(e: unknown, from: string, path: unknown): unknown {
  if (!(e instanceof OpFailure) || typeof path !== 'string') return e;
  const f = parsePointer(from);
  const p = parsePointer(path);
  if (!f.ok || !p.ok || !isProperPrefix(f.segments, p.segments)) return e;
  return new OpFailure(`${from || 'the document'} cannot be moved into its own child ${path} (RFC 6902 §4.4).`, e.goMessage, e.crash);
}

function copy(run: PatchRun, op: SentOp): void {
  const from = pointer(op, 'from', 'copy', false);
  const source = reach(run, from, false, `copy operation does not apply: doc is missing from path: ${from}: missing value`);
  // A missing member reads as null, so copying one writes null, as the library does.
  const value =
    at(
      source,
      (e) => `error in copy for from: '${from}': ${e}`,
      () => getAt(source),
      'from',
    ) ?? null;
  const path = pointer(op, 'path', 'copy', true);
  const target = reach(run, path, true, `copy operation does not apply: doc is missing destination path: ${path}: missing value`);
  const text = value === null ? '' : apiServerJson(value);
  run.copied += new TextEncoder().encode(text).byteLength;
  if (run.copied > MAX_COPIED_BYTES) {
    throw new OpFailure(
      `the patch's \`copy\` operations add ${run.copied} bytes, more than the ${MAX_COPIED_BYTES} the API server allows.`,
      `Unable to complete the copy, the accumulated size increase of copy is ${run.copied}, exceeding the limit ${MAX_COPIED_BYTES}`,
    );
  }
  at(
    target,
    (e) => `error while adding value during copy: ${e}`,
    () => addAt(target, value === null ? null : JSON.parse(text)),
  );
}

function test(run: PatchRun, op: SentOp): void {
  const path = pointer(op, 'path', 'test', false);
  const sent = op.valueText;
  const failed = `testing value ${path} failed: test failed`;
  let actual: unknown = run.doc;
  if (path !== '') {
    const place = reach(run, path, false, `test operation does not apply: is missing path: ${path}: missing value`);
    actual = at(
      place,
      (e) => `error in test for path: '${path}': ${e}`,
      () => getAt(place),
    );
    // A missing member and null are both Go's nil: a test of null passes for either.
    if (actual === undefined || actual === null) {
      if (sent === 'null') return;
      if (sent === undefined) throw crash(`a \`test\` without a \`value\` of a member that is ${actual === undefined ? 'missing' : 'null'}`);
      throw new OpFailure(`test failed: ${path} is ${actual === undefined ? 'missing' : 'null'}, not ${sent}.`, failed);
    }
  }
  const where = path || 'the document';
  if (sent === undefined) {
    if (path === '') throw crash('a `test` of the whole document without a `value`');
    throw new OpFailure(`test failed: the operation has no \`value\`, and ${where} is ${show(actual)}.`, failed);
  }
  const result = compareSent(actual, sent);
  if (result === 'crash') throw crash(`comparing arrays that hold null (${where} against ${sent})`);
  if (result === 'equal') return;
  const sameValue = canonical(JSON.parse(sent)) === canonical(actual);
  const why = sameValue ? `, but the API server compares JSON text: it writes that as ${apiServerJson(actual)}, and the test sent ${sent}` : `, not ${sent}`;
  throw new OpFailure(`test failed: ${where} is ${show(actual)}${why}.`, failed);
}

function crash(what: string): OpFailure {
  return new OpFailure(
    `${what} makes the API server's JSON Patch library crash: the request fails with 500 Internal Server Error.`,
    'This request caused apiserver to panic. Look in the logs for details.',
    true,
  );
}
