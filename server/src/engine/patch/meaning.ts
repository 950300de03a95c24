// What OKG and the API server make of a patch: status is ignored on the main resource,
// identity metadata cannot change, and opsState / priorities end up in pod labels.
import type { Node } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
import { notInt32, OPS_STATES, beyondInt64, goAtoi, isInt32, isValidLabelValue, nearMiss } from '../okg';
import { childSchema, isUnconstrained, type JsonSchema } from '../schemas';
import type { Reporter } from './context';
import type { PointerRef, StructuredOp } from './structure';

const IMMUTABLE = ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'];

export function checkMeaning(op: StructuredOp, schema: JsonSchema | undefined, report: Reporter): void {
  if (op.op !== 'test') {
    checkStatus(op, report);
    checkImmutable(op, op.path, report);
    if (op.op === 'move' && op.from) checkImmutable(op, op.from, report);
  }
  // Only writes reach the pod labels; a `test` may legitimately look for a bad value.
  if (op.op !== 'test' && op.value && schema) checkOkgValues(op.value.node, schema, op.path.text, report);
}

function checkStatus(op: StructuredOp, report: Reporter): void {
  if (op.path.segments[0]?.value !== 'status') return;
  report.node(
    op.path.node,
    'warning',
    'status-ignored',
    l10n.t(
      '{0} is under /status, which the API server ignores in patches to a GameServer or GameServerSet (status is a subresource, ' +
        'written by the OKG controller). Patch /spec instead.',
      op.path.text,
    ),
  );
}

function checkImmutable(op: StructuredOp, ref: PointerRef, report: Reporter): void {
  const segs = ref.segments.map((s) => s.value);
  if (segs.length === 2 && segs[0] === 'metadata' && IMMUTABLE.includes(segs[1])) {
    report.node(
      ref.node,
      'error',
      'immutable-field',
      l10n.t('metadata.{0} cannot be changed: the API server rejects the patch. Use a `test` op to check it instead.', segs[1]),
    );
  } else if (segs.length === 0 || (segs.length === 1 && segs[0] === 'metadata')) {
    const message =
      ref === op.from
        ? l10n.t(
            '`move` from {0} removes it, which would change or drop metadata.name, namespace, uid, resourceVersion and creationTimestamp; ' +
              'the API server rejects that. Patch the fields you mean, e.g. /metadata/labels/<key>.',
            ref.text,
          )
        : l10n.t(
            '`{0}` on {1}, which would change or drop metadata.name, namespace, uid, resourceVersion and creationTimestamp; ' +
              'the API server rejects that. Patch the fields you mean, e.g. /metadata/labels/<key>.',
            op.op,
            ref.text || l10n.t('the document root'),
          );
    report.node(ref.node, 'error', 'immutable-field', message);
  }
}

/** Walks a value along the schema and checks every field the schema marks as OKG-copied into a pod label. */
function checkOkgValues(node: Node, schema: JsonSchema, where: string, report: Reporter): void {
  if (isUnconstrained(schema)) return;
  if (schema['x-okg-pod-label']) {
    checkLabelField(node, schema, where, report);
    return;
  }
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      const child = key && value && childSchema(schema, String(key.value));
      if (child) checkOkgValues(value, child, `${where}/${String(key.value)}`, report);
    }
  } else if (node.type === 'array') {
    const items = childSchema(schema, '0');
    if (items) node.children?.forEach((item, i) => checkOkgValues(item, items, `${where}/${i}`, report));
  }
}

function checkLabelField(node: Node, schema: JsonSchema, where: string, report: Reporter): void {
  if (node.type !== 'string' && node.type !== 'number') return;
  const raw = String(node.value);
  const label = schema['x-okg-pod-label'];
  if (schema['x-okg-template'] && raw.includes('{{')) {
    const message = schema['x-okg-priority']
      ? l10n.t(
          '{0} is a Go template that OKG master (v1.1.0+) renders when the action fires; the result must be an integer. ' +
            'OKG v1.0.0 writes the text as is, which is not a valid label value.',
          where,
        )
      : l10n.t(
          '{0} is a Go template that OKG master (v1.1.0+) renders when the action fires; the result must be a valid label value. ' +
            'OKG v1.0.0 writes the text as is, which is not a valid label value.',
          where,
        );
    report.node(node, 'info', 'template-value', message);
    return;
  }
  const reserved = schema['x-okg-reserved'];
  const near = reserved && typeof node.value === 'string' ? nearMiss(raw, reserved) : undefined;
  if (!isValidLabelValue(raw)) {
    const value = JSON.stringify(node.value);
    const message = near
      ? l10n.t(
          '{0} at {1} is not a valid label value, and OKG copies it into the pod label {2}, ' +
            'so the pod update fails and the state never reaches the pod. A label value is at most 63 characters, alphanumeric at both ends, with - _ . ' +
            'inside; did you mean "{3}"?',
          value,
          where,
          String(label),
          near,
        )
      : l10n.t(
          '{0} at {1} is not a valid label value, and OKG copies it into the pod label {2}, ' +
            'so the pod update fails and the state never reaches the pod. A label value is at most 63 characters, alphanumeric at both ends, with - _ . ' +
            'inside.',
          value,
          where,
          String(label),
        );
    report.node(node, 'error', 'invalid-label-value', message, near ? { replacement: near } : undefined);
    return;
  }
  if (reserved && !reserved.includes(raw)) {
    report.node(
      node,
      'warning',
      'opsstate-not-reserved',
      near
        ? l10n.t(
            '"{0}" is not a reserved opsState; did you mean "{1}"? opsState is case-sensitive, and an unreserved value behaves like None on scale-down.',
            raw,
            near,
          )
        : l10n.t(
            '"{0}" is a custom opsState: legal, but it sorts like None on scale-down and is not counted in the GameServerSet status. Reserved values: {1}.',
            raw,
            OPS_STATES.join(', '),
          ),
      near ? { replacement: near } : undefined,
    );
  }
  if (schema['x-okg-priority'] && node.type === 'string') checkPriorityString(node, raw, where, report);
  if (schema['x-okg-priority'] && node.type === 'number' && Number.isInteger(node.value) && !isInt32(node.value)) {
    report.node(node, 'error', 'priority-not-int32', notInt32(l10n.t('{0} at {1}', raw, where)));
  }
}

function checkPriorityString(node: Node, raw: string, where: string, report: Reporter): void {
  const atoi = goAtoi(raw);
  if (atoi.error === 'range') {
    report.node(node, 'warning', 'priority-out-of-range', beyondInt64(l10n.t('"{0}" at {1}', raw, where), atoi.bound), { replacement: atoi.bound });
  } else if (atoi.error === 'syntax') {
    const n = Number(raw);
    report.node(
      node,
      'warning',
      'priority-not-integer',
      Number.isInteger(n) && raw.trim() !== ''
        ? l10n.t('"{0}" at {1} is not an integer, so OKG reads it as 0 when ordering servers. Use an integer, e.g. {2}.', raw, where, n)
        : l10n.t('"{0}" at {1} is not an integer, so OKG reads it as 0 when ordering servers. Use an integer.', raw, where),
      Number.isInteger(n) && raw.trim() !== '' ? { replacement: n } : undefined,
    );
  }
}
