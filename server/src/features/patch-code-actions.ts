// Quick fixes for .kgpatch problems: the engine's `data.replacement` is the JSON value that goes in
// place of the JSON node at the problem's start (the whole string for a path segment); a lone
// operation object is wrapped into the array a patch is, and a member the op ignores is removed.
import type { Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_TITLES } from './fix-titles';
import { member, nodeAt, nodeRange, treeOf } from './json-context';
import { removeItem, sourceOf } from './json-edits';
import { SOURCE } from './problem-diagnostic';

function fix(doc: TextDocument, diagnostic: Diagnostic, title: string, edit: TextEdit): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [doc.uri]: [edit] } } };
}

function replacementFix(doc: TextDocument, d: Diagnostic, node: Node, replacement: unknown): CodeAction[] {
  if (node.type === 'property' || node.type === 'object' || node.type === 'array') return [];
  const json = JSON.stringify(replacement);
  return [fix(doc, d, FIX_TITLES.changeTo(json), { range: nodeRange(doc, node), newText: json })];
}

/** `{"op": …}` alone: a patch is an array of operations, even of one. */
function wrapRoot(doc: TextDocument, d: Diagnostic, root: Node | undefined): CodeAction[] {
  if (root?.type !== 'object' || member(root, 'op') === undefined) return [];
  return [fix(doc, d, FIX_TITLES.wrapInArray, { range: nodeRange(doc, root), newText: `[${sourceOf(doc, root)}]` })];
}

/** Removes a member (`from` of a replace, `value` of a remove) that the op ignores. */
function removeUnused(doc: TextDocument, d: Diagnostic, key: Node | undefined): CodeAction[] {
  const property = key?.parent;
  const opName = member(property?.parent, 'op')?.value;
  if (key?.type !== 'string' || property?.type !== 'property' || property.children?.[0] !== key || typeof opName !== 'string') return [];
  const edit = removeItem(doc, property);
  return edit ? [fix(doc, d, FIX_TITLES.removeUnusedMember(String(key.value), opName), edit)] : [];
}

function actionsFor(doc: TextDocument, d: Diagnostic, root: Node | undefined): CodeAction[] {
  const start = doc.offsetAt(d.range.start);
  const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
  if (replacement !== undefined) {
    const node = nodeAt(root, start);
    return node ? replacementFix(doc, d, node, replacement) : [];
  }
  switch (d.code) {
    case 'root-not-array':
      return wrapRoot(doc, d, root);
    case 'unused-op-member':
      return removeUnused(doc, d, nodeAt(root, start + 1));
    default:
      return [];
  }
}

export function patchCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const ours = diagnostics.filter((d) => d.source === SOURCE);
  if (ours.length === 0) return [];
  const root = treeOf(doc.getText());
  return ours.flatMap((d) => actionsFor(doc, d, root));
}
