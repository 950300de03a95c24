// Quick fixes for .kgpatch problems: the engine's `data.replacement` is the JSON value that goes in
// place of the JSON node at the problem's start (the whole string for a path segment); a lone
// operation object is wrapped into the array a patch is, and a member the op ignores is removed.
import type { Node } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dataOf, isCodeOf, PATCH_CODES, type JsonValue, type PatchCode } from '../engine';
import { FIX_TITLES } from './fix-titles';
import { member, nodeAt, nodeRange, treeOf } from './json-context';
import { removeItem, sourceOf } from './json-edits';
import { SOURCE, unreachable } from './problem-diagnostic';

function fix(doc: TextDocument, diagnostic: Diagnostic, title: string, edit: TextEdit): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [doc.uri]: [edit] } } };
}

function replacementFix(doc: TextDocument, d: Diagnostic, node: Node, replacement: JsonValue): CodeAction[] {
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

/** The JSON value the engine says goes in place of the node at the problem's start. */
function replaceAt(doc: TextDocument, d: Diagnostic, root: Node | undefined, data: { replacement: JsonValue } | undefined): CodeAction[] {
  const node = data && nodeAt(root, doc.offsetAt(d.range.start));
  return node ? replacementFix(doc, d, node, data.replacement) : [];
}

/** Every code a patch can get; a new code fails tsc here until it says whether it has a fix. */
function actionsFor(doc: TextDocument, d: Diagnostic, code: PatchCode, root: Node | undefined): CodeAction[] {
  switch (code) {
    case 'invalid-op':
    case 'invalid-pointer':
    case 'invalid-value':
    case 'invalid-label-value':
    case 'noncanonical-array-index':
    case 'opsstate-not-reserved':
    case 'priority-not-integer':
    case 'priority-out-of-range':
    case 'test-value-invalid':
    case 'test-value-written-differently':
    case 'unknown-op-member':
    case 'unknown-path-segment':
      return replaceAt(doc, d, root, dataOf(code, d.data));
    case 'root-not-array':
      return wrapRoot(doc, d, root);
    case 'unused-op-member':
      return removeUnused(doc, d, nodeAt(root, doc.offsetAt(d.range.start) + 1));
    // No quick fix: the message says what to change.
    case 'json-syntax':
    case 'too-deep':
    case 'too-large':
    case 'too-many-problems':
    case 'duplicate-member':
    case 'empty-patch':
    case 'immutable-field':
    case 'invalid-array-index':
    case 'invalid-dash':
    case 'missing-from':
    case 'missing-op':
    case 'missing-path':
    case 'missing-value':
    case 'move-into-child':
    case 'negative-array-index':
    case 'no-operations':
    case 'number-out-of-range':
    case 'op-not-object':
    case 'path-into-scalar':
    case 'priority-not-int32':
    case 'status-ignored':
    case 'template-value':
    case 'test-array-with-null':
    case 'test-null-passes-when-missing':
    case 'test-value-escaped-by-server':
      return [];
    default:
      return unreachable(code);
  }
}

export function patchCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const ours = diagnostics.filter((d) => d.source === SOURCE);
  if (ours.length === 0) return [];
  const root = treeOf(doc.getText());
  return ours.flatMap((d) => (isCodeOf(PATCH_CODES, d.code) ? actionsFor(doc, d, d.code, root) : []));
}
