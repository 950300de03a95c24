// The params of the LSP messages this server handles, checked before use. Whatever writes to the
// server's input may send params that are not what the protocol says; a request with such params gets
// an InvalidParams error and a notification is ignored, with one line in the log that names the
// method, instead of a handler throwing (and a stack trace in the log).
import type {
  CodeActionParams,
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  DocumentFormattingParams,
  Position,
  Range,
  TextDocumentIdentifier,
  TextDocumentPositionParams,
  WillSaveTextDocumentParams,
} from 'vscode-languageserver';

type Params = Record<string, unknown>;

const isObject = (v: unknown): v is Params => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isPosition(v: unknown): v is Position {
  return isObject(v) && isCount(v.line) && isCount(v.character);
}

function isRange(v: unknown): v is Range {
  return isObject(v) && isPosition(v.start) && isPosition(v.end);
}

function isDocument(v: unknown): v is TextDocumentIdentifier {
  return isObject(v) && typeof v.uri === 'string';
}

/** What a message's params must hold, for the log and the error: `textDocument.uri and position`. */
export interface ParamsCheck<T> {
  expected: string;
  test(params: unknown): params is T;
}

export const POSITION_PARAMS: ParamsCheck<TextDocumentPositionParams> = {
  expected: 'textDocument.uri and a position of line and character',
  test: (p): p is TextDocumentPositionParams => isObject(p) && isDocument(p.textDocument) && isPosition(p.position),
};

export const CODE_ACTION_PARAMS: ParamsCheck<CodeActionParams> = {
  expected: 'textDocument.uri, a range and context.diagnostics, each with a range and a message',
  test: (p): p is CodeActionParams =>
    isObject(p) &&
    isDocument(p.textDocument) &&
    isRange(p.range) &&
    isObject(p.context) &&
    Array.isArray(p.context.diagnostics) &&
    p.context.diagnostics.every((d) => isObject(d) && isRange(d.range) && typeof d.message === 'string'),
};

export const FORMATTING_PARAMS: ParamsCheck<DocumentFormattingParams> = {
  expected: 'textDocument.uri and options with tabSize and insertSpaces',
  test: (p): p is DocumentFormattingParams =>
    isObject(p) && isDocument(p.textDocument) && isObject(p.options) && isCount(p.options.tabSize) && typeof p.options.insertSpaces === 'boolean',
};

/** The `textDocument` of a params object, as a plain record, when there is one. */
const documentOf = (p: unknown): Params | undefined => (isObject(p) && isObject(p.textDocument) ? p.textDocument : undefined);

export const DID_OPEN_PARAMS: ParamsCheck<DidOpenTextDocumentParams> = {
  expected: 'textDocument with uri, languageId, version and text',
  test: (p): p is DidOpenTextDocumentParams => {
    const td = documentOf(p);
    return typeof td?.uri === 'string' && typeof td.languageId === 'string' && Number.isSafeInteger(td.version) && typeof td.text === 'string';
  },
};

export const DID_CHANGE_PARAMS: ParamsCheck<DidChangeTextDocumentParams> = {
  expected: 'textDocument with uri and version, and contentChanges, each a text with an optional range',
  test: (p): p is DidChangeTextDocumentParams =>
    isObject(p) &&
    typeof documentOf(p)?.uri === 'string' &&
    Number.isSafeInteger(documentOf(p)?.version) &&
    Array.isArray(p.contentChanges) &&
    p.contentChanges.every((c) => isObject(c) && typeof c.text === 'string' && (c.range === undefined || isRange(c.range))),
};

/** didClose, didSave, willSave: only the document's uri is read. */
export const DOCUMENT_PARAMS: ParamsCheck<{ textDocument: TextDocumentIdentifier }> = {
  expected: 'textDocument.uri',
  test: (p): p is { textDocument: TextDocumentIdentifier } => isObject(p) && isDocument(p.textDocument),
};

export function invalidParamsMessage(method: string, check: ParamsCheck<unknown>): string {
  return `${method}: params must hold ${check.expected}`;
}

export const WILL_SAVE_PARAMS: ParamsCheck<WillSaveTextDocumentParams> = {
  expected: 'textDocument.uri and a reason',
  test: (p): p is WillSaveTextDocumentParams => isObject(p) && isDocument(p.textDocument) && isCount(p.reason),
};
