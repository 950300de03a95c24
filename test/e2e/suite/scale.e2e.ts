/// <reference types="mocha" />
// Scale GameServerSet... in the real VS Code against the sandbox, which scales with planScale as
// OKG's controller does: the rows marked while the preview waits are exactly the servers the
// sandbox then removes, the marks go when the decision ends, and a set or a plan that changed
// between preview and apply writes nothing and says why.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScaleResult } from '../../../client/src/commands/scale-game-server-set';
import type { OkgApi } from '../../../client/src/test-api';
import { planScale } from '../../../server/src/engine/index';
import { sandboxMutate, sandboxObjects, waitFor, connectedApi } from './harness';

const NS = 'default';
const SET = 'battle-royale';

const owned = (o: any) => o.metadata?.labels?.['game.kruise.io/owner-gss'] === SET;
const sandboxServers = async () => (await sandboxObjects('GameServer', NS)).filter(owned);
const sandboxSet = async () => (await sandboxObjects('GameServerSet', NS)).find((o) => o.metadata.name === SET);
const names = (list: any[]) => list.map((o) => o.metadata.name as string).sort();
const sorted = (list: readonly string[]) => [...list].sort();

describe('Scale GameServerSet', () => {
  let api: OkgApi;

  const rows = () => api.rowsUnder(NS, SET) ?? [];
  const markedForDeletion = () =>
    sorted(
      rows()
        .filter((r) => r.description.startsWith('will be deleted'))
        .map((r) => r.label),
    );
  const markedForCreation = () => sorted(rows().flatMap((r) => (r.label.startsWith('will be created: ') ? [r.label.slice('will be created: '.length)] : [])));
  const describeRows = () => JSON.stringify(rows());

  /** Waits until the set's rows are exactly `servers` (the plan reads the view's cache, which a watch event may lag). */
  const viewHolds = (servers: string[]) =>
    waitFor(
      `the view to list ${servers.join(', ')}`,
      () => (JSON.stringify(sorted(rows().map((r) => r.label))) === JSON.stringify(sorted(servers)) ? true : undefined),
      20_000,
      describeRows,
    );

  /** Whether every row under the set shows the opsState of `opsStates` (None unless named). */
  const showsOpsStates = (opsStates: Record<string, string>) =>
    rows().length > 0 &&
    rows().every((r) => (opsStates[r.label] ? r.description.includes(opsStates[r.label]) : !/Maintaining|WaitToBeDeleted|Allocated|Kill/.test(r.description)));

  /**
   * Sets each server's deletionPriority to 0 and opsState (None unless given), and waits until the
   * view's cache holds it. Rows show the status's priority, which lags the spec, so each priority
   * goes out with an opsState the row shows (Allocated) first: once every row shows it, the cache
   * holds every priority too.
   */
  async function scene(opsStates: Record<string, string>): Promise<void> {
    const servers = names(await sandboxServers());
    await viewHolds(servers);
    const allocated = Object.fromEntries(servers.map((name) => [name, 'Allocated']));
    for (const name of servers) {
      await sandboxMutate('GameServer', NS, name, [
        { op: 'replace', path: '/spec/opsState', value: 'Allocated' },
        { op: 'replace', path: '/spec/deletionPriority', value: 0 },
      ]);
    }
    await waitFor('the view to show every server Allocated', () => (showsOpsStates(allocated) ? true : undefined), 20_000, describeRows);
    for (const name of servers) await sandboxMutate('GameServer', NS, name, [{ op: 'replace', path: '/spec/opsState', value: opsStates[name] ?? 'None' }]);
    await waitFor('the view to show the scene', () => (showsOpsStates(opsStates) ? true : undefined), 20_000, describeRows);
  }

  before(async () => {
    api = await connectedApi();
    await vscode.commands.executeCommand('okg.clearFilter');
  });

  it('marks exactly the servers the sandbox then removes, and the marks go after the apply', async () => {
    await scene({ 'battle-royale-1': 'WaitToBeDeleted' });
    const [set, servers] = [await sandboxSet(), await sandboxServers()];
    assert.deepEqual(names(servers), ['battle-royale-0', 'battle-royale-1', 'battle-royale-2', 'battle-royale-3'], 'sandbox precondition');
    // Reserving id 2 deletes it whatever its state; then the WaitToBeDeleted server goes before higher ordinals.
    const plan = planScale({ ...set, spec: { ...set.spec, reserveGameServerIds: [2] } }, servers, 2);
    assert.deepEqual(plan.delete, ['battle-royale-2', 'battle-royale-1'], 'precondition: planScale does not delete the highest ordinals');

    const before = JSON.stringify(await sandboxServers());
    // Decided by the test once the diff is shown (a scale that deletes servers asks a person for their
    // count typed, which the UI pass drives); the marks are read while the decision waits.
    let marked: string[] = [];
    let created: string[] = [];
    let unchangedMeanwhile = false;
    const result = await vscode.commands.executeCommand<ScaleResult>('okg.scaleGameServerSet', {
      namespace: NS,
      name: SET,
      replicas: 2,
      reserveIds: '2',
      confirm: async () => {
        await waitFor('the rows to be marked', () => (markedForDeletion().length > 0 ? true : undefined), 10_000, describeRows);
        [marked, created] = [markedForDeletion(), markedForCreation()];
        unchangedMeanwhile = JSON.stringify(await sandboxServers()) === before;
        return true;
      },
    });
    assert.match(
      api.lastRun().preview?.title ?? '(no preview)',
      /scales battle-royale from 4 to 2: deletes battle-royale-2, battle-royale-1/,
      'the preview title does not say what the scale does',
    );
    assert.deepEqual(marked, sorted(plan.delete), `the rows marked are not planScale's deletions: ${describeRows()}`);
    assert.deepEqual(created, [], 'a scale-down lists servers to create');
    assert.ok(unchangedMeanwhile, 'the cluster changed while the decision was pending');
    assert.ok(result.summary, `the scale was not applied: ${result.refused}`);
    assert.equal(result.summary.changed, 1, result.summary.message);
    await waitFor(
      'the sandbox to keep exactly the predicted survivors',
      async () => (JSON.stringify(names(await sandboxServers())) === JSON.stringify(['battle-royale-0', 'battle-royale-3']) ? true : undefined),
      20_000,
    );
    // The tree then shows exactly what was foretold, and no mark is left.
    await viewHolds(['battle-royale-0', 'battle-royale-3']);
    await waitFor(
      'the marks to go',
      () => (markedForDeletion().length === 0 && rows().every((r) => !r.label.startsWith('will be')) ? true : undefined),
      10_000,
      describeRows,
    );
  });

  it('lists the servers a scale-up creates while it waits, and the sandbox creates exactly those', async () => {
    const [set, servers] = [await sandboxSet(), await sandboxServers()];
    const plan = planScale({ ...set, spec: { ...set.spec, reserveGameServerIds: undefined } }, servers, 4);
    assert.deepEqual(plan.create, ['battle-royale-1', 'battle-royale-2'], 'precondition: the freed ids are reused');
    await viewHolds(names(servers));
    let listed: string[] = [];
    const result = await vscode.commands.executeCommand<ScaleResult>('okg.scaleGameServerSet', {
      namespace: NS,
      name: SET,
      replicas: 4,
      reserveIds: '',
      confirm: () => {
        listed = markedForCreation();
        return true;
      },
    });
    assert.deepEqual(listed, plan.create, 'the rows listed under the set are not the servers planScale creates');
    assert.equal(result.summary?.changed, 1, result.summary?.message ?? result.refused);
    await waitFor(
      'the sandbox to hold the four servers again',
      async () => (names(await sandboxServers()).length === 4 && (await sandboxSet()).spec.reserveGameServerIds === undefined ? true : undefined),
      20_000,
    );
    await waitFor('the created rows to go', () => (markedForCreation().length === 0 ? true : undefined), 10_000, describeRows);
  });

  it('writes nothing when the set changed between preview and apply, and says why', async () => {
    await scene({});
    const result = await vscode.commands.executeCommand<ScaleResult>('okg.scaleGameServerSet', {
      namespace: NS,
      name: SET,
      replicas: 3,
      // Someone else scales the set while the user reads the diff.
      confirm: async () => {
        await sandboxMutate('GameServerSet', NS, SET, [{ op: 'replace', path: '/spec/replicas', value: 5 }]);
        return true;
      },
    });
    assert.equal(result.summary, undefined, 'the scale was applied over a changed set');
    assert.match(result.refused ?? '', /Nothing was written: the spec of battle-royale changed since the preview/, `the reason: ${result.refused}`);
    assert.equal((await sandboxSet()).spec.replicas, 5, "the other writer's replicas were overwritten");
    await sandboxMutate('GameServerSet', NS, SET, [{ op: 'replace', path: '/spec/replicas', value: 4 }]);
    await waitFor('the sandbox to scale back to 4', async () => ((await sandboxServers()).length === 4 ? true : undefined), 20_000);
  });

  it('writes nothing when a GameServer changed so that OKG would delete another one', async () => {
    await scene({});
    const result = await vscode.commands.executeCommand<ScaleResult>('okg.scaleGameServerSet', {
      namespace: NS,
      name: SET,
      replicas: 3,
      // battle-royale-3 is marked; then battle-royale-0 becomes WaitToBeDeleted, and the view hears of it.
      confirm: async () => {
        await sandboxMutate('GameServer', NS, 'battle-royale-0', [{ op: 'replace', path: '/spec/opsState', value: 'WaitToBeDeleted' }]);
        await waitFor('the view to show battle-royale-0 WaitToBeDeleted', () =>
          rows().some((r) => r.label === 'battle-royale-0' && r.description.includes('WaitToBeDeleted')) ? true : undefined,
        );
        return true;
      },
    });
    assert.equal(result.summary, undefined, 'the scale was applied though the plan changed');
    assert.equal(result.refused, 'Nothing was written: OKG would now delete battle-royale-0 instead of battle-royale-3.', 'the reason');
    assert.equal((await sandboxSet()).spec.replicas, 4, 'the set was scaled');
    await scene({});
  });
});
