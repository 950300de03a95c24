// server.ts run as a process, as the extension starts it: over stdio, with a clean shutdown.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver';

test('the server process answers initialize over stdio and exits 0 after shutdown', { timeout: 30_000 }, async () => {
  const server = join(__dirname, '..', '..', 'server', 'src', 'server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.listen();
  try {
    const result = await client.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
    });
    assert.equal(result.serverInfo?.name, 'okg-language-server');
    assert.equal(result.capabilities.hoverProvider, true);
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    assert.equal(await exited, 0, 'exit code after shutdown and exit');
  } finally {
    client.dispose();
    child.kill();
  }
});
