// The places an apply changed in one object, from the object before and the server's answer
// after: the journal keeps these, never whole objects, so it stays small and holds nothing the
// apply did not touch (see sensitive.ts for what it holds back even then).
import { compare, getValueByPointer } from 'fast-json-patch';
import type { KubeObject } from '../cluster/resources';
import type { RecordedChange } from './entry';
import { holdsSensitive, isSensitivePath } from './sensitive';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object without what every write moves or the server keeps for itself: status (the apply
 * never writes it, OKG's controller always does), resourceVersion, generation, managedFields and
 * kubectl's copy of the last applied object.
 */
export function comparable(obj: KubeObject): Record<string, unknown> {
  const { status: _status, metadata, ...rest } = obj as KubeObject & { status?: unknown };
  const { resourceVersion: _rv, generation: _gen, managedFields: _mf, annotations, ...meta } = metadata as Record<string, unknown>;
  const kept: Record<string, unknown> = { ...meta };
  if (typeof annotations === 'object' && annotations !== null) {
    const { [LAST_APPLIED]: _last, ...others } = annotations as Record<string, unknown>;
    kept.annotations = others;
  }
  return { ...rest, metadata: kept };
}

function valueAt(doc: unknown, pointer: string): unknown {
  try {
    return getValueByPointer(doc, pointer);
  } catch {
    return undefined;
  }
}

/**
 * The shallowest array above `path` whose length the apply changed: its indices shifted, so the
 * change is kept as the whole array (restoring it needs no index arithmetic).
 */
function resizedArrayAbove(before: unknown, after: unknown, path: string): string | undefined {
  const segs = path.split('/');
  for (let i = 2; i < segs.length; i++) {
    const prefix = segs.slice(0, i).join('/');
    const [b, a] = [valueAt(before, prefix), valueAt(after, prefix)];
    if (Array.isArray(b) && Array.isArray(a) && b.length !== a.length) return prefix;
  }
  return undefined;
}

function change(path: string, before: unknown, after: unknown): RecordedChange {
  if (isSensitivePath(path) || holdsSensitive(before) || holdsSensitive(after)) return { path, redacted: true };
  const c: RecordedChange = { path };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  return c;
}

/** Every place `after` differs from `before`, in an order that turns one into the other. */
export function recordedChanges(beforeObj: KubeObject, afterObj: KubeObject): RecordedChange[] {
  const before = comparable(beforeObj);
  const after = comparable(afterObj);
  const out: RecordedChange[] = [];
  const wholeArrays = new Set<string>();
  for (const op of compare(before, after)) {
    const array = resizedArrayAbove(before, after, op.path);
    if (array !== undefined) {
      if (!wholeArrays.has(array)) out.push(change(array, valueAt(before, array), valueAt(after, array)));
      wholeArrays.add(array);
      continue;
    }
    out.push(change(op.path, op.op === 'add' ? undefined : valueAt(before, op.path), op.op === 'remove' ? undefined : valueAt(after, op.path)));
  }
  return out;
}
