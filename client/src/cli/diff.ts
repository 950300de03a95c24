// A unified diff of an object before and after a change, as YAML (kubectl diff's form).
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { stringify } from '#yaml';
import type { KubeObject } from '../cluster/resources';

/** Bookkeeping the server rewrites on every write; it would hide the change that matters. */
function comparable(o: KubeObject): unknown {
  const { managedFields: _managed, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** The diff, or '' when nothing changed. */
export function objectDiff(key: string, before: KubeObject, after: KubeObject): string {
  const a = stringify(comparable(before));
  const b = stringify(comparable(after));
  if (a === b) return '';
  return createTwoFilesPatch(`${key} (live)`, `${key} (patched)`, a, b, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
