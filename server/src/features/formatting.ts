// Document formatting for .kgfilter and .kgpatch. jsonc-parser's formatter scans without recursing, but
// its edits grow with the document (one per gap between tokens) and indentation with depth, so
// documents past the size or depth bound are refused, with a message that says why.
import { format } from 'jsonc-parser';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import { MAX_DEPTH } from '../engine/internal';
import { tooDeep } from './json-context';
import { MAX_JSON_LENGTH } from './limits';
import { documentNoun, size } from './problem-diagnostic';

export type Formatting = { edits: TextEdit[] } | { refused: string };

/** `noun` names the document in a refusal: `filter` or `patch`. */
export function formatDocument(doc: TextDocument, options: FormattingOptions, noun: 'filter' | 'patch'): Formatting {
  const text = doc.getText();
  if (text.length > MAX_JSON_LENGTH) {
    return {
      refused: l10n.t(
        'This {0} is {1}, over the {2} the editor formats, so it was left as it is.',
        documentNoun(noun),
        size(text.length),
        size(MAX_JSON_LENGTH),
      ),
    };
  }
  if (tooDeep(text)) return { refused: l10n.t('This {0} nests more than {1} levels deep, so it was left as it is.', documentNoun(noun), MAX_DEPTH) };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits = format(text, undefined, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: options.insertFinalNewline === true || /\n$/.test(text),
  });
  return {
    edits: edits.map((e) => ({
      range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) },
      newText: e.content,
    })),
  };
}
