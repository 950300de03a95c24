/// <reference types="mocha" />
// The fleet overview in the real VS Code against the sandbox: the counts its webview was sent equal
// the sandbox's GameServers by state, opsState and network state, and follow a change.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TallySnapshot } from '../../../client/src/overview/fleet-tally';
import type { OkgApi } from '../../../client/src/test-api';
import { sandboxMutate, sandboxObjects, waitFor, connectedApi } from './harness';

const NAMESPACE = 'default';

/** "set dimension value" → count, from the sandbox's objects, counted here one by one. */
async function sandboxCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const add = (key: string) => (out[key] = (out[key] ?? 0) + 1);
  for (const o of await sandboxObjects('GameServer', NAMESPACE)) {
    const set = o.metadata?.labels?.['game.kruise.io/owner-gss'] ?? '';
    add(`${set} state ${o.status?.currentState || 'none'}`);
    add(`${set} opsState ${o.spec?.opsState || 'None'}`);
    add(`${set} networkState ${o.status?.networkStatus?.currentNetworkState || 'none'}`);
  }
  return out;
}

/** The same keys from what the overview was sent, for the namespace under test. */
function postedCounts(snapshot: TallySnapshot | undefined): Record<string, number> | undefined {
  const ns = snapshot?.namespaces.find((n) => n.namespace === NAMESPACE);
  if (!ns) return undefined;
  const out: Record<string, number> = {};
  for (const s of ns.sets) {
    for (const [dimension, counts] of Object.entries(s.counts)) {
      for (const [value, n] of Object.entries(counts)) out[`${s.set} ${dimension} ${value}`] = n;
    }
  }
  return out;
}

const sorted = (r: Record<string, number> | undefined) => JSON.stringify(Object.entries(r ?? {}).sort());

describe('fleet overview', () => {
  let api: OkgApi;

  before(async () => {
    api = await connectedApi();
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeActiveEditor'));

  it('shows the sandbox counts and follows a change of opsState', async () => {
    await vscode.commands.executeCommand('okg.showOverview');
    let want = await sandboxCounts();
    assert.ok(Object.keys(want).length > 0, `fixture precondition: the sandbox has GameServers in ${NAMESPACE}`);
    await waitFor(
      `the overview's counts to equal the sandbox's ${sorted(want)}`,
      async () => {
        want = await sandboxCounts();
        return sorted(postedCounts(api.overviewSnapshot())) === sorted(want) ? true : undefined;
      },
      20_000,
      () => sorted(postedCounts(api.overviewSnapshot())),
    );

    const [victim] = await sandboxObjects('GameServer', NAMESPACE);
    const before = victim.spec?.opsState ?? 'None';
    const next = before === 'Maintaining' ? 'Allocated' : 'Maintaining';
    await sandboxMutate('GameServer', NAMESPACE, victim.metadata.name, [{ op: 'replace', path: '/spec/opsState', value: next }]);
    try {
      await waitFor(
        `the overview to count ${victim.metadata.name} as ${next}`,
        async () => {
          want = await sandboxCounts();
          return sorted(postedCounts(api.overviewSnapshot())) === sorted(want) ? true : undefined;
        },
        20_000,
        () => `posted ${sorted(postedCounts(api.overviewSnapshot()))}, sandbox ${sorted(want)}`,
      );
    } finally {
      await sandboxMutate('GameServer', NAMESPACE, victim.metadata.name, [{ op: 'replace', path: '/spec/opsState', value: before }]);
    }
  });
});
