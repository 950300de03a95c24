// RFC 6902 structure: the root is an array of operation objects, each with a known `op`, JSON Pointer
// `path` (and `from` for move/copy), and `value` where the op needs one.
import { getNodeValue, type Node } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
import { outOfRangeNumbers } from '../json';
import { nearMiss } from '../okg';
import type { Reporter } from './context';
import { isProperPrefix, parsePointer, type PointerSegment } from './pointer';
import { OP_NAMES, type PatchOp, type PatchOpName } from './types';

export interface PointerRef {
  node: Node;
  text: string;
  segments: PointerSegment[];
}

export interface StructuredOp {
  index: number;
  node: Node;
  op: PatchOpName;
  opNode: Node;
  path: PointerRef;
  from?: PointerRef;
  value?: { node: Node; value: unknown };
}

const MEMBERS = ['op', 'path', 'from', 'value'];
const NEEDS_VALUE: ReadonlySet<PatchOpName> = new Set(['add', 'replace', 'test']);
const NEEDS_FROM: ReadonlySet<PatchOpName> = new Set(['move', 'copy']);

/**
 * The source span of characters `start..end` of a string node's value (an empty span widens to the
 * character before it, e.g. the `/` of an empty pointer segment), or the whole node when escapes
 * make value and source offsets differ.
 */
export function stringSpan(report: Reporter, node: Node, start: number, end: number): { offset: number; length: number } {
  const inner = report.text.slice(node.offset + 1, node.offset + node.length - 1);
  if (inner !== node.value) return { offset: node.offset, length: node.length };
  const from = end > start ? start : Math.max(start - 1, 0);
  return { offset: node.offset + 1 + from, length: Math.max(end - from, 1) };
}

export function toPatchOp(s: StructuredOp): PatchOp {
  switch (s.op) {
    case 'remove':
      return { op: s.op, path: s.path.text };
    case 'move':
    case 'copy':
      return { op: s.op, from: s.from?.text ?? '', path: s.path.text };
    default:
      return { op: s.op, path: s.path.text, value: s.value?.value };
  }
}

export function checkStructure(root: Node | undefined, report: Reporter): StructuredOp[] {
  if (!root) {
    if (report.problems.length > 0) return [];
    report.at(
      0,
      0,
      'error',
      'empty-patch',
      l10n.t('The patch is empty: write a JSON array of operations, e.g. {0}.', '[{"op": "replace", "path": "/spec/opsState", "value": "Maintaining"}]'),
    );
    return [];
  }
  if (root.type !== 'array') {
    const looksLikeOp = root.type === 'object' && root.children?.some((p) => p.children?.[0].value === 'op');
    report.node(
      root,
      'error',
      'root-not-array',
      looksLikeOp
        ? l10n.t('A JSON Patch is an array of operations, even for one operation: wrap this object in [ ].')
        : l10n.t('A JSON Patch is an array of operations: write {0}.', '[{"op": ..., "path": ..., ...}, ...]'),
    );
    return [];
  }
  const elements = root.children ?? [];
  if (elements.length === 0) {
    report.node(root, 'warning', 'no-operations', l10n.t('The patch has no operations, so applying it changes nothing.'));
  }
  const ops: StructuredOp[] = [];
  elements.forEach((element, index) => {
    const op = checkOperation(element, index, report);
    if (op) ops.push(op);
  });
  return ops;
}

