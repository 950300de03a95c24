// Hover in .kgpatch documents: on a `path` / `from` segment, the schema's description and type of
// the pointer up to that segment; on an `op` value, what the operation does.
import { getNodePath, type Node } from 'jsonc-parser';
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { describeType, escapeSegment, schemaAtPointer, unescapeSegment } from '../engine/internal';
import { targetKind } from './document-kind';
import { insideString, nodeAt, nodeRange, treeOf } from './json-context';
import { MEMBER_DOCS, PATCH_OPS } from './patch-ops';
import { schemaDescription } from './schema-description';
import { markdown } from './snippet';

function pointerHover(doc: TextDocument, node: Node, offset: number): Hover | null {
  const raw = doc.getText().slice(node.offset + 1, node.offset + node.length - 1);
  if (raw.includes('\\') || !raw.startsWith('/')) return null;
  const caret = offset - (node.offset + 1);
  const end = raw.indexOf('/', Math.max(caret, 1));
  const upTo = end < 0 ? raw.length : end;
  const segments = raw.slice(1, upTo).split('/').map(unescapeSegment);
  const schema = schemaAtPointer(targetKind(doc.uri), segments);
  if (!schema) return null;
  const start = raw.lastIndexOf('/', Math.max(caret - 1, 0));
  const pointer = segments.map((s) => `/${escapeSegment(s)}`).join('');
  const lines = [`**${pointer}** · \`${describeType(schema)}\``];
  if (schema.description) lines.push(schemaDescription(schema.description));
  if (schema['x-okg-reserved']) lines.push(l10n.t('Reserved values: {0}', schema['x-okg-reserved'].join(', ')));
  if (schema.enum) lines.push(l10n.t('Allowed values: {0}', schema.enum.map((v) => JSON.stringify(v)).join(', ')));
  const range = nodeRange(doc, { offset: node.offset + 1 + start, length: upTo - start });
  return { contents: markdown(lines.join('\n\n')), range };
}

export function patchHover(doc: TextDocument, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  const node = nodeAt(treeOf(doc.getText()), offset);
  if (!node || node.type !== 'string') return null;
  const path = getNodePath(node);
  if (path.length !== 2 || typeof path[0] !== 'number') return null;
  const property = node.parent;
  if (property?.children?.[0] === node) {
    const memberDoc = MEMBER_DOCS[node.value];
    return memberDoc ? { contents: markdown(`**${node.value}**\n\n${memberDoc()}`), range: nodeRange(doc, node) } : null;
  }
  if (path[1] === 'op') {
    const op = PATCH_OPS.find((o) => o.name === node.value);
    return op ? { contents: markdown(`**${op.name}**\n\n${op.meaning}`), range: nodeRange(doc, node) } : null;
  }
  if ((path[1] === 'path' || path[1] === 'from') && insideString(doc, node, offset)) return pointerHover(doc, node, offset);
  return null;
}
