// The change that undoes an apply, per object, from what the journal recorded. Each inverse is
// one JSON Patch: first a `test` of every value the apply wrote (and of the uid), so the API
// server refuses it atomically for an object changed since; then the writes that put each place
// back as it was. Only objects the apply changed are reverted.
import * as l10n from '@vscode/l10n';
import { applyPatch, type PatchOp } from '../../../server/src/engine';
import type { JsonPatchOp } from '../cluster/api';
import type { KubeObject } from '../cluster/resources';
import { held, setPlaceOp, type JournalEntry, type RecordedChange, type RecordedObject } from './entry';

export interface ObjectInverse {
  namespace: string;
  name: string;
  /** The guard (`test`s) followed by the restoring writes. */
  ops: JsonPatchOp[];
}

export interface RefusedObject {
  namespace: string;
  name: string;
  reason: string;
}

export interface EntryInverse {
  inverses: ObjectInverse[];
  refused: RefusedObject[];
}

/**
 * The tests that the object still holds what the apply wrote. A place the apply removed is tested
 * as null, which the API server's JSON Patch passes for a missing member (docs/json-patch.md).
 */
function guardOps(rec: RecordedObject, changes: readonly RecordedChange[]): JsonPatchOp[] {
  const tests: JsonPatchOp[] = rec.uid ? [{ op: 'test', path: '/metadata/uid', value: rec.uid }] : [];
  for (const c of changes)
    tests.push({
      op: 'test',
      path: c.path,
      value: held(c, 'after') ? c.after : null,
    });
  return tests;
}

/** The inverse of one recorded object, or why there is none. */
export function inverseOf(rec: RecordedObject): { ok: true; ops: JsonPatchOp[] } | { ok: false; reason: string } {
  if (rec.outcome !== 'changed') return { ok: false, reason: l10n.t('the apply did not change it') };
  const changes = rec.changes ?? [];
  if (changes.length === 0)
    return {
      ok: false,
      reason: l10n.t('the apply left it as it was; there is nothing to restore'),
    };
  if (changes.some((c) => c.redacted)) {
    return {
      ok: false,
      reason: l10n.t('the apply changed values the journal does not keep (env or secret-like fields); restore it by hand'),
    };
  }
  return {
    ok: true,
    ops: [...guardOps(rec, changes), ...[...changes].reverse().map((c) => setPlaceOp(c, 'before'))],
  };
}

/** The inverse of every object an entry changed; objects it did not change are not mentioned. */
export function inverseOfEntry(entry: JournalEntry): EntryInverse {
  const out: EntryInverse = { inverses: [], refused: [] };
  for (const rec of entry.objects) {
    if (rec.outcome !== 'changed') continue;
    const inv = inverseOf(rec);
    if (inv.ok)
      out.inverses.push({
        namespace: rec.namespace,
        name: rec.name,
        ops: inv.ops,
      });
    else
      out.refused.push({
        namespace: rec.namespace,
        name: rec.name,
        reason: inv.reason,
      });
  }
  return out;
}

/**
 * Whether `obj` (whole, as read now) still holds what the apply wrote: the inverse's tests pass
 * on it as the API server would run them.
 */
export function holdsWhatWasWritten(obj: KubeObject, ops: readonly JsonPatchOp[]): boolean {
  try {
    applyPatch(obj, ops.filter((op) => op.op === 'test') as PatchOp[]);
    return true;
  } catch {
    return false;
  }
}
