// The language server: LSP wiring only. Every answer comes from a function in features/.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type FormattingOptions,
  type Hover,
  type Position,
  type InitializeResult,
  type NotificationHandler,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_CLUSTER, type ValueSources } from './features/completion-values';
import { languageKind, type LanguageKind } from './features/document-kind';
import { filterCodeActions } from './features/filter-code-actions';
import { filterCompletion } from './features/filter-completion';
import { filterDiagnostics } from './features/filter-diagnostics';
import { filterHover } from './features/filter-hover';
import { formatDocument, type Formatting } from './features/formatting';
import { patchCodeActions } from './features/patch-code-actions';
import { patchCompletion } from './features/patch-completion';
import { patchDiagnostics } from './features/patch-diagnostics';
import { patchHover } from './features/patch-hover';
import { imagesFromYaml, scanFolders } from './features/workspace-images';
import { CheckPool, yamlChunksToCheck, yamlCodeActions, yamlCompletion, yamlDiagnostics, yamlHover } from './features/yaml';
import { currentLocale, useLocale } from './locale';
import { CLUSTER_VALUES_NOTIFICATION, toClusterValues, type ClusterValues } from './protocol';
import {
  CODE_ACTION_PARAMS,
  DID_CHANGE_PARAMS,
  DID_OPEN_PARAMS,
  DOCUMENT_PARAMS,
  FORMATTING_PARAMS,
  invalidParamsMessage,
  POSITION_PARAMS,
  WILL_SAVE_PARAMS,
  type ParamsCheck,
} from './request-params';

export interface ServerOptions {
  /** Quiet time after the last edit of a document before its diagnostics are computed. */
  diagnosticsDelayMs?: number;
  /** Scan the workspace folders' YAML for GameServerSet images once initialized. */
  scanWorkspace?: boolean;
  /**
   * The bundled worker script (yaml-check-worker.js) that checks the documents of a large YAML file
   * in parallel; without it every check runs on the server's thread. `workers` defaults to one per
   * core beyond the server's own, at most 3.
   */
  yamlCheckWorkers?: { file: string; workers?: number };
}

/** What the server does for one kind of document; server.ts holds one of these per kind instead of a switch per request. */
interface KindHandlers {
  /** Work that makes `diagnose` quicker and may run off the server's thread; none when undefined. */
  prepare?(doc: TextDocument): Promise<unknown>;
  /** Diagnostics to publish, or undefined to publish nothing (YAML another extension owns). */
  diagnose(doc: TextDocument): Diagnostic[] | undefined;
  complete(doc: TextDocument, position: Position): CompletionItem[];
  hover(doc: TextDocument, position: Position): Hover | null;
  codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[];
  /** Formatting edits or a refusal to show; undefined where the kind is not formatted here. */
  format?(doc: TextDocument, options: FormattingOptions): Formatting;
  /** Whether closing the document must clear diagnostics this server published for it. */
  publishedFor(uri: string): boolean;
}

export interface RunningServer {
  /** Stops pending diagnostics and the workspace scan; the connection itself belongs to the caller. */
  dispose(): void;
}

