// The sandbox rolls a new GameServerSet template out as OKG's Advanced StatefulSet does: in
// place, each GameServer `Updating` and then `Ready` on the new images, over time and over
// watches, honouring paused, partition, maxUnavailable and updatePriority; a GameServer's own
// images reach it at once; new pods take a while to start.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { call, openWatch, type WatchEvent } from '../sandbox/client';
import { eventually } from '../wait';

const GS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameservers';
const GSS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameserversets';
const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';
const OWNER = 'game.kruise.io/owner-gss';

let sb: Sandbox;

before(async () => {
  // minecraft, pve-world, battle-royale and lobby, 4 GameServers each, all in default.
  sb = await startSandbox({ sets: 4, replicas: 4, namespaces: ['default'], seed: 11, inPlaceUpdateMs: 150, startupMs: 150 });
});

after(async () => {
  await sb.close();
});

const servers = (set: string) =>
  sb
    .objects('GameServer', 'default')
    .filter((o) => o.metadata.labels[OWNER] === set)
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
const imageOf = (gs: any, container: string) => gs.status.podStatus.containerStatuses.find((c: any) => c.name === container)?.image;
const summary = (set: string, container: string) =>
  servers(set)
    .map((o) => `${o.metadata.name} ${o.status.currentState} ${imageOf(o, container)}`)
    .join(', ');

/** Waits until `ok` holds; the failure names `what` and shows the state last seen. */
async function waitFor(what: string, ok: () => boolean, show: () => string, ms = 15_000): Promise<void> {
  const last = await eventually(() => (ok() ? '' : show() || '(nothing)'), ms);
  assert.equal(last, '', `timed out after ${ms} ms waiting for ${what}; last seen: ${last}`);
}

/** Opens a watch of one set's GameServers from now on. */
async function watchSet(set: string): Promise<ReturnType<typeof openWatch>> {
  const selector = encodeURIComponent(`${OWNER}=${set}`);
  const listed = await call(sb, 'GET', `${GS}?labelSelector=${selector}`);
  return openWatch(sb, `${GS}?watch=true&resourceVersion=${listed.json.metadata.resourceVersion}&labelSelector=${selector}`);
}

async function patch(path: string, body: unknown, contentType = JSON_PATCH): Promise<void> {
  const r = await call(sb, 'PATCH', path, { body, contentType });
  assert.equal(r.status, 200, `PATCH ${path}: ${r.text}`);
}

function setImage(container: number, image: string, rollingUpdate: object = {}): unknown {
  return [
    { op: 'replace', path: `/spec/gameServerTemplate/spec/containers/${container}/image`, value: image },
    ...Object.entries(rollingUpdate).map(([k, value]) => ({ op: 'add', path: `/spec/updateStrategy/rollingUpdate/${k}`, value })),
  ];
}

/** Replays watch events: the most GameServers `Updating` at once, and the order they started in. */
function replay(events: WatchEvent[]): { most: number; order: string[] } {
  const state = new Map<string, string>();
  const order: string[] = [];
  let most = 0;
  for (const e of events) {
    if (e.type !== 'MODIFIED') continue;
    const name = e.object.metadata.name;
    const now = e.object.status.currentState;
    if (now === 'Updating' && state.get(name) !== 'Updating') order.push(name);
    state.set(name, now);
    most = Math.max(most, [...state.values()].filter((s) => s === 'Updating').length);
  }
  return { most, order };
}

