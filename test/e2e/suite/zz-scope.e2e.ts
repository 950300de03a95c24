/// <reference types="mocha" />
// The view's scope and its recovery in the real VS Code: a filter that also matches outside the
// namespaces shown says so and offers to show them; a cluster that cannot be listed is retried by
// itself. Named to run last: showing all namespaces changes the saved target of this window.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkgApi } from '../../../client/src/test-api';
import { connectedApi, sandboxFaults, sandboxMutate, waitFor, workspaceUri } from './harness';

const MARK = 'E2eScope';

describe('GameServer view: scope and recovery', () => {
  let api: OkgApi;

  before(async () => {
    api = await connectedApi();
  });

  after(async () => {
    await sandboxFaults({ errors: {} });
    await vscode.commands.executeCommand('okg.clearFilter');
  });

  it('a cluster that cannot be listed is retried by itself and the view comes back without a click', async () => {
    await sandboxFaults({ errors: { list: { status: 503, rate: 1 } } });
    await vscode.commands.executeCommand('okg.refresh');
    await waitFor(
      'the error state while every list fails',
      () => (api.clusterState() === 'error' ? true : undefined),
      20_000,
      () => api.clusterState(),
    );
    await sandboxFaults({ errors: {} });
    await waitFor(
      'the view to be ready again without Retry',
      () => (api.clusterState() === 'ready' && api.visibleGameServers().length > 0 ? true : undefined),
      20_000,
      () => api.clusterState(),
    );
    assert.equal(api.freshness().live, true, 'a fresh connection is not live');
  });

  it('a filter matching in other namespaces says how many, and Show All Namespaces shows them', async () => {
    await sandboxMutate('GameServer', 'default', 'minecraft-0', [{ op: 'replace', path: '/spec/opsState', value: MARK }]);
    await sandboxMutate('GameServer', 'game', 'pve-world-0', [{ op: 'replace', path: '/spec/opsState', value: MARK }]);
    const uri = workspaceUri('e2e-scope.kgfilter');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify({ opsState: MARK }), 'utf8'));
    const result = await vscode.commands.executeCommand<{ ran: boolean }>('okg.runFilter', { filterUri: uri });
    assert.equal(result.ran, true, 'Run Filter did not run');
    await waitFor(
      'one match shown and one counted in another namespace',
      () => (api.matchCount() === 1 && api.outsideMatchCount() === 1 ? true : undefined),
      20_000,
      () => JSON.stringify({ shown: api.visibleGameServers(), outside: api.outsideMatchCount() }),
    );
    assert.deepEqual(api.visibleGameServers(), ['default/minecraft-0']);
    await vscode.commands.executeCommand('okg.showAllNamespaces');
    await waitFor(
      'both matches shown, none outside',
      () => (api.matchCount() === 2 && api.outsideMatchCount() === undefined ? true : undefined),
      30_000,
      () => JSON.stringify({ state: api.clusterState(), shown: api.visibleGameServers(), outside: api.outsideMatchCount() }),
    );
    assert.deepEqual([...api.visibleGameServers()].sort(), ['default/minecraft-0', 'game/pve-world-0']);
  });
});
