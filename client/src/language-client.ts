// Starts the language server (dist/server.js, over IPC) for filters, patches and OKG YAML.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'kgfilter', scheme: 'file' },
      { language: 'kgfilter', scheme: 'untitled' },
      { language: 'kgpatch', scheme: 'file' },
      { language: 'kgpatch', scheme: 'untitled' },
      // Only files: YAML in other schemes (git, previews of cluster objects) is not ours to check.
      { language: 'yaml', scheme: 'file' },
    ],
    outputChannel: output,
  };
  return new LanguageClient('okg', 'OKG Language Server', serverOptions, clientOptions);
}