describe('sandbox rollout of a new template', () => {
  it('updates in place, one at a time (20% of 4), by updatePriority then ordinal, each Updating and then Ready on the new image', async () => {
    await patch(`${GS}/minecraft-1`, { spec: { updatePriority: 10 } }, MERGE_PATCH);
    const w = await watchSet('minecraft');
    try {
      await patch(`${GSS}/minecraft`, setImage(0, 'registry.example.com/games/minecraft:2.0.0'));
      const onNew = (o: any) => o.status.currentState === 'Ready' && imageOf(o, 'minecraft') === 'registry.example.com/games/minecraft:2.0.0';
      await waitFor(
        'every minecraft GameServer Ready on 2.0.0',
        () => servers('minecraft').every(onNew),
        () => summary('minecraft', 'minecraft'),
      );
      await waitFor(
        'the watch to deliver the four updates',
        () => w.events.filter((e) => onNew(e.object)).length >= 4,
        () => `${w.events.length} events`,
      );
    } finally {
      w.stop();
    }
    const { most, order } = replay(w.events);
    assert.deepEqual(order, ['minecraft-1', 'minecraft-3', 'minecraft-2', 'minecraft-0'], 'updatePriority 10 first, then the higher ordinal');
    assert.equal(most, 1, 'never more than maxUnavailable (1) updating at once');
    for (const name of order) {
      const seen = w.events
        .filter((e) => e.type === 'MODIFIED' && e.object.metadata.name === name)
        .map((e) => `${e.object.status.currentState} ${imageOf(e.object, 'minecraft').split(':')[1]}`);
      const updating = seen.indexOf('Updating 1.0.0');
      assert.ok(
        updating >= 0 && seen.indexOf('Ready 2.0.0') > updating,
        `${name}: Updating on the old image, then Ready on the new one; saw ${seen.join(' → ')}`,
      );
    }
    const gs = servers('minecraft')[0];
    const byName = Object.fromEntries(gs.status.podStatus.containerStatuses.map((c: any) => [c.name, c.restartCount]));
    assert.deepEqual(byName, { minecraft: 1, 'log-agent': 0 }, 'only the container whose image changed restarted');
    assert.equal(
      sb.objects('GameServerSet', 'default').find((o) => o.metadata.name === 'minecraft').status.readyReplicas,
      4,
      'the set counts them Ready again',
    );
  });

  it('paused: no running GameServer is touched, new ones start on the new image, and unpausing rolls the rest', async () => {
    const w = await watchSet('pve-world');
    try {
      await patch(`${GSS}/pve-world`, setImage(0, 'registry.example.com/games/pve-world:9.0.0', { paused: true }));
      // An allowed update starts within the write that allows it, so the servers are checked right away.
      const old = [0, 1, 2, 3].map((i) => `pve-world-${i} Ready registry.example.com/games/pve-world:1.1.0`).join(', ');
      assert.equal(summary('pve-world', 'pve-world'), old, 'paused: nothing updates');
      await patch(`${GSS}/pve-world/scale`, { spec: { replicas: 6 } }, MERGE_PATCH);
      const ready = (o: any) => o.status.currentState === 'Ready';
      await waitFor(
        'six Ready pve-world GameServers',
        () => servers('pve-world').filter(ready).length === 6,
        () => summary('pve-world', 'pve-world'),
      );
      assert.equal(summary('pve-world', 'pve-world').split(', ').slice(0, 4).join(', '), old, 'the old ones still run the old image');
      const started = (name: string) => w.events.some((e) => e.object.metadata.name === name && e.object.status.currentState === 'Ready');
      await waitFor(
        'the watch to deliver both new servers Ready',
        () => started('pve-world-4') && started('pve-world-5'),
        () => `${w.events.length} events`,
      );
      for (const name of ['pve-world-4', 'pve-world-5']) {
        const seen = w.events
          .filter((e) => e.object.metadata.name === name)
          .map((e) => `${e.type} ${e.object.status.currentState} ${imageOf(e.object, 'pve-world')}`);
        const image = 'registry.example.com/games/pve-world:9.0.0';
        assert.deepEqual(
          seen.slice(0, 2),
          [`ADDED Creating ${image}`, `MODIFIED Ready ${image}`],
          `${name}: created on the new template, Creating, then Ready`,
        );
      }
    } finally {
      w.stop();
    }
    await patch(`${GSS}/pve-world`, [{ op: 'replace', path: '/spec/updateStrategy/rollingUpdate/paused', value: false }]);
    const onNew = (o: any) => o.status.currentState === 'Ready' && imageOf(o, 'pve-world').endsWith(':9.0.0');
    await waitFor(
      'unpaused: every pve-world GameServer Ready on 9.0.0',
      () => servers('pve-world').every(onNew),
      () => summary('pve-world', 'pve-world'),
    );
  });

  it('partition keeps that many on the old image; the ones updated are chosen by updatePriority', async () => {
    await patch(`${GS}/battle-royale-0`, { spec: { updatePriority: 5 } }, MERGE_PATCH);
    await patch(`${GSS}/battle-royale`, setImage(0, 'registry.example.com/games/battle-royale:3.0.0', { partition: 2 }));
    const onNew = () => servers('battle-royale').filter((o) => o.status.currentState === 'Ready' && imageOf(o, 'battle-royale').endsWith(':3.0.0'));
    await waitFor(
      'two battle-royale GameServers on 3.0.0',
      () => onNew().length === 2,
      () => summary('battle-royale', 'battle-royale'),
    );
    // The next update would start when the second finished, in the same step: none is in flight.
    assert.equal(servers('battle-royale').filter((o) => o.status.currentState === 'Updating').length, 0, 'nothing more updates');
    assert.deepEqual(
      onNew().map((o) => o.metadata.name),
      ['battle-royale-0', 'battle-royale-3'],
      'priority 5 first, then the highest ordinal',
    );
  });

  it("a GameServer's own image reaches it at once and stays after the override is removed; other writes leave its images alone", async () => {
    await patch(`${GSS}/lobby`, setImage(0, 'registry.example.com/games/lobby:7.0.0', { paused: true }));
    await patch(`${GS}/lobby-0`, [{ op: 'replace', path: '/spec/opsState', value: 'WaitToBeDeleted' }]);
    assert.equal(imageOf(servers('lobby')[0], 'lobby'), 'registry.example.com/games/lobby:1.3.0', 'a spec write does not bring the paused template');
    await patch(`${GS}/lobby-0`, [{ op: 'add', path: '/spec/containers', value: [{ name: 'log-agent', image: 'registry.example.com/sidecars/log-agent:9' }] }]);
    const agent = () => servers('lobby')[0].status.podStatus.containerStatuses.find((c: any) => c.name === 'log-agent');
    assert.deepEqual(
      [agent().image, agent().restartCount],
      ['registry.example.com/sidecars/log-agent:9', 1],
      'the override is applied at once, restarting that container',
    );
    await patch(`${GS}/lobby-0`, [{ op: 'remove', path: '/spec/containers' }]);
    assert.equal(agent().image, 'registry.example.com/sidecars/log-agent:9', 'removing the override reverts nothing');
  });
});
