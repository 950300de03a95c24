// Document formatting for .kgfilter and .kgpatch (jsonc-parser's formatter scans without recursing,
// but indentation grows with depth, so absurdly deep documents are left as they are).
import { format } from 'jsonc-parser';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_INTERACTIVE_LENGTH, tooDeep } from './json-context';

export function formatDocument(doc: TextDocument, options: FormattingOptions): TextEdit[] {
  const text = doc.getText();
  if (text.length > MAX_INTERACTIVE_LENGTH || tooDeep(text)) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return format(text, undefined, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, insertFinalNewline: options.insertFinalNewline === true || /\n$/.test(text) }).map((e) => ({
    range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}