/** The local folders of the workspace; anything in the params that is not a file URI is passed over. */
function folderPaths(params: unknown): string[] {
  const p = params !== null && typeof params === 'object' ? (params as { workspaceFolders?: unknown; rootUri?: unknown }) : {};
  const folders = Array.isArray(p.workspaceFolders) ? p.workspaceFolders.map((f: unknown) => (f as { uri?: unknown } | null)?.uri) : [p.rootUri];
  return folders.flatMap((uri) => {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return [];
    try {
      return [fileURLToPath(uri)];
    } catch {
      // A file URI naming another host, or malformed: not a folder this process can read.
      return [];
    }
  });
}

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const delay = options.diagnosticsDelayMs ?? 200;
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  /** Images of the open YAML documents, and of the files the last finished workspace scan read. */
  const yamlImages = new Map<string, string[]>();
  let scannedImages = new Map<string, string[]>();
  let scan: AbortController | undefined;
  /** YAML documents this server has published diagnostics for, so that they can be cleared. */
  const yamlPublished = new Set<string>();
  let cluster: ClusterValues = NO_CLUSTER;
  let folders: string[] = [];
  let disposed = false;
  // A disposed server's connection may be gone, and logging to it would throw.
  const log = (message: string): void => {
    if (!disposed) connection.console.error(message);
  };
  const checkPool = options.yamlCheckWorkers && new CheckPool({ ...options.yamlCheckWorkers, locale: currentLocale, log });

  /** Runs a handler so that an exception becomes the fallback answer and a log line, never a crash. */
  function safe<T>(what: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (e) {
      log(`okg: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  function sources(): ValueSources {
    const scanned = [...scannedImages].filter(([uri]) => !yamlImages.has(uri)).map(([, images]) => images);
    return { cluster, workspaceImages: [...new Set([...yamlImages.values(), ...scanned].flat())] };
  }

  /** A request whose params are not what the protocol says gets this answer. */
  function invalid(method: string, check: ParamsCheck<unknown>): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, invalidParamsMessage(method, check));
  }

  /** A notification handler that passes on only params that pass the check, and logs one line for others. */
  function checked<T>(method: string, check: ParamsCheck<T>, handler: NotificationHandler<T>): NotificationHandler<T> {
    return (params: unknown) => {
      if (check.test(params)) handler(params);
      else connection.console.warn(`okg: ignored ${invalidParamsMessage(method, check)}`);
    };
  }

  /** The document notifications TextDocuments listens to, with their params checked first. */
  const documentEvents: Parameters<typeof documents.listen>[0] = {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument(checked('textDocument/didOpen', DID_OPEN_PARAMS, h)),
    onDidChangeTextDocument: (h) => connection.onDidChangeTextDocument(checked('textDocument/didChange', DID_CHANGE_PARAMS, h)),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument(checked('textDocument/didClose', DOCUMENT_PARAMS, h)),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument(checked('textDocument/willSave', WILL_SAVE_PARAMS, h)),
    onWillSaveTextDocumentWaitUntil: (h) =>
      connection.onWillSaveTextDocumentWaitUntil((params: unknown, token) =>
        WILL_SAVE_PARAMS.test(params) ? h(params, token) : invalid('textDocument/willSaveWaitUntil', WILL_SAVE_PARAMS),
      ),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument(checked('textDocument/didSave', DOCUMENT_PARAMS, h)),
  };

  /** Scans the workspace folders for images, cancelling a scan still under way. */
  function startScan(): void {
    scan?.abort();
    scan = undefined;
    if (disposed || options.scanWorkspace === false || folders.length === 0) return;
    const controller = new AbortController();
    scan = controller;
    scanFolders(folders, { signal: controller.signal }).then(
      (result) => {
        if (result.stoppedBy === 'cancelled') return;
        scannedImages = new Map([...result.images].map(([path, images]) => [pathToFileURL(path).href, images]));
        const stopped = result.stoppedBy ? `, then stopped at its limit on ${result.stoppedBy}` : '';
        connection.console.info(
          `okg: workspace scan read ${result.files} YAML files (${(result.bytes / 1_000_000).toFixed(1)} MB)${stopped}; ${result.images.size} hold GameServerSet images`,
        );
      },
      (e: unknown) => log(`okg: workspace scan failed: ${String(e)}`),
    );
  }

  /** Other YAML extensions own most YAML: publish only for OKG documents, or to clear what was published. */
  function diagnoseYaml(doc: TextDocument): Diagnostic[] | undefined {
    const diagnostics = yamlDiagnostics(doc.getText());
    if (diagnostics.length > 0) yamlPublished.add(doc.uri);
    else if (!yamlPublished.delete(doc.uri)) return undefined;
    return diagnostics;
  }

  const handlers: Record<LanguageKind, KindHandlers> = {
    kgfilter: {
      diagnose: filterDiagnostics,
      complete: (doc, position) => filterCompletion(doc, position, sources()),
      hover: filterHover,
      codeActions: filterCodeActions,
      format: (doc, options) => formatDocument(doc, options, 'filter'),
      publishedFor: () => true,
    },
    kgpatch: {
      diagnose: patchDiagnostics,
      complete: patchCompletion,
      hover: patchHover,
      codeActions: patchCodeActions,
      format: (doc, options) => formatDocument(doc, options, 'patch'),
      publishedFor: () => true,
    },
    yaml: {
      prepare: checkPool && ((doc) => checkPool.check(yamlChunksToCheck(doc.getText()))),
      diagnose: diagnoseYaml,
      complete: (doc, position) => yamlCompletion(doc.getText(), position),
      hover: (doc, position) => yamlHover(doc.getText(), position),
      codeActions: yamlCodeActions,
      publishedFor: (uri) => yamlPublished.delete(uri),
    },
  };

  /** The handlers for the document's kind, or undefined for a document this server does not serve. */
  function handlersOf(doc: TextDocument): KindHandlers | undefined {
    const kind = languageKind(doc.uri, doc.languageId);
    return kind && handlers[kind];
  }

  function publish(params: PublishDiagnosticsParams): void {
    // A send fails only when the client has gone away, and then there is nobody to tell.
    connection.sendDiagnostics(params).catch(() => undefined);
  }

  function schedule(doc: TextDocument): void {
    if (disposed) return;
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        const prepared = current && safe(`preparing diagnostics of ${current.uri}`, undefined, () => handlersOf(current)?.prepare?.(current));
        if (!prepared) {
          if (current) diagnose(current);
          return;
        }
        // diagnose() catches what its handler throws, so the chain ends without a rejection.
        void prepared
          .catch((e: unknown) => log(`okg: preparing diagnostics of ${current.uri} failed: ${String(e)}`))
          .then(() => {
            // An edit meanwhile has scheduled its own pass, and a closed document gets none.
            const latest = documents.get(current.uri);
            if (!disposed && latest?.version === current.version) diagnose(latest);
          });
      }, delay),
    );
  }

  function diagnose(doc: TextDocument): void {
    const diagnostics = safe(`diagnostics of ${doc.uri}`, [], () => handlersOf(doc)?.diagnose(doc));
    if (diagnostics) publish({ uri: doc.uri, version: doc.version, diagnostics });
  }

  connection.onInitialize((params: unknown): InitializeResult => {
    folders = folderPaths(params);
    // Diagnostics, hovers, completions and quick-fix titles speak the client's display language.
    const locale = params !== null && typeof params === 'object' ? (params as { locale?: unknown }).locale : undefined;
    useLocale(typeof locale === 'string' ? locale : undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['"', '/', '$', ':', ',', '[', '{'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'okg-language-server' },
    };
  });

  connection.onInitialized(startScan);

  // Typed by the protocol, read as unknown: whatever writes to the server's input may send anything.
  connection.onNotification(CLUSTER_VALUES_NOTIFICATION, (params: unknown) => {
    cluster = safe('reading cluster values', NO_CLUSTER, () => toClusterValues(params));
  });

  documents.onDidChangeContent((e) => schedule(e.document));
  // Images are read when a YAML document opens or is saved, not on every keystroke: they only feed
  // completion, and the YAML checks already parse each edit once.
  const readImages = (doc: TextDocument): void => {
    if (languageKind(doc.uri, doc.languageId) !== 'yaml') return;
    yamlImages.set(
      doc.uri,
      safe(`reading images of ${doc.uri}`, [], () => imagesFromYaml(doc.getText())),
    );
  };
  documents.onDidOpen((e) => readImages(e.document));
  documents.onDidSave((e) => readImages(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    yamlImages.delete(e.document.uri);
    const ours = handlersOf(e.document)?.publishedFor(e.document.uri) ?? false;
    if (!disposed && ours) publish({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params: unknown) => {
    if (!POSITION_PARAMS.test(params)) return invalid('textDocument/completion', POSITION_PARAMS);
    return safe('completion', [], () => {
      const doc = documents.get(params.textDocument.uri);
      return (doc && handlersOf(doc)?.complete(doc, params.position)) ?? [];
    });
  });

  connection.onHover((params: unknown) => {
    if (!POSITION_PARAMS.test(params)) return invalid('textDocument/hover', POSITION_PARAMS);
    return safe('hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      return (doc && handlersOf(doc)?.hover(doc, params.position)) ?? null;
    });
  });

  connection.onCodeAction((params: unknown) => {
    if (!CODE_ACTION_PARAMS.test(params)) return invalid('textDocument/codeAction', CODE_ACTION_PARAMS);
    return safe('code actions', [], () => {
      const doc = documents.get(params.textDocument.uri);
      return (doc && handlersOf(doc)?.codeActions(doc, params.context.diagnostics)) ?? [];
    });
  });

  connection.onDocumentFormatting((params: unknown) => {
    if (!FORMATTING_PARAMS.test(params)) return invalid('textDocument/formatting', FORMATTING_PARAMS);
    return safe('formatting', [], () => {
      const doc = documents.get(params.textDocument.uri);
      const formatted = doc && handlersOf(doc)?.format?.(doc, params.options);
      if (!formatted) return [];
      if ('edits' in formatted) return formatted.edits;
      // A refusal is the answer to the user's command, so it is shown, not only logged.
      connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: formatted.refused }).catch(() => undefined);
      return [];
    });
  });

  const dispose = (): void => {
    disposed = true;
    scan?.abort();
    void checkPool?.dispose();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
  connection.onShutdown(dispose);

  documents.listen(documentEvents);
  connection.listen();
  return { dispose };
}

// Started as the extension's server process (stdio or node-ipc); imported, it only exports startServer.
if (require.main === module) {
  startServer(createConnection(ProposedFeatures.all), { yamlCheckWorkers: { file: join(__dirname, 'yaml-check-worker.js') } });
}
