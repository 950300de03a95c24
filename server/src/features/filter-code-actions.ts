// Quick fixes for .kgfilter problems, keyed on the engine's problem codes and their `data`.
import type { Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { registryFor } from '../engine';
import { isScalarNode } from '../engine/json';
import { targetKind } from './document-kind';
import { nodeAt, nodeRange, treeOf } from './json-context';
import { SOURCE } from './problem-diagnostic';

function fix(doc: TextDocument, diagnostic: Diagnostic, title: string, range: Range, newText: string, isPreferred = true): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [doc.uri]: [{ range, newText }] } },
  };
}

const slice = (doc: TextDocument, node: Node): string => doc.getText().slice(node.offset, node.offset + node.length);

function replacementFix(doc: TextDocument, d: Diagnostic, replacement: unknown): CodeAction[] {
  if (typeof replacement === 'string') return [fix(doc, d, `Change to "${replacement}"`, d.range, JSON.stringify(replacement))];
  if (Array.isArray(replacement) && d.code === 'range-order') {
    const text = `[${replacement.map((v) => JSON.stringify(v)).join(', ')}]`;
    return [fix(doc, d, `Swap the bounds: ${text}`, d.range, text)];
  }
  return [];
}

/**
 * One field clause as its own object. An array of values is shorthand for `$eq` only at the root, so
 * inside $and it is written out as `{"$eq": [...]}`.
 */
function clauseText(doc: TextDocument, property: Node): string {
  const [key, value] = property.children as [Node, Node];
  const shorthand = value.type === 'array' && (value.children ?? []).every(isScalarNode);
  const text = slice(doc, value);
  return `{${slice(doc, key)}: ${shorthand ? `{"$eq": ${text}}` : text}}`;
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
  return [fix(doc, d, 'Combine the clauses with "$and"', nodeRange(doc, root), `{"$and": [${clauses.join(', ')}]}`)];
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
  return [
    fix(doc, d, `Split into ${props.length} elements of "$and" (same meaning: "$and" needs every element to match)`, nodeRange(doc, element), clauses.join(', ')),
  ];
}

/** `"$gt": n` rewritten into forms that mean greater-than in kruise-game-api too. */
function portableGt(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const key = nodeAt(treeOf(doc.getText()), doc.offsetAt(d.range.start) + 1);
  const opProp = key?.parent;
  const opObject = opProp?.parent;
  const fieldProp = opObject?.parent;
  const clause = fieldProp?.parent;
  const value = opProp?.children?.[1];
  const fieldKey = fieldProp?.children?.[0];
  if (opProp?.type !== 'property' || fieldProp?.type !== 'property' || clause?.type !== 'object') return [];
  if (value?.type !== 'number' || !fieldKey || (opObject?.children?.length ?? 0) !== 1) return [];
  const f = slice(doc, fieldKey);
  const n = slice(doc, value);
  const actions: CodeAction[] = [];
  const container = clause.parent;
  const logic = container?.type === 'array' ? container.parent?.children?.[0]?.value : undefined;
  const split = `{${f}: {"$ge": ${n}}}, {${f}: {"$ne": ${n}}}`;
  if (!container) {
    actions.push(fix(doc, d, 'Rewrite as "$ge" and "$ne" in "$and"', nodeRange(doc, clause), `{"$and": [${split}]}`));
  } else if (logic === '$and') {
    actions.push(fix(doc, d, 'Rewrite as "$ge" and "$ne" clauses', nodeRange(doc, clause), split));
  }
  // An integer field (the engine says so) holds no value between n and n+1, so `> n` is `>= n+1`.
  if ((d.data as { integer?: boolean } | undefined)?.integer === true && Number.isFinite(value.value)) {
    const next = Math.floor(value.value) + 1;
    actions.push(fix(doc, d, `Rewrite as "$ge": ${next} (${fieldKey.value} is an integer)`, nodeRange(doc, opProp), `"$ge": ${next}`, actions.length === 0));
  }
  return actions;
}

function actionsFor(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const data = (d.data ?? {}) as Record<string, unknown>;
  switch (d.code) {
    case 'unknown-operator':
    case 'unknown-field':
    case 'near-miss-value':
    case 'range-order':
      return replacementFix(doc, d, data.replacement);
    case 'array-shorthand-not-root': {
      const op = typeof data.wrapOp === 'string' ? data.wrapOp : '$eq';
      const text = doc.getText(d.range);
      return [fix(doc, d, `Write it as {"${op}": ${text}}`, d.range, `{${JSON.stringify(op)}: ${text}}`)];
    }
    case 'object-key-count':
      return data.fix === 'wrap-and' ? wrapInAnd(doc, d) : splitAndElement(doc, d);
    case 'gt-portability':
      return portableGt(doc, d);
    default:
      return [];
  }
}

export function filterCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.filter((d) => d.source === SOURCE).flatMap((d) => actionsFor(doc, d));
}
