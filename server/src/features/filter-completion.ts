// Completion in .kgfilter documents: fields and $and/$or as keys, the field type's operators,
// and values (reserved values, states, booleans, cluster or workspace values).
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node, Segment } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
import { operatorsFor, registryFor, type FieldDef, type OperatorInfo, type Registry } from '../engine';
import { fieldValues, type ValueSources } from './completion-values';
import { targetKind, type TargetKind } from './document-kind';
import { followedByColon, locationAt, replaceRange } from './json-context';
import { offersValueNext, operatorSnippet, operatorVariants } from './operator-snippets';
import { item, jsonBlock, literal } from './snippet';

const LOGIC = [
  { name: '$and', meaning: () => l10n.t('Every clause in the array must match.') },
  { name: '$or', meaning: () => l10n.t('At least one clause in the array must match.') },
] as const;

const isLogic = (s: Segment | undefined): boolean => s === '$and' || s === '$or';

interface Context {
  doc: TextDocument;
  offset: number;
  range: Range;
  inString: boolean;
  /** The key under the caret already has `:` after it, so only the key is replaced. */
  keyOnly: boolean;
  registry: Registry;
  target: TargetKind;
  sources: ValueSources;
}

function fieldValueSnippet(field: FieldDef): string {
  switch (field.type) {
    case 'string':
      return '"$1"';
    case 'number':
      return '${1:0}';
    case 'bool':
      return '${1|true,false|}';
    default:
      return '{"\\$all": [$1]}';
  }
}

function fieldDoc(field: FieldDef): string {
  return `${field.description}\n\n${l10n.t('Reads `{0}`.', field.reads)}\n\n${jsonBlock(field.example)}`;
}

function fieldItems(ctx: Context, wrap: boolean): CompletionItem[] {
  return [...ctx.registry.fields.values()].flatMap((field) => {
    const key = `"${literal(field.name)}"`;
    const body = ctx.keyOnly ? key : `${key}: ${fieldValueSnippet(field)}`;
    const plain = item({
      label: field.name,
      kind: CompletionItemKind.Field,
      range: ctx.range,
      newText: wrap ? `{${body}}` : body,
      snippet: true,
      detail: l10n.t('{0} · reads {1}', field.type, field.reads),
      documentation: fieldDoc(field),
      sortText: `1${field.name}`,
      filterText: ctx.inString ? `"${field.name}"` : field.name,
      suggestAgain: !ctx.keyOnly && (field.type === 'string' || field.type === 'string[]'),
    });
    return ctx.keyOnly ? [plain] : [plain, ...variantItems(ctx, field, wrap)];
  });
}

/** The field with an operator object for its value, listed after the plain fields. */
function variantItems(ctx: Context, field: FieldDef, wrap: boolean): CompletionItem[] {
  return operatorVariants(field).map((op, i) => {
    const body = `"${literal(field.name)}": {${operatorSnippet(op, field)}}`;
    return item({
      label: field.name,
      labelDetail: ` {"${op.name}": …}`,
      kind: CompletionItemKind.Field,
      range: ctx.range,
      newText: wrap ? `{${body}}` : body,
      snippet: true,
      detail: `${field.type} · ${op.meaning}`,
      documentation: `${operatorDoc(op)}\n\n${fieldDoc(field)}`,
      sortText: `3${field.name}${i}`,
      filterText: ctx.inString ? `"${field.name}"` : field.name,
      suggestAgain: offersValueNext(op, field),
    });
  });
}

function logicItems(ctx: Context, wrap: boolean): CompletionItem[] {
  return LOGIC.map((l) => {
    const key = `"\\${l.name}"`;
    const body = ctx.keyOnly ? key : `${key}: [{$1}]`;
    return item({
      label: l.name,
      kind: CompletionItemKind.Keyword,
      range: ctx.range,
      newText: wrap ? `{${body}}` : body,
      snippet: true,
      detail: l10n.t('logic · root only · array of one-field clauses'),
      documentation: `${l10n.t('{0} Allowed only at the root; its elements are one-field clauses, not nested $and/$or.', l.meaning())}\n\n${jsonBlock(
        `{"${l.name}":[{"opsState":"None"},{"currentState":"Ready"}]}`,
      )}`,
      sortText: `2${l.name}`,
      filterText: ctx.inString ? `"${l.name}"` : l.name,
      suggestAgain: !ctx.keyOnly,
    });
  });
}

function operatorDoc(op: OperatorInfo): string {
  return op.kgaNote ? `${op.meaning}\n\n**kruise-game-api:** ${op.kgaNote}` : op.meaning;
}

