// Quick fixes for .kgfilter problems, keyed on the engine's problem codes and their `data`.
import type { Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dataOf, FILTER_CODES, isCodeOf, registryFor, type FilterCode, type ProblemData, type ValueTypeData } from '../engine';
import { isScalarNode } from '../engine/internal';
import { targetKind } from './document-kind';
import { FIX_TITLES } from './fix-titles';
import { nodeAt, nodeRange, treeOf } from './json-context';
import { removeItem, sourceOf } from './json-edits';
import { SOURCE, unreachable } from './problem-diagnostic';

function fix(doc: TextDocument, diagnostic: Diagnostic, title: string, range: Range, newText: string, isPreferred = true): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [doc.uri]: [{ range, newText }] } },
  };
}

/** The value the engine says was meant, in place of the node the problem is on. */
function replacementFix(doc: TextDocument, d: Diagnostic, replacement: string | undefined): CodeAction[] {
  return replacement === undefined ? [] : [fix(doc, d, FIX_TITLES.changeTo(JSON.stringify(replacement)), d.range, JSON.stringify(replacement))];
}

/** The two bounds of a `$range` swapped. */
function swapBounds(doc: TextDocument, d: Diagnostic, bounds: (string | number | boolean)[] | undefined): CodeAction[] {
  if (!bounds) return [];
  const text = `[${bounds.map((v) => JSON.stringify(v)).join(', ')}]`;
  return [fix(doc, d, FIX_TITLES.swapBounds(text), d.range, text)];
}

/**
 * One field clause as its own object. An array of values is shorthand for `$eq` only at the root, so
 * inside $and it is written out as `{"$eq": [...]}`.
 */
function clauseText(doc: TextDocument, property: Node): string {
  const [key, value] = property.children as [Node, Node];
  const shorthand = value.type === 'array' && (value.children ?? []).every(isScalarNode);
  const text = sourceOf(doc, value);
  return `{${sourceOf(doc, key)}: ${shorthand ? `{"$eq": ${text}}` : text}}`;
}

/** The properties of an object as the engine reads them (the last of duplicate keys), when all are fields. */
function fieldProperties(doc: TextDocument, obj: Node): Node[] | undefined {
  const last = new Map<string, Node>();
  for (const p of obj.children ?? []) {
    if (p.children?.length === 2) last.set(p.children[0].value, p);
  }
  const fields = registryFor(targetKind(doc.uri)).fields;
  return [...last.keys()].every((k) => fields.has(k)) ? [...last.values()] : undefined;
}

/** Wraps the clauses of a root object with several fields into one $and. */
function wrapInAnd(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const root = treeOf(doc.getText());
  if (root?.type !== 'object') return [];
  const props = fieldProperties(doc, root);
  if (!props || props.length < 2) return [];
  const clauses = props.map((p) => clauseText(doc, p));
  return [fix(doc, d, FIX_TITLES.combineWithAnd, nodeRange(doc, root), `{"$and": [${clauses.join(', ')}]}`)];
}

/**
 * An element of the root $and with several fields, split into one element per field: $and needs every
 * element to match, so the split reads as the element was meant. Not offered inside $or, where the
 * split would match when any one of the fields matches.
 */
function splitAndElement(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const element = nodeAt(treeOf(doc.getText()), doc.offsetAt(d.range.start));
  const list = element?.parent;
  const logic = list?.parent;
  if (element?.type !== 'object' || list?.type !== 'array' || logic?.type !== 'property' || logic.parent?.parent) return [];
  if (logic.children?.[0]?.value !== '$and') return [];
  const props = fieldProperties(doc, element);
  if (!props || props.length < 2) return [];
  const clauses = props.map((p) => clauseText(doc, p));
  return [fix(doc, d, FIX_TITLES.splitAndElement(props.length), nodeRange(doc, element), clauses.join(', '))];
}

/** `"$gt": n` rewritten into forms that mean greater-than in kruise-game-api too. */
function portableGt(doc: TextDocument, d: Diagnostic, data: ProblemData<'gt-portability'> | undefined): CodeAction[] {
  const key = nodeAt(treeOf(doc.getText()), doc.offsetAt(d.range.start) + 1);
  const opProp = key?.parent;
  const opObject = opProp?.parent;
  const fieldProp = opObject?.parent;
  const clause = fieldProp?.parent;
  const value = opProp?.children?.[1];
  const fieldKey = fieldProp?.children?.[0];
  if (opProp?.type !== 'property' || fieldProp?.type !== 'property' || clause?.type !== 'object') return [];
  if (value?.type !== 'number' || !fieldKey || (opObject?.children?.length ?? 0) !== 1) return [];
  const f = sourceOf(doc, fieldKey);
  const n = sourceOf(doc, value);
  const actions: CodeAction[] = [];
  const container = clause.parent;
  const logic = container?.type === 'array' ? container.parent?.children?.[0]?.value : undefined;
  const split = `{${f}: {"$ge": ${n}}}, {${f}: {"$ne": ${n}}}`;
  if (!container) {
    actions.push(fix(doc, d, FIX_TITLES.geAndNeInAnd, nodeRange(doc, clause), `{"$and": [${split}]}`));
  } else if (logic === '$and') {
    actions.push(fix(doc, d, FIX_TITLES.geAndNeClauses, nodeRange(doc, clause), split));
  }
  // An integer field (the engine says so) holds no value between n and n+1, so `> n` is `>= n+1`.
  if (data?.integer === true && Number.isFinite(value.value)) {
    const next = Math.floor(value.value) + 1;
    actions.push(fix(doc, d, FIX_TITLES.geNext(next, String(fieldKey.value)), nodeRange(doc, opProp), `"$ge": ${next}`, actions.length === 0));
  }
  return actions;
}

