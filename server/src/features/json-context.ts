// Where the caret is in a JSON document, for completion, hover and quick fixes, with the parse
// guarded: jsonc-parser recurses per nesting level, so deep documents are refused before parsing, and
// documents past MAX_JSON_LENGTH (whose checks say they are too large) are not read at all.
import { findNodeAtOffset, getLocation, parseTree, type Location, type Node } from 'jsonc-parser';
import { scanDepth } from '../engine/internal';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_JSON_LENGTH } from './limits';

export function tooDeep(text: string): boolean {
  return scanDepth(text).tooDeepAt !== undefined;
}

/**
 * The text last inspected, whether it may be read and, once asked for, its tree: the requests on one
 * version of a document (a completion and its hovers, the quick fixes of several diagnostics) scan
 * and parse it once.
 */
let last: { text: string; usable: boolean; tree?: Node } | undefined;

function inspected(text: string): { text: string; usable: boolean; tree?: Node } {
  if (last?.text !== text) last = { text, usable: text.length <= MAX_JSON_LENGTH && !tooDeep(text) };
  return last;
}

/** The JSON path at `offset`, or undefined for a document too large or deep to inspect. */
export function locationAt(text: string, offset: number): Location | undefined {
  return inspected(text).usable ? getLocation(text, offset) : undefined;
}

/** The parse tree (error-tolerant), or undefined for a document too large or deep to inspect. */
export function treeOf(text: string): Node | undefined {
  const seen = inspected(text);
  if (!seen.usable) return undefined;
  seen.tree ??= parseTree(text, [], { allowTrailingComma: true });
  return seen.tree;
}

export function nodeAt(root: Node | undefined, offset: number): Node | undefined {
  return root && findNodeAtOffset(root, offset, true);
}

/** The object property a node is the key or the value of. */
export function propertyOf(node: Node): Node | undefined {
  return node.parent?.type === 'property' ? node.parent : undefined;
}

/** The value of `key` in an object node. */
export function member(obj: Node | undefined, key: string): Node | undefined {
  if (obj?.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const p of obj.children ?? []) {
    if (p.children?.[0]?.value === key) found = p.children[1];
  }
  return found;
}

export function nodeRange(doc: TextDocument, node: { offset: number; length: number }): Range {
  return { start: doc.positionAt(node.offset), end: doc.positionAt(node.offset + node.length) };
}

/** True when `offset` is inside the quotes of a string node (an unterminated string counts to its end). */
export function insideString(doc: TextDocument, node: { offset: number; length: number } | undefined, offset: number): boolean {
  if (!node) return false;
  const text = doc.getText();
  if (text.charAt(node.offset) !== '"') return false;
  const end = node.offset + node.length;
  const closed = node.length >= 2 && text.charAt(end - 1) === '"';
  return offset > node.offset && (closed ? offset < end : offset <= end);
}

/** True when the text after a key string is a colon (the property already has its value part). */
export function followedByColon(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === ':') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\n') return false;
  }
  return false;
}

/** The range a completion replaces: the string node around the caret, else the bare word before it. */
export function replaceRange(doc: TextDocument, previous: Node | undefined, offset: number): { range: Range; inString: boolean } {
  if (previous && insideString(doc, previous, offset)) {
    const text = doc.getText();
    const end = previous.offset + previous.length;
    const closed = previous.length >= 2 && text.charAt(end - 1) === '"';
    return { range: nodeRange(doc, { offset: previous.offset, length: closed ? previous.length : offset - previous.offset }), inString: true };
  }
  const text = doc.getText();
  let start = offset;
  while (start > 0 && /[\w$.-]/.test(text.charAt(start - 1))) start--;
  return { range: { start: doc.positionAt(start), end: doc.positionAt(offset) }, inString: false };
}
