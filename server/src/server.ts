// The language server: LSP wiring only. Every answer comes from a function in features/.
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NO_CLUSTER, type ValueSources } from './features/completion-values';
import { languageKind, type LanguageKind } from './features/document-kind';
import { filterCodeActions } from './features/filter-code-actions';
import { filterCompletion } from './features/filter-completion';
import { filterDiagnostics } from './features/filter-diagnostics';
import { filterHover } from './features/filter-hover';
import { formatDocument } from './features/formatting';
import { patchCodeActions } from './features/patch-code-actions';
import { patchCompletion } from './features/patch-completion';
import { patchDiagnostics } from './features/patch-diagnostics';
import { patchHover } from './features/patch-hover';
import { imagesFromYaml, scanFolders } from './features/workspace-images';
import { yamlCompletion, yamlDiagnostics, yamlHover } from './features/yaml';
import { CLUSTER_VALUES_NOTIFICATION, toClusterValues, type ClusterValues } from './protocol';

export interface ServerOptions {
  /** Quiet time after the last edit of a document before its diagnostics are computed. */
  diagnosticsDelayMs?: number;
  /** Scan the workspace folders' YAML for GameServerSet images once initialized. */
  scanWorkspace?: boolean;
}

export interface RunningServer {
  /** Stops pending diagnostics; the connection itself belongs to the caller. */
  dispose(): void;
}

function folderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  const delay = options.diagnosticsDelayMs ?? 200;
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();
  const yamlImages = new Map<string, string[]>();
  /** YAML documents this server has published diagnostics for, so that they can be cleared. */
  const yamlPublished = new Set<string>();
  let cluster: ClusterValues = NO_CLUSTER;
  let folders: string[] = [];
  let disposed = false;

  /** Runs a handler so that an exception becomes the fallback answer and a log line, never a crash. */
  function safe<T>(what: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (e) {
      connection.console.error(`okg: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  }

  const kindOf = (doc: TextDocument): LanguageKind | undefined => languageKind(doc.uri, doc.languageId);

  function sources(): ValueSources {
    return { cluster, workspaceImages: [...new Set([...yamlImages.values()].flat())] };
  }

  function diagnose(doc: TextDocument): Diagnostic[] | undefined {
    switch (kindOf(doc)) {
      case 'kgfilter':
        return filterDiagnostics(doc);
      case 'kgpatch':
        return patchDiagnostics(doc);
      case 'yaml':
        return diagnoseYaml(doc);
      default:
        return undefined;
    }
  }

  /** Other YAML extensions own most YAML: publish only for OKG documents, or to clear what was published. */
  function diagnoseYaml(doc: TextDocument): Diagnostic[] | undefined {
    const diagnostics = yamlDiagnostics(doc.getText());
    if (diagnostics.length > 0) yamlPublished.add(doc.uri);
    else if (!yamlPublished.delete(doc.uri)) return undefined;
    return diagnostics;
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
        if (!current) return;
        const diagnostics = safe(`diagnostics of ${current.uri}`, [], () => diagnose(current));
        if (diagnostics) publish({ uri: current.uri, version: current.version, diagnostics });
      }, delay),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    folders = safe('reading workspace folders', [], () => folderPaths(params));
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

  connection.onInitialized(() => {
    if (options.scanWorkspace === false || folders.length === 0) return;
    scanFolders(folders).then(
      (found) => {
        for (const [path, images] of found) {
          const uri = pathToFileURL(path).href;
          if (!documents.get(uri)) yamlImages.set(uri, images);
        }
      },
      (e: unknown) => connection.console.error(`okg: workspace scan failed: ${String(e)}`),
    );
  });

  connection.onNotification(CLUSTER_VALUES_NOTIFICATION, (params: unknown) => {
    cluster = safe('reading cluster values', NO_CLUSTER, () => toClusterValues(params));
  });

  documents.onDidChangeContent((e) => schedule(e.document));
  // Images are read when a YAML document opens or is saved, not on every keystroke: they only feed
  // completion, and the YAML checks already parse each edit once.
  const readImages = (doc: TextDocument): void => {
    if (kindOf(doc) === 'yaml') yamlImages.set(doc.uri, safe(`reading images of ${doc.uri}`, [], () => imagesFromYaml(doc.getText())));
  };
  documents.onDidOpen((e) => readImages(e.document));
  documents.onDidSave((e) => readImages(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    const kind = kindOf(e.document);
    const ours = kind === 'kgfilter' || kind === 'kgpatch' || yamlPublished.delete(e.document.uri);
    if (!disposed && ours) publish({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params) =>
    safe('completion', [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      switch (kindOf(doc)) {
        case 'kgfilter':
          return filterCompletion(doc, params.position, sources());
        case 'kgpatch':
          return patchCompletion(doc, params.position);
        case 'yaml':
          return yamlCompletion(doc.getText(), params.position);
        default:
          return [];
      }
    }),
  );

  connection.onHover((params) =>
    safe('hover', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      switch (kindOf(doc)) {
        case 'kgfilter':
          return filterHover(doc, params.position);
        case 'kgpatch':
          return patchHover(doc, params.position);
        case 'yaml':
          return yamlHover(doc.getText(), params.position);
        default:
          return null;
      }
    }),
  );

  connection.onCodeAction((params) =>
    safe('code actions', [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      switch (kindOf(doc)) {
        case 'kgfilter':
          return filterCodeActions(doc, params.context.diagnostics);
        case 'kgpatch':
          return patchCodeActions(doc, params.context.diagnostics);
        default:
          return [];
      }
    }),
  );

  connection.onDocumentFormatting((params) =>
    safe('formatting', [], () => {
      const doc = documents.get(params.textDocument.uri);
      const kind = doc && kindOf(doc);
      return doc && (kind === 'kgfilter' || kind === 'kgpatch') ? formatDocument(doc, params.options) : [];
    }),
  );

  const dispose = (): void => {
    disposed = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
  connection.onShutdown(dispose);

  documents.listen(connection);
  connection.listen();
  return { dispose };
}

// Started as the extension's server process (stdio or node-ipc); imported, it only exports startServer.
if (require.main === module) startServer(createConnection(ProposedFeatures.all));
