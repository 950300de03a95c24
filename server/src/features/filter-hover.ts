// Hover in .kgfilter documents: a field's type, what it reads and an example; an operator's
// meaning and where kruise-game-api differs.
import { getNodePath, type Segment } from 'jsonc-parser';
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { OPERATORS, registryFor, type FieldDef, type OperatorInfo } from '../engine';
import { targetKind } from './document-kind';
import { nodeAt, nodeRange, propertyOf, treeOf } from './json-context';
import { jsonBlock, markdown } from './snippet';

const LOGIC: Record<string, () => string> = {
  $and: () => l10n.t('Matches when every clause in the array matches; stops at the first that does not.'),
  $or: () => l10n.t('Matches when at least one clause in the array matches.'),
};

function fieldHover(field: FieldDef): string {
  const head = l10n.t('**{0}** · `{1}` · reads `{2}`', field.name, field.type, field.reads);
  return `${head}\n\n${field.description}\n\n${l10n.t('Example:')}\n\n${jsonBlock(field.example)}`;
}

function operatorHover(op: OperatorInfo, field: FieldDef): string {
  const note = op.kgaNote ? `\n\n**kruise-game-api:** ${op.kgaNote}` : '';
  return `${l10n.t('**{0}** · operator on `{1}` ({2})', op.name, field.name, field.type)}\n\n${op.meaning}${note}`;
}

function logicHover(name: string): string {
  const body = l10n.t('{0} Its elements are one-field clauses; $and / $or cannot be nested.', LOGIC[name]());
  return `${l10n.t('**{0}** · logic, root only', name)}\n\n${body}`;
}

/** The hover text for the key at `path` (the path ends with the key itself). */
function describeKey(path: Segment[], fields: ReadonlyMap<string, FieldDef>): string | undefined {
  const clause = path[0] === '$and' || path[0] === '$or' ? path.slice(2) : path;
  if (path.length === 1 && typeof path[0] === 'string' && path[0] in LOGIC) return logicHover(path[0]);
  if (clause.length === 0 || (clause !== path && path.length < 3)) return undefined;
  const field = fields.get(String(clause[0]));
  if (!field) return undefined;
  if (clause.length === 1) return fieldHover(field);
  if (clause.length !== 2) return undefined;
  const op = OPERATORS.find((o) => o.name === clause[1] && o.types.includes(field.type));
  return op && operatorHover(op, field);
}

export function filterHover(doc: TextDocument, position: Position): Hover | null {
  const node = nodeAt(treeOf(doc.getText()), doc.offsetAt(position));
  const property = node && propertyOf(node);
  if (!node || !property || property.children?.[0] !== node) return null;
  const text = describeKey(getNodePath(node), registryFor(targetKind(doc.uri)).fields);
  return text ? { contents: markdown(text), range: nodeRange(doc, node) } : null;
}
