// Document formatting for .kgfilter and .kgpatch. jsonc-parser's formatter scans without recursing, but
// its edits grow with the document (one per gap between tokens) and indentation with depth, so
// documents past the size or depth bound are refused, with a message that says why.
import { format } from 'jsonc-parser';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_DEPTH } from '../engine/json';
import { tooDeep } from './json-context';
import { MAX_JSON_LENGTH } from './limits';
import { size } from './problem-diagnostic';

export type Formatting = { edits: TextEdit[] } | { refused: string };

/** `noun` names the document in a refusal: `filter` or `patch`. */
export function formatDocument(doc: TextDocument, options: FormattingOptions, noun: string): Formatting {
  const text = doc.getText();
  if (text.length > MAX_JSON_LENGTH) {
    return { refused: `This ${noun} is ${size(text.length)}, over the ${size(MAX_JSON_LENGTH)} the editor formats, so it was left as it is.` };
  }
  if (tooDeep(text)) return { refused: `This ${noun} nests more than ${MAX_DEPTH} levels deep, so it was left as it is.` };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits = format(text, undefined, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, insertFinalNewline: options.insertFinalNewline === true || /\n$/.test(text) });
  return {
    edits: edits.map((e) => ({
      range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
      newText: e.content,
    })),
  };
}
