// Text edits on a JSON document's parse tree for quick fixes: removing a member or element together with
// one comma beside it, so that what is left still parses.
import type { Node } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeRange } from './json-context';

export const sourceOf = (doc: TextDocument, node: Node): string => doc.getText().slice(node.offset, node.offset + node.length);

/**
 * Removes an object property or an array element: up to the next sibling when there is one (its comma
 * and the space before it go too), else from the end of the previous sibling.
 */
export function removeItem(doc: TextDocument, item: Node): TextEdit | undefined {
  const siblings = item.parent?.children;
  const i = siblings?.indexOf(item) ?? -1;
  if (!siblings || i < 0) return undefined;
  const next = siblings[i + 1];
  const previous = siblings[i - 1];
  if (next) return { range: nodeRange(doc, { offset: item.offset, length: next.offset - item.offset }), newText: '' };
  const start = previous ? previous.offset + previous.length : item.offset;
  return { range: nodeRange(doc, { offset: start, length: item.offset + item.length - start }), newText: '' };
}