/** Removes a duplicate key that kruise-game-api ignores (Go's decoder keeps the last of equal keys). */
function removeDuplicate(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const key = nodeAt(treeOf(doc.getText()), doc.offsetAt(d.range.start) + 1);
  const property = key?.parent;
  if (key?.type !== 'string' || property?.type !== 'property' || property.children?.[0] !== key) return [];
  const edit = removeItem(doc, property);
  return edit ? [fix(doc, d, FIX_TITLES.removeEarlierDuplicate(String(key.value)), edit.range, edit.newText)] : [];
}

/** The value written as the type the operator needs, where the text says which value was meant. */
function valueTypeFix(doc: TextDocument, d: Diagnostic, data: ValueTypeData | undefined): CodeAction[] {
  if (!data) return [];
  const node = nodeAt(treeOf(doc.getText()), doc.offsetAt(d.range.start));
  if (!node || node.offset !== doc.offsetAt(d.range.start)) return [];
  const text = sourceOf(doc, node);
  const replaced = (json: string): CodeAction[] => [fix(doc, d, FIX_TITLES.changeTo(json), d.range, json)];
  switch (data.expected) {
    case 'number':
      return node.type === 'string' && /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(node.value) ? replaced(node.value) : [];
    case 'string':
      return node.type === 'number' || node.type === 'boolean' ? replaced(JSON.stringify(text)) : [];
    case 'bool':
      return node.type === 'string' && (node.value === 'true' || node.value === 'false') ? replaced(node.value) : [];
    case 'array': {
      const of = data.of === 'bool' ? 'boolean' : data.of;
      return node.type === of ? [fix(doc, d, FIX_TITLES.wrapInArray, d.range, `[${text}]`)] : [];
    }
  }
}

/** `{"$and": {"a": …, "b": …}}` written as the array of one-field clauses it was meant to be. */
function logicAsArray(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const node = nodeAt(treeOf(doc.getText()), doc.offsetAt(d.range.start));
  const props = node?.type === 'object' && node.offset === doc.offsetAt(d.range.start) ? (node.children ?? []) : [];
  if (!node || props.length === 0) return [];
  const clauses = props.map((p) => `{${sourceOf(doc, p)}}`);
  const title = props.length === 1 ? FIX_TITLES.wrapInArray : FIX_TITLES.oneElementPerField;
  return [fix(doc, d, title, nodeRange(doc, node), `[${clauses.join(', ')}]`)];
}

/** An array written where an operator object is needed, wrapped in the operator the engine names. */
function wrapInOperator(doc: TextDocument, d: Diagnostic, data: { wrapOp: string } | undefined): CodeAction[] {
  const text = `{${JSON.stringify(data?.wrapOp ?? '$eq')}: ${doc.getText(d.range)}}`;
  return [fix(doc, d, FIX_TITLES.writeAs(text), d.range, text)];
}

/** Every code a filter can get; a new code fails tsc here until it says whether it has a fix. */
function actionsFor(doc: TextDocument, d: Diagnostic, code: FilterCode): CodeAction[] {
  switch (code) {
    case 'unknown-operator':
    case 'unknown-field':
    case 'near-miss-value':
      return replacementFix(doc, d, dataOf(code, d.data)?.replacement);
    case 'range-order':
      return swapBounds(doc, d, dataOf(code, d.data)?.replacement);
    case 'array-shorthand-not-root':
      return wrapInOperator(doc, d, dataOf(code, d.data));
    case 'duplicate-key':
      return removeDuplicate(doc, d);
    case 'value-type':
      return valueTypeFix(doc, d, dataOf(code, d.data));
    case 'logic-not-array':
      return logicAsArray(doc, d);
    case 'object-key-count':
      return dataOf(code, d.data)?.fix === 'wrap-and' ? wrapInAnd(doc, d) : splitAndElement(doc, d);
    case 'gt-portability':
      return portableGt(doc, d, dataOf(code, d.data));
    // No quick fix: the message says what to write.
    case 'dollar-field-shorthand':
    case 'json-syntax':
    case 'too-deep':
    case 'too-large':
    case 'too-many-problems':
    case 'empty-array':
    case 'empty-filter':
    case 'image-format':
    case 'logic-element':
    case 'logic-not-at-root':
    case 'number-out-of-range':
    case 'operator-not-for-type':
    case 'range-length':
    case 'regex-invalid':
    case 'root-not-object':
    case 'unknown-value':
      return [];
    default:
      return unreachable(code);
  }
}

export function filterCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((d) => (d.source === SOURCE && isCodeOf(FILTER_CODES, d.code) ? actionsFor(doc, d, d.code) : []));
}