function operatorItems(ctx: Context, field: FieldDef, wrap: boolean): CompletionItem[] {
  return operatorsFor(field.type).map((op, i) => {
    const gt = op.name === '$gt';
    const body = ctx.keyOnly ? `"${literal(op.name)}"` : operatorSnippet(op, field);
    return item({
      label: op.name,
      kind: CompletionItemKind.Operator,
      range: ctx.range,
      newText: wrap ? `{${body}}` : body,
      snippet: true,
      detail: gt ? l10n.t('kruise-game-api evaluates it as less-than') : op.meaning,
      documentation: operatorDoc(op),
      // $gt last: kruise-game-api inverts it, so it is offered only with its warning.
      sortText: `${gt ? 9 : 1}${String(i).padStart(2, '0')}`,
      filterText: ctx.inString ? `"${op.name}"` : op.name,
      deprecated: gt,
      suggestAgain: !ctx.keyOnly && offersValueNext(op, field),
    });
  });
}

function valueItems(ctx: Context, field: FieldDef, asList: boolean): CompletionItem[] {
  const wrapText = (json: string): string => (asList ? `[${json}]` : json);
  if (field.type === 'bool') {
    return ['true', 'false'].map((v) =>
      item({ label: v, kind: CompletionItemKind.Value, range: ctx.range, newText: wrapText(v), snippet: false, detail: 'boolean' }),
    );
  }
  if (field.type !== 'string' && field.type !== 'string[]') return [];
  return fieldValues(field, ctx.target, ctx.sources).map((v, i) => {
    const json = JSON.stringify(v.value);
    return item({
      label: v.value,
      kind: field.knownValues ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
      range: ctx.range,
      newText: wrapText(json),
      snippet: false,
      detail: v.origin,
      sortText: String(i).padStart(5, '0'),
      filterText: ctx.inString ? json : v.value,
    });
  });
}

/** Completion for what follows a field clause's key (`rest` is the path below the field). */
function clauseValue(ctx: Context, field: FieldDef, rest: Segment[], atRoot: boolean): CompletionItem[] {
  if (rest.length === 0) {
    const operators = ctx.inString ? [] : operatorItems(ctx, field, true);
    return [...valueItems(ctx, field, false), ...operators];
  }
  if (rest.length === 1 && typeof rest[0] === 'number') {
    // The array shorthand ({"images":[...]}) is $eq, and only at the root.
    return atRoot ? valueItems(ctx, field, false) : [];
  }
  const op = operatorsFor(field.type).find((o) => o.name === rest[0]);
  if (!op) return [];
  const shape = op.operand(field.type);
  if (shape === 'scalar') return rest.length === 1 ? valueItems(ctx, field, false) : [];
  if (shape === 'list' || shape === 'array') {
    if (rest.length === 1) return ctx.inString ? [] : valueItems(ctx, field, true);
    return rest.length === 2 ? valueItems(ctx, field, false) : [];
  }
  return [];
}

function complete(ctx: Context, path: Segment[], atKey: boolean): CompletionItem[] {
  if (path.length === 0) return [...fieldItems(ctx, true), ...logicItems(ctx, true)];
  const [first, second, ...below] = path;
  if (isLogic(first)) {
    if (typeof second !== 'number') return [];
    if (below.length === 0) return ctx.inString ? [] : fieldItems(ctx, true);
    if (atKey && below.length === 1) return fieldItems(ctx, false);
    const field = ctx.registry.fields.get(String(below[0]));
    if (!field) return [];
    if (atKey) return below.length === 2 ? operatorItems(ctx, field, false) : [];
    return clauseValue(ctx, field, below.slice(1), false);
  }
  if (atKey && path.length === 1) return [...fieldItems(ctx, false), ...logicItems(ctx, false)];
  const field = ctx.registry.fields.get(String(first));
  if (!field) return [];
  if (atKey) return path.length === 2 ? operatorItems(ctx, field, false) : [];
  return clauseValue(ctx, field, path.slice(1), true);
}

export function filterCompletion(doc: TextDocument, position: Position, sources: ValueSources): CompletionItem[] {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const location = locationAt(text, offset);
  if (!location) return [];
  const previous: Node | undefined = location.previousNode;
  const { range, inString } = replaceRange(doc, previous, offset);
  const keyOnly = location.isAtPropertyKey && inString && previous !== undefined && followedByColon(text, previous.offset + previous.length);
  const target = targetKind(doc.uri);
  const ctx: Context = { doc, offset, range, inString, keyOnly, registry: registryFor(target), target, sources };
  return complete(ctx, location.path, location.isAtPropertyKey);
}
