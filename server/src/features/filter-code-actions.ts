// Quick fixes for .kgfilter problems, keyed on the engine's problem codes and their `data`.
import type { Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
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

/** Wraps the clauses of a root object with several fields into one $and. */
function wrapInAnd(doc: TextDocument, d: Diagnostic): CodeAction[] {
  const root = treeOf(doc.getText());
  if (root?.type !== 'object') return [];
  const last = new Map<string, Node>();
  for (const p of root.children ?? []) {
    if (p.children?.length === 2) last.set(p.children[0].value, p);
  }
  if (last.size < 2) return [];
  const clauses = [...last.values()].map((p) => `{${slice(doc, p)}}`);
  return [fix(doc, d, 'Combine the clauses with "$and"', nodeRange(doc, root), `{"$and": [${clauses.join(', ')}]}`)];
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
      return data.fix === 'wrap-and' ? wrapInAnd(doc, d) : [];
    case 'gt-portability':
      return portableGt(doc, d);
    default:
      return [];
  }
}

export function filterCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.filter((d) => d.source === SOURCE).flatMap((d) => actionsFor(doc, d));
}
