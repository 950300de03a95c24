// What the journal keeps of one apply, and the check that a line read back is one.
import type { JsonPatchOp } from '../cluster/api';
import type { ApplyOutcome } from '../cluster/patch-runner';
import type { ResourceKind } from '../cluster/resources';

/**
 * One place the apply changed, as a JSON Pointer. `before` absent: the place did not exist
 * before; `after` absent: the apply removed it. `redacted`: the place may hold a secret, so
 * neither value is kept (see sensitive.ts) and the object cannot be reverted from the journal.
 */
export interface RecordedChange {
  path: string;
  before?: unknown;
  after?: unknown;
  redacted?: true;
}

/** Whether the place held a value on that side (a value may itself be null). */
export const held = (c: RecordedChange, side: 'before' | 'after'): boolean => Object.prototype.hasOwnProperty.call(c, side);

/** The write that makes the place hold what it held on `side`: the apply again ('after') or its undoing ('before'). */
export function setPlaceOp(c: RecordedChange, side: 'before' | 'after'): JsonPatchOp {
  const other = side === 'before' ? 'after' : 'before';
  if (!held(c, side)) return { op: 'remove', path: c.path };
  return { op: held(c, other) ? 'replace' : 'add', path: c.path, value: c[side] };
}

export interface RecordedObject {
  namespace: string;
  name: string;
  uid?: string;
  resourceVersionBefore?: string;
  resourceVersionAfter?: string;
  outcome: ApplyOutcome;
  /** Why it was not changed (the cluster layer's message, already redacted). */
  error?: string;
  /** Only for `changed`: the places it changed, in the order that turns before into after. */
  changes?: RecordedChange[];
}

export interface JournalEntry {
  v: 1;
  id: string;
  /** ISO 8601. */
  time: string;
  what: string;
  kind: ResourceKind;
  /** The kube context's name only: never the server, the user or any credential. */
  context: string;
  namespaces: string[];
  /** The filter's text as written, when the objects came from a filter. */
  filter?: string;
  /** The operations applied (for a revert, the distinct restoring ones); secret-like values masked. */
  patch: JsonPatchOp[];
  objects: RecordedObject[];
}

const OUTCOMES: readonly string[] = ['changed', 'changed-since-preview', 'may-have-been-applied', 'failed', 'cancelled'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

function isChange(v: unknown): v is RecordedChange {
  return isRecord(v) && typeof v.path === 'string' && (v.redacted === undefined || v.redacted === true);
}

function isObjectRecord(v: unknown): v is RecordedObject {
  if (!isRecord(v) || typeof v.namespace !== 'string' || typeof v.name !== 'string') return false;
  if (typeof v.outcome !== 'string' || !OUTCOMES.includes(v.outcome)) return false;
  if (![v.uid, v.resourceVersionBefore, v.resourceVersionAfter, v.error].every(optionalString)) return false;
  return v.changes === undefined || (Array.isArray(v.changes) && v.changes.every(isChange));
}

const isOp = (v: unknown): v is JsonPatchOp => isRecord(v) && typeof v.op === 'string' && typeof v.path === 'string';

/** Whether a parsed line is an entry this version can show and revert. */
export function isJournalEntry(v: unknown): v is JournalEntry {
  if (!isRecord(v) || v.v !== 1) return false;
  if (![v.id, v.time, v.what, v.context].every((s) => typeof s === 'string')) return false;
  if (v.kind !== 'GameServer' && v.kind !== 'GameServerSet') return false;
  if (!Array.isArray(v.namespaces) || !v.namespaces.every((n) => typeof n === 'string') || !optionalString(v.filter)) return false;
  return Array.isArray(v.patch) && v.patch.every(isOp) && Array.isArray(v.objects) && v.objects.every(isObjectRecord);
}
