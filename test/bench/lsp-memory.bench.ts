// The language server's memory (dist/server.js in its own process, as the extension starts it) idle
// and with the benchmark documents open: the 1 KB filter, the 200-op patch and the 3,000-line YAML.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { caret } from '../lsp/harness';
import { filterText, gameServerSetsYaml, patchText } from './lsp-fixtures';

const root = join(__dirname, '..', '..');
const serverJs = join(root, 'dist', 'server.js');
const MB = 1024 * 1024;

async function main(): Promise<void> {
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`npm run build\` (npm run bench does)`);
  const child = spawn(process.execPath, ['--expose-gc', '--require', join(__dirname, 'server-heap-probe.cjs'), serverJs, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  const memory = (): Promise<NodeJS.MemoryUsage> =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m as NodeJS.MemoryUsage));
      child.send('memory');
    });
  if (!child.stdout || !child.stdin) throw new Error('the server process has no stdio pipes');
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, (p: PublishDiagnosticsParams) => void>();
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.get(p.uri)?.(p));
  client.listen();
  try {
    await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    await client.sendNotification('initialized', {});
    const idle = await memory();

    const open = (name: string, languageId: string, text: string): string => {
      const uri = `file:///bench/${name}`;
      void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    };
    const checked = (uri: string): Promise<PublishDiagnosticsParams> => new Promise((resolve) => published.set(uri, resolve));
    const yaml = gameServerSetsYaml(() => 'base');
    // The clean YAML publishes nothing; documents are checked in the order they were opened, so once
    // the filter and the patch opened after it have their diagnostics, the YAML has been checked.
    const yamlUri = open('sets.yaml', 'yaml', yaml);
    const filter = caret(filterText());
    const filterUri = open('bench.kgfilter', 'kgfilter', filter.text);
    const patch = caret(patchText());
    const patchUri = open('bench.kgpatch', 'kgpatch', patch.text);
    await Promise.all([checked(filterUri), checked(patchUri)]);
    // Used, not only opened: a completion in each, and a hover in the YAML.
    for (const [uri, position] of [
      [filterUri, filter.position],
      [patchUri, patch.position],
    ] as const) {
      const items = await client.sendRequest<unknown[] | { items: unknown[] } | null>('textDocument/completion', { textDocument: { uri }, position });
      if (!(Array.isArray(items) ? items : (items?.items ?? [])).length) throw new Error(`no completion in ${uri}, so it was not measured in use`);
    }
    const hover = await client.sendRequest('textDocument/hover', { textDocument: { uri: yamlUri }, position: { line: 12, character: 6 } });
    if (!hover) throw new Error('no hover in the YAML, so it was not measured in use');
    const loaded = await memory();

    const sizes = `${(filter.text.length / 1024).toFixed(1)} KB filter, ${(patch.text.length / 1024).toFixed(0)} KB patch, ${(yaml.length / 1024).toFixed(0)} KB YAML`;
    console.log(`language server (dist/server.js, its own process), heap used after a full GC:`);
    console.log(`  idle, after initialize                 ${(idle.heapUsed / MB).toFixed(1).padStart(6)} MB   (rss ${(idle.rss / MB).toFixed(0)} MB)`);
    console.log(
      `  the three documents open and used      ${(loaded.heapUsed / MB).toFixed(1).padStart(6)} MB   (rss ${(loaded.rss / MB).toFixed(0)} MB; ${sizes})`,
    );
    console.log(`  what the documents add                 ${((loaded.heapUsed - idle.heapUsed) / MB).toFixed(1).padStart(6)} MB`);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
  } finally {
    client.dispose();
    child.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
