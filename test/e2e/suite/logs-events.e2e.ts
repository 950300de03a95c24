/// <reference types="mocha" />
// Show Logs and Show Events on a GameServer row in the real VS Code against the sandbox: the pod's
// log lines arrive in the output channel and keep coming (followed), and the events document
// lists the GameServer's and its pod's events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkgApi } from '../../../client/src/test-api';
import { sandboxMutate, waitFor, connectedApi } from './harness';

/** A GameServer row as the view hands it to its context-menu commands. */
function row(namespace: string, name: string) {
  return { kind: 'gameServer', id: `gs/${namespace}/${name}`, namespace, name, object: {} };
}

const CHANNEL = 'OKG Logs: default/minecraft-3 (minecraft)';

describe('logs and events of a GameServer', () => {
  let api: OkgApi;

  before(async () => {
    api = await connectedApi();
  });

  after(async () => {
    // Later tests expect the sandbox's scene: minecraft-3 Ready again.
    await sandboxMutate('GameServer', 'default', 'minecraft-3', [{ op: 'replace', path: '/status/currentState', value: 'Ready' }]);
  });

  it('Show Logs follows the pod log into an output channel', async () => {
    await vscode.commands.executeCommand('okg.showLogs', row('default', 'minecraft-3'), { container: 'minecraft' });
    const shown = () => api.lastRun().logs?.[CHANNEL] ?? '';
    await waitFor(
      "the pod's log lines in the channel",
      () => (/msg="heartbeat" players=\d+\/64/.test(shown()) ? true : undefined),
      20_000,
      () => shown().slice(-500),
    );
    const heartbeats = () =>
      shown()
        .split('\n')
        .filter((l) => l.includes('heartbeat')).length;
    const before = heartbeats();
    await waitFor(
      'a new followed line',
      () => (heartbeats() > before ? true : undefined),
      20_000,
      () => `${heartbeats()} heartbeats:\n${shown().slice(-500)}`,
    );
    await sandboxMutate('GameServer', 'default', 'minecraft-3', [{ op: 'replace', path: '/status/currentState', value: 'NotReady' }]);
    await waitFor(
      'the state change in the log',
      () => (shown().includes('msg="state changed" from=Ready to=NotReady') ? true : undefined),
      20_000,
      () => shown().slice(-500),
    );
    assert.match(shown(), /^--- Following default\/minecraft-3, container minecraft/, 'the channel starts by saying what it follows');
  });

  it("Show Events lists the GameServer's and its pod's events", async () => {
    await vscode.commands.executeCommand('okg.showEvents', row('default', 'minecraft-3'));
    const text = api.lastRun().events ?? '';
    assert.match(text, /Events of GameServer default\/minecraft-3 and its pod/);
    assert.match(text, /Normal\s+GsStateChanged\s+\S+\s+1\s+GameServer\/minecraft-3\s+State turn from Ready to NotReady/, text);
    assert.match(text, /Warning\s+Unhealthy\s+\S+\s+1\s+Pod\/minecraft-3 \(minecraft\)\s+Readiness probe failed/, text);
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.scheme, 'okg-events', 'the events document is in front');
    assert.equal(doc?.getText(), text, 'the document shows what was read');
  });

  it('Show Events says so when there are none', async () => {
    await vscode.commands.executeCommand('okg.showEvents', row('game', 'pve-world-0'));
    assert.match(api.lastRun().events ?? '', /No events were found for this GameServer or its pod/);
  });
});
