// Array indices RFC 6901 does not allow but the API server reads (it parses them as Go integers):
// negative ones, counted from the end, and ones with leading zeros or a sign. They work against the
// cluster, so they are warnings: other JSON Patch tools reject them.
import * as l10n from '@vscode/l10n';
import { goAtoi } from '../okg';
import { childSchema, type JsonSchema } from '../schemas';
import type { Reporter } from './context';
import { formatPointer } from './pointer';
import type { PointerRef, StructuredOp } from './structure';

/**
 * For segment `i` of `ref`, in an array whose schema does not take it as an RFC 6901 index: the item
 * schema, after a warning, when the API server reads the segment as an index; otherwise undefined.
 */
export function serverOnlyIndex(
  op: StructuredOp,
  ref: PointerRef,
  i: number,
  array: JsonSchema,
  span: { offset: number; length: number },
  report: Reporter,
): JsonSchema | undefined {
  const segment = ref.segments[i].value;
  const parsed = goAtoi(segment);
  const items = childSchema(array, '0');
  if (parsed.error || !items) return undefined;
  const parent = ref.text.slice(0, ref.segments[i].start - 1) || l10n.t('the document root');
  if (parsed.value < 0) {
    const appending = ref === op.path && op.op === 'add' && i === ref.segments.length - 1;
    const message = appending
      ? l10n.t(
          '`{0}` counts from the end of {1}: in an `add` the API server counts the new element too, ' +
            'so -1 appends (like `-`) and -2 inserts before the last element. RFC 6902 does not allow it, so other JSON Patch tools reject this patch.',
          segment,
          parent,
        )
      : l10n.t(
          '`{0}` counts from the end of {1}: the API server reads -1 as the last element, -2 as the one before it. ' +
            'RFC 6902 does not allow it, so other JSON Patch tools reject this patch.',
          segment,
          parent,
        );
    report.at(span.offset, span.length, 'warning', 'negative-array-index', message);
    return items;
  }
  const fixed = ref.segments.map((s) => s.value);
  fixed[i] = String(parsed.value);
  report.at(
    span.offset,
    span.length,
    'warning',
    'noncanonical-array-index',
    l10n.t(
      'The API server reads `{0}` as index {1}, but RFC 6901 allows no leading zeros or sign in an array index, ' +
        'so other JSON Patch tools reject this patch. Write `{1}`.',
      segment,
      parsed.value,
    ),
    { replacement: formatPointer(fixed) },
  );
  return items;
}
