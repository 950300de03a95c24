// In-process LSP harness: the real server and a JSON-RPC client joined by two PassThrough streams.
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  FormattingOptions,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  ServerCapabilities,
  TextEdit,
} from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type ServerOptions } from '../../server/src/server';

/** Splits a text at its caret marker `|`, as json-languageservice tests do. */
export function caret(marked: string, marker = '|'): { text: string; position: Position; offset: number } {
  const offset = marked.indexOf(marker);
  if (offset < 0 || marked.indexOf(marker, offset + 1) >= 0) throw new Error(`exactly one caret marker expected in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, position: TextDocument.create('x:', 'x', 0, text).positionAt(offset), offset };
}

/** A minimal GameServerSet document whose template has the given `[name, image]` containers. */
export function gameServerSetYaml(name: string, containers: readonly [string, string][]): string {
  return `apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: ${name}
spec:
  replicas: 1
  gameServerTemplate:
    spec:
      containers:
${containers.map(([n, i]) => `        - name: ${n}\n          image: ${i}`).join('\n')}
`;
}

/** The range of the `nth` occurrence of `needle` in `text`; throws when there is none. */
export function rangeAt(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times`);
  }
  const doc = TextDocument.create('x:', 'x', 0, text);
  return { start: doc.positionAt(at), end: doc.positionAt(at + needle.length) };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:', 'x', 0, text), [...edits]);
}

/** The text an item's edit puts in place, with snippet tabstops and escapes removed. */
export function insertedText(item: CompletionItem): string {
  const edit = item.textEdit;
  const text = edit && 'newText' in edit ? edit.newText : (item.insertText ?? item.label);
  return item.insertTextFormat === 2
    ? text
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$(?:\{\d+\}|\d+)/g, '')
        .replace(/\\([$}\\])/g, '$1')
    : text;
}

/**
 * The text after accepting a completion item as VS Code does: the edit's range replaced by the inserted
 * text, whose later lines get the indentation of the line the edit starts on.
 */
export function applyCompletion(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  if (!edit || !('range' in edit)) throw new Error(`completion item ${item.label} has no textEdit with a range`);
  const doc = TextDocument.create('x:', 'x', 0, text);
  const lineStart = doc.offsetAt({ line: edit.range.start.line, character: 0 });
  let indentEnd = lineStart;
  while (text[indentEnd] === ' ' || text[indentEnd] === '\t') indentEnd++;
  const indent = text.slice(lineStart, indentEnd);
  const newText = insertedText(item).split('\n').join(`\n${indent}`);
  return TextDocument.applyEdits(doc, [{ range: edit.range, newText }]);
}

function languageOf(name: string): string {
  if (name.endsWith('.kgfilter')) return 'kgfilter';
  if (name.endsWith('.kgpatch')) return 'kgpatch';
  if (/\.ya?ml$/.test(name)) return 'yaml';
  return 'plaintext';
}

/** How long to wait for diagnostics that must come: only a failing test waits this long, so it allows for a loaded machine. */
const WAIT_MS = 20_000;

export interface HarnessOptions extends ServerOptions {
  /** Workspace folder reported in initialize (a directory path). */
  folder?: string;
  /** The client's display language reported in initialize, as VS Code sends it (`zh-cn`). */
  locale?: string;
}

export class LspHarness {
  private readonly docs = new Map<string, TextDocument>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Messages the server logged (window/logMessage), e.g. a handler that threw. */
  readonly logs: string[] = [];
  /** Messages the server showed the user (window/showMessage). */
  readonly shown: string[] = [];
  /** Every publish, in order, for debounce checks. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  /** What the server answered to initialize. */
  capabilities: ServerCapabilities = {};
  private readonly waiters = new Set<() => void>();
  private fences = 0;
  private closed = false;

  private constructor(
    private readonly client: MessageConnection,
    private readonly stop: () => void,
  ) {
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.publishes.push(p);
      for (const w of this.waiters) w();
    });
    client.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    client.onNotification('window/showMessage', (p: { message: string }) => this.shown.push(p.message));
  }

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const server = startServer(serverConnection, { diagnosticsDelayMs: 5, scanWorkspace: false, ...options });
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const harness = new LspHarness(client, () => {
      server.dispose();
      client.dispose();
      serverConnection.dispose();
      toServer.destroy();
      toClient.destroy();
    });
    client.listen();
    const folders = options.folder ? [{ uri: `file://${options.folder}`, name: 'workspace' }] : null;
    const init = await client.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
      workspaceFolders: folders,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    harness.capabilities = init.capabilities;
    await client.sendNotification('initialized', {});
    return harness;
  }

  uri(name: string): string {
    return `file:///workspace/${name}`;
  }

  open(name: string, text: string, languageId = languageOf(name)): string {
    const uri = this.uri(name);
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    this.send('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Opens a text with a caret marker and returns where the caret was. */
  openAt(name: string, marked: string, languageId?: string): { uri: string; position: Position; text: string } {
    const { text, position } = caret(marked);
    return { uri: this.open(name, text, languageId), position, text };
  }

  /** Sends an incremental change replacing `range` (the whole text when omitted). */
  change(uri: string, text: string, range?: Range): void {
    const doc = this.document(uri);
    const whole = { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) };
    const change = { range: range ?? whole, text };
    const next = TextDocument.update(doc, [change], doc.version + 1);
    this.docs.set(uri, next);
    this.send('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [change] });
  }

  save(uri: string): void {
    this.document(uri);
    this.send('textDocument/didSave', { textDocument: { uri } });
  }

  closeDocument(uri: string): void {
    this.docs.delete(uri);
    this.send('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** The diagnostics published for the document's current version. */
  diagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.document(uri).version;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const p = this.published.get(uri);
        if (p?.version !== version) return false;
        this.waiters.delete(waiter);
        clearTimeout(timer);
        resolve(p.diagnostics);
        return true;
      };
      const waiter = (): void => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${WAIT_MS} ms`));
      }, WAIT_MS);
      this.waiters.add(waiter);
      check();
    });
  }

  /**
   * The diagnostics published for the document's current version, or none when the server published
   * nothing (as for a YAML file without GameServer or GameServerSet problems). Diagnostics are debounced
   * with one delay and published in order, so once a filter opened after the document has its
   * diagnostics, the document has had its turn.
   */
  async settledDiagnostics(uri: string): Promise<Diagnostic[]> {
    const version = this.document(uri).version;
    const fence = this.open(`fence-${this.fences++}.kgfilter`, '{"opsState": "None"}');
    await this.diagnostics(fence);
    const p = this.published.get(uri);
    return p?.version === version ? p.diagnostics : [];
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const r = await this.client.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(r) ? r : (r?.items ?? []);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.client.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], range = diagnostics[0]?.range): Promise<CodeAction[]> {
    const r = await this.client.sendRequest<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
    return r ?? [];
  }

  async format(uri: string, options: FormattingOptions = { tabSize: 2, insertSpaces: true }): Promise<TextEdit[]> {
    return (await this.client.sendRequest<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options })) ?? [];
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.client.sendNotification(method, params);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.client.sendRequest<R>(method, params);
  }

  close(): void {
    this.closed = true;
    this.stop();
  }

  /** A document notification; one still being written when the harness closes has nobody left to reach. */
  private send(method: string, params: unknown): void {
    this.client.sendNotification(method, params).catch((e: unknown) => {
      if (!this.closed) throw e;
    });
  }

  private document(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open in the harness`);
    return doc;
  }
}

/** The text of a hover's contents, whatever form they take. */
export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}
