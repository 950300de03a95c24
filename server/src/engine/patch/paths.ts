// Checks `path` and `from` against the kind's schema: known fields, any key in maps (labels,
// annotations), array indexes where the schema has an array (warning on the forms only the API server
// reads), and `-` only at the end of an `add` path.
import * as l10n from '@vscode/l10n';
import { nearMiss } from '../okg';
import { childSchema, describeType, schemaFor, schemaKeys, type JsonSchema } from '../schemas';
import type { Reporter } from './context';
import { serverOnlyIndex } from './index-forms';
import { escapeSegment, formatPointer } from './pointer';
import { stringSpan, type PointerRef, type StructuredOp } from './structure';
import type { PatchKind } from './types';

/** Checks the op's pointers; returns the schema at `path`, or undefined when the path leaves the schema. */
export function checkPaths(op: StructuredOp, kind: PatchKind, report: Reporter): JsonSchema | undefined {
  if (op.from) checkPointer(op, op.from, 'from', kind, report);
  return checkPointer(op, op.path, 'path', kind, report);
}

function checkPointer(op: StructuredOp, ref: PointerRef, role: 'path' | 'from', kind: PatchKind, report: Reporter): JsonSchema | undefined {
  let schema = schemaFor(kind);
  const segments = ref.segments;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const parentText = ref.text.slice(0, seg.start - 1) || l10n.t('the document root');
    const span = stringSpan(report, ref.node, seg.start, seg.end);
    let child = childSchema(schema, seg.value);
    if (schema.type === 'array') {
      child ??= serverOnlyIndex(op, ref, i, schema, span, report);
      if (!child) {
        const message =
          role === 'path' && op.op === 'add'
            ? l10n.t('{0} is an array: `{1}` must be an index (0, 1, ...) or `-` to append.', parentText, seg.value)
            : l10n.t('{0} is an array: `{1}` must be an index (0, 1, ...).', parentText, seg.value);
        report.at(span.offset, span.length, 'error', 'invalid-array-index', message);
        return undefined;
      }
      if (seg.value === '-' && !(role === 'path' && op.op === 'add' && i === segments.length - 1)) {
        report.at(span.offset, span.length, 'error', 'invalid-dash', dashMessage(op, role, i === segments.length - 1));
        return undefined;
      }
    }
    if (!child) {
      reportUnknown(ref, i, schema, parentText, span, kind, report);
      return undefined;
    }
    schema = child;
  }
  return schema;
}

function dashMessage(op: StructuredOp, role: 'path' | 'from', last: boolean): string {
  if (!last) return l10n.t('`-` names the position after the last element, which does not exist yet: it cannot have children.');
  if (role === 'from') return l10n.t('`-` names no existing element, so `from` cannot use it: give an index.');
  return l10n.t('`-` (append) is only valid in an `add` path; `{0}` needs an existing index such as 0.', op.op);
}

function reportUnknown(
  ref: PointerRef,
  i: number,
  parent: JsonSchema,
  parentText: string,
  span: { offset: number; length: number },
  kind: PatchKind,
  report: Reporter,
): void {
  const segment = ref.segments[i].value;
  if (parent.type !== 'object') {
    report.at(
      span.offset,
      span.length,
      'error',
      'path-into-scalar',
      l10n.t('{0} is {1}: it has no field `{2}`.', parentText, article(describeType(parent)), segment),
    );
    return;
  }
  const keys = schemaKeys(parent).map((k) => k.name);
  const near = nearMiss(segment, keys);
  const where = ref.segments[i].start <= 1 ? l10n.t('the root of a {0}', kind) : l10n.t('{0} of a {1}', parentText, kind);
  const what = segment === '' ? l10n.t('An empty segment (a doubled or trailing `/`)') : `\`${segment}\``;
  let replacement: string | undefined;
  if (near) {
    const fixed = ref.segments.map((s) => s.value);
    fixed[i] = near;
    replacement = formatPointer(fixed);
  }
  report.at(
    span.offset,
    span.length,
    'error',
    'unknown-path-segment',
    near
      ? l10n.t('{0} is not a field of {1}; did you mean `{2}`? Fields here: {3}.', what, where, escapeSegment(near), keys.join(', '))
      : l10n.t('{0} is not a field of {1}. Fields here: {2}.', what, where, keys.join(', ')),
    replacement !== undefined ? { replacement } : undefined,
  );
}

function article(type: string): string {
  return /^[aeiou]/.test(type)
    ? l10n.t({ message: 'an {0}', args: [type], comment: ['an English article before a type name'] })
    : l10n.t({ message: 'a {0}', args: [type], comment: ['an English article before a type name'] });
}