function checkOperation(node: Node, index: number, report: Reporter): StructuredOp | undefined {
  if (node.type !== 'object') {
    report.node(
      node,
      'error',
      'op-not-object',
      l10n.t('Operation {0} must be an object like {1}.', index, '{"op": "replace", "path": "/spec/opsState", "value": "None"}'),
    );
    return undefined;
  }
  const members = new Map<string, { key: Node; value: Node | undefined }>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key) continue;
    const name = String(key.value);
    if (members.has(name)) {
      report.node(key, 'error', 'duplicate-member', l10n.t('`{0}` appears twice in operation {1}; keep one.', name, index));
    }
    members.set(name, { key, value });
  }

  const opName = checkOpName(node, index, members.get('op'), report);
  const path = checkPointerMember(node, index, 'path', members.get('path'), report);
  let from: PointerRef | undefined;
  let value: StructuredOp['value'];
  let complete = opName !== undefined && path !== undefined;

  if (opName && NEEDS_FROM.has(opName)) {
    from = checkPointerMember(node, index, 'from', members.get('from'), report);
    complete &&= from !== undefined;
  }
  if (opName === 'move' && from && path && isProperPrefix(from.segments, path.segments)) {
    report.node(
      node,
      'error',
      'move-into-child',
      l10n.t(
        'Operation {0} moves {1} into its own child {2}, which RFC 6902 forbids (`from` must not be a prefix of `path`), so applying it fails. ' +
          'Use `copy` to keep the original, or move it to a path outside {3}.',
        index,
        from.text || l10n.t('the whole document'),
        path.text,
        from.text || l10n.t('the document'),
      ),
    );
  }
  if (opName && NEEDS_VALUE.has(opName)) {
    const member = members.get('value');
    if (!member?.value) {
      report.node(member?.key ?? node, 'error', 'missing-value', l10n.t('`{0}` needs a `value` (operation {1}).', opName, index));
      complete = false;
    } else {
      value = { node: member.value, value: getNodeValue(member.value) };
      for (const huge of outOfRangeNumbers(member.value)) {
        report.node(
          huge,
          'error',
          'number-out-of-range',
          l10n.t(
            "{0} in operation {1} is beyond the range of a 64-bit float (about ±1.8e308): the API server's JSON decoder " +
              'cannot read it and rejects the patch. ' +
              'Write a number within that range.',
            report.text.slice(huge.offset, huge.offset + huge.length),
            index,
          ),
        );
      }
    }
  }

  for (const [name, member] of members) {
    if (name === 'op' || name === 'path') continue;
    if (!MEMBERS.includes(name)) {
      const near = nearMiss(name, MEMBERS);
      report.node(
        member.key,
        'warning',
        'unknown-op-member',
        near
          ? l10n.t('`{0}` is not an operation member and is ignored; did you mean `{1}`?', name, near)
          : l10n.t('`{0}` is not an operation member and is ignored. Members are op, path, from and value.', name),
        near ? { replacement: near } : undefined,
      );
    } else if (opName && ((name === 'from' && !NEEDS_FROM.has(opName)) || (name === 'value' && !NEEDS_VALUE.has(opName)))) {
      report.node(member.key, 'warning', 'unused-op-member', l10n.t('`{0}` does not use `{1}`; it is ignored.', opName, name));
    }
  }

  if (!complete || !opName || !path) return undefined;
  return { index, node, op: opName, opNode: members.get('op')!.value!, path, from, value };
}

function checkOpName(node: Node, index: number, member: { key: Node; value: Node | undefined } | undefined, report: Reporter): PatchOpName | undefined {
  if (!member?.value) {
    report.node(member?.key ?? node, 'error', 'missing-op', l10n.t('Operation {0} has no `op`; use one of {1}.', index, OP_NAMES.join(', ')));
    return undefined;
  }
  const v = member.value;
  if (v.type !== 'string') {
    report.node(v, 'error', 'invalid-op', l10n.t('`op` must be a string: one of {0}.', OP_NAMES.join(', ')));
    return undefined;
  }
  const name = String(v.value);
  if ((OP_NAMES as readonly string[]).includes(name)) return name as PatchOpName;
  const near = nearMiss(name, OP_NAMES);
  report.node(
    v,
    'error',
    'invalid-op',
    near
      ? l10n.t('`{0}` is not a JSON Patch op; did you mean `{1}`? Ops are {2} (lower case).', name, near, OP_NAMES.join(', '))
      : l10n.t('`{0}` is not a JSON Patch op. Ops are {1} (lower case).', name, OP_NAMES.join(', ')),
    near ? { replacement: near } : undefined,
  );
  return undefined;
}

function checkPointerMember(
  node: Node,
  index: number,
  name: 'path' | 'from',
  member: { key: Node; value: Node | undefined } | undefined,
  report: Reporter,
): PointerRef | undefined {
  if (!member?.value) {
    const message =
      name === 'path'
        ? l10n.t('Operation {0} has no `path`: add the JSON Pointer to change, e.g. "/spec/opsState".', index)
        : l10n.t('Operation {0} has no `from`: add the JSON Pointer to take the value from.', index);
    report.node(member?.key ?? node, 'error', `missing-${name}`, message);
    return undefined;
  }
  const v = member.value;
  if (v.type !== 'string') {
    report.node(v, 'error', 'invalid-pointer', l10n.t('`{0}` must be a string holding a JSON Pointer, e.g. "/spec/opsState".', name));
    return undefined;
  }
  const text = String(v.value);
  const parsed = parsePointer(text);
  if (!parsed.ok) {
    const span = stringSpan(report, v, parsed.start, parsed.end);
    report.at(span.offset, span.length, 'error', 'invalid-pointer', parsed.message, parsed.start === 0 ? { replacement: '/' + text } : undefined);
    return undefined;
  }
  return { node: v, text, segments: parsed.segments };
}
