// The sandbox over HTTPS: the API behaviour kubectl does not show, checked request by request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { call, openWatch } from '../sandbox/client';
import { until } from '../wait';
import { INITIAL_RESOURCE_VERSION } from '../sandbox/store';

const GS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameservers';
const GSS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameserversets';
const JSON_PATCH = 'application/json-patch+json';
const MERGE_PATCH = 'application/merge-patch+json';

let sb: Sandbox;

before(async () => {
  // One namespace and small sets: minecraft and pve-world, 4 GameServers each.
  sb = await startSandbox({ sets: 2, replicas: 4, namespaces: ['default'], seed: 7 });
});

after(async () => {
  await sb.close();
});

const gs = (name: string) => sb.objects('GameServer', 'default').find((o) => o.metadata.name === name);
const namesOf = (set: string) =>
  sb
    .objects('GameServer', 'default')
    .filter((o) => o.metadata.labels['game.kruise.io/owner-gss'] === set)
    .map((o) => o.metadata.name)
    .sort();

describe('sandbox API', () => {
  it('answers an update with a stale resourceVersion 409 Conflict, and one without a resourceVersion 422', async () => {
    const cur = (await call(sb, 'GET', `${GS}/minecraft-0`)).json;
    const fresh = await call(sb, 'PUT', `${GS}/minecraft-0`, { body: { ...cur, spec: { ...cur.spec, updatePriority: 5 } } });
    assert.equal(fresh.status, 200, `fresh update: ${fresh.text}`);
    const stale = await call(sb, 'PUT', `${GS}/minecraft-0`, { body: { ...cur, spec: { ...cur.spec, updatePriority: 6 } } });
    assert.equal(stale.status, 409, 'stale update');
    assert.equal(stale.json.kind, 'Status');
    assert.equal(stale.json.reason, 'Conflict');
    assert.equal(gs('minecraft-0').spec.updatePriority, 5, 'the stale update changed nothing');
    const { resourceVersion: _rv, ...meta } = cur.metadata;
    const bare = await call(sb, 'PUT', `${GS}/minecraft-0`, { body: { ...cur, metadata: meta } });
    assert.equal(bare.status, 422, 'update without resourceVersion');
    assert.equal(bare.json.details.causes[0].field, 'metadata.resourceVersion');
  });

  it('validates a dryRun=All write but stores nothing and keeps the resourceVersion', async () => {
    const before = gs('minecraft-1');
    const r = await call(sb, 'PATCH', `${GS}/minecraft-1?dryRun=All`, {
      body: [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }],
      contentType: JSON_PATCH,
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.spec.opsState, 'Kill', 'the answer shows the result');
    assert.equal(r.json.metadata.resourceVersion, before.metadata.resourceVersion, 'dry run answer keeps the resourceVersion');
    assert.deepEqual(gs('minecraft-1'), before, 'dry run stored nothing');
    const bad = await call(sb, 'PATCH', `${GSS}/minecraft?dryRun=All`, { body: { spec: { replicas: -1 } }, contentType: MERGE_PATCH });
    assert.equal(bad.status, 422, 'a dry run is validated');
    const created = await call(sb, 'POST', `${GS}?dryRun=All`, {
      body: { apiVersion: 'game.kruise.io/v1alpha1', kind: 'GameServer', metadata: { name: 'dry-0' } },
    });
    assert.equal(created.status, 201, created.text);
    assert.equal(gs('dry-0'), undefined, 'dry-run create stored nothing');
  });

  it('keeps status out of main-resource writes and everything but status out of status writes', async () => {
    const main = await call(sb, 'PATCH', `${GS}/minecraft-2`, {
      body: { spec: { deletionPriority: 3 }, status: { currentState: 'Crash' } },
      contentType: MERGE_PATCH,
    });
    assert.equal(main.status, 200, main.text);
    assert.equal(gs('minecraft-2').status.currentState, 'Ready', 'main write ignored status');
    assert.equal(gs('minecraft-2').spec.deletionPriority, 3, 'main write changed spec');
    assert.equal(gs('minecraft-2').status.deletionPriority, '3', 'status priority mirrors spec as a string');
    const status = await call(sb, 'PATCH', `${GS}/minecraft-2/status`, {
      body: { spec: { deletionPriority: 9 }, status: { currentState: 'NotReady' } },
      contentType: MERGE_PATCH,
    });
    assert.equal(status.status, 200, status.text);
    assert.equal(gs('minecraft-2').status.currentState, 'NotReady', 'status write changed status');
    assert.equal(gs('minecraft-2').spec.deletionPriority, 3, 'status write ignored spec');
    await call(sb, 'PATCH', `${GS}/minecraft-2/status`, { body: { status: { currentState: 'Ready' } }, contentType: MERGE_PATCH });
  });

  it('pages a list with limit and continue, and answers an expired continue token 410', async () => {
    const all = (await call(sb, 'GET', GS)).json.items.map((o: any) => o.metadata.name);
    const seen: string[] = [];
    let cont = '';
    let pages = 0;
    do {
      const r = await call(sb, 'GET', `${GS}?limit=3${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      assert.equal(r.status, 200, r.text);
      assert.ok(r.json.items.length <= 3, 'a page holds at most limit items');
      seen.push(...r.json.items.map((o: any) => o.metadata.name));
      cont = r.json.metadata.continue ?? '';
      if (cont) assert.equal(r.json.metadata.remainingItemCount, all.length - seen.length, 'remainingItemCount');
      pages++;
    } while (cont && pages < 10);
    assert.deepEqual(seen, all, 'the pages add up to the whole list');
    assert.equal(pages, Math.ceil(all.length / 3));
    const first = await call(sb, 'GET', `${GS}?limit=2`);
    sb.expireHistory();
    const old = await call(sb, 'GET', `${GS}?limit=2&continue=${encodeURIComponent(first.json.metadata.continue)}`);
    assert.equal(old.status, 410, 'expired continue token');
    assert.equal(old.json.code, 410);
  });

  it('filters by labelSelector, equality and set-based', async () => {
    const names = async (sel: string) =>
      (await call(sb, 'GET', `${GS}?labelSelector=${encodeURIComponent(sel)}`)).json.items.map((o: any) => o.metadata.name).sort();
    assert.deepEqual(await names('game.kruise.io/owner-gss=minecraft'), namesOf('minecraft'));
    assert.deepEqual(await names('game.kruise.io/owner-gss in (pve-world)'), namesOf('pve-world'));
    assert.deepEqual(await names('game.kruise.io/owner-gss notin (pve-world,minecraft)'), []);
    assert.deepEqual(await names('game.kruise.io/owner-gss!=minecraft,tier'), namesOf('pve-world'));
  });

  it('watches from a resourceVersion: replays, streams MODIFIED, and sends a BOOKMARK before a timeout', async () => {
    const listed = await call(sb, 'GET', `${GS}?labelSelector=${encodeURIComponent('game.kruise.io/owner-gss=minecraft')}`);
    const rv = listed.json.metadata.resourceVersion;
    sb.mutate('GameServer', 'default', 'minecraft-3', (o) => {
      o.status.currentState = 'NotReady';
    });
    const w = openWatch(
      sb,
      `${GS}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1&labelSelector=${encodeURIComponent('game.kruise.io/owner-gss=minecraft')}`,
    );
    await until('the replayed MODIFIED', () => w.events.some((e) => e.type === 'MODIFIED'));
    sb.mutate('GameServer', 'default', 'minecraft-3', (o) => {
      o.status.currentState = 'Ready';
    });
    const { events, how } = await w.ended;
    assert.equal(how, 'end', 'a timed-out watch ends cleanly');
    const mods = events.filter((e) => e.type === 'MODIFIED' && e.object.metadata.name === 'minecraft-3').map((e) => e.object.status.currentState);
    assert.deepEqual(mods.slice(0, 2), ['NotReady', 'Ready'], 'replayed then live changes, in order');
    assert.ok(
      events.every((e) => e.type === 'BOOKMARK' || e.object.metadata.labels['game.kruise.io/owner-gss'] === 'minecraft'),
      'the selector applies',
    );
    const last = events[events.length - 1]!;
    assert.equal(last.type, 'BOOKMARK', 'the last event is a bookmark');
    assert.equal(last.object.kind, 'GameServer');
    assert.ok(Number(last.object.metadata.resourceVersion) >= Number(events.filter((e) => e.type !== 'BOOKMARK').at(-1)!.object.metadata.resourceVersion));
  });

  it('answers a watch from before expireHistory with a 410 ERROR event', async () => {
    const rv = (await call(sb, 'GET', GS)).json.metadata.resourceVersion;
    sb.mutate('GameServer', 'default', 'minecraft-0', (o) => {
      o.status.currentState = 'Ready';
      o.status.lastTransitionTime = '2026-01-01T00:00:00Z';
    });
    sb.expireHistory();
    const { events, how } = await openWatch(sb, `${GS}?watch=true&resourceVersion=${rv}`).ended;
    assert.equal(how, 'end');
    assert.equal(events.length, 1, 'one event');
    assert.equal(events[0]!.type, 'ERROR');
    assert.equal(events[0]!.object.code, 410);
    assert.equal(events[0]!.object.kind, 'Status');
  });

  it('cuts open watches on dropWatches()', async () => {
    const w = openWatch(sb, `${GS}?watch=true`);
    await until('the initial ADDED events', () => w.events.length >= 8);
    sb.dropWatches();
    const { how } = await w.ended;
    assert.equal(how, 'error', 'a dropped watch ends abruptly');
  });

  it('injects faults: 429 with Retry-After, 500 at rate 1, latency, and clears them', async () => {
    sb.setFaults({ errors: { list: { status: 429, rate: 1, retryAfterSeconds: 3 } } });
    const limited = await call(sb, 'GET', GS);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '3');
    assert.equal(limited.json.reason, 'TooManyRequests');
    assert.equal((await call(sb, 'GET', `${GS}/minecraft-0`)).status, 200, 'other verbs are untouched');
    sb.setFaults({ errors: { patch: { status: 500, rate: 1 } } });
    const failed = await call(sb, 'PATCH', `${GS}/minecraft-0`, { body: { spec: { opsState: 'None' } }, contentType: MERGE_PATCH });
    assert.equal(failed.status, 500);
    assert.equal(failed.json.reason, 'InternalError');
    sb.setFaults({ errors: {}, latencyMs: 150 });
    const t = Date.now();
    assert.equal((await call(sb, 'GET', `${GS}/minecraft-0`)).status, 200);
    assert.ok(Date.now() - t >= 140, 'latency is added');
    sb.setFaults({ latencyMs: 0, conflictRate: 1 });
    const conflicted = await call(sb, 'PATCH', `${GS}/minecraft-0`, { body: { spec: { opsState: 'None' } }, contentType: MERGE_PATCH });
    assert.equal(conflicted.status, 409);
    sb.setFaults({ conflictRate: 0 });
    assert.equal((await call(sb, 'GET', GS)).status, 200, 'faults cleared');
  });

  it('answers 401 to a missing or unknown token and 403 to a viewer write', async () => {
    assert.equal((await call(sb, 'GET', GS, { token: null })).status, 401, 'no token');
    const bad = await call(sb, 'GET', GS, { token: 'not-a-token' });
    assert.equal(bad.status, 401, 'unknown token');
    assert.equal(bad.json.reason, 'Unauthorized');
    assert.equal((await call(sb, 'GET', GS, { token: sb.tokens.viewer })).status, 200, 'viewer reads');
    const denied = await call(sb, 'PATCH', `${GS}/minecraft-0/status`, { body: {}, contentType: MERGE_PATCH, token: sb.tokens.viewer });
    assert.equal(denied.status, 403);
    assert.equal(
      denied.json.message,
      'gameservers.game.kruise.io "minecraft-0" is forbidden: User "viewer" cannot patch resource "gameservers/status" in API group "game.kruise.io" in the namespace "default"',
    );
  });

  it('answers 415 to strategic merge, 422 to a failed JSON Patch test, 404 to an unknown object', async () => {
    const smp = await call(sb, 'PATCH', `${GS}/minecraft-0`, { body: {}, contentType: 'application/strategic-merge-patch+json' });
    assert.equal(smp.status, 415);
    assert.equal(smp.json.reason, 'UnsupportedMediaType');
    const test = await call(sb, 'PATCH', `${GS}/minecraft-0`, {
      body: [
        { op: 'test', path: '/metadata/resourceVersion', value: '1' },
        { op: 'replace', path: '/spec/opsState', value: 'Kill' },
      ],
      contentType: JSON_PATCH,
    });
    assert.equal(test.status, 422);
    assert.equal(test.json.reason, 'Invalid');
    assert.equal(gs('minecraft-0').spec.opsState, 'None', 'nothing applied');
    const missing = await call(sb, 'GET', `${GS}/nope-9`);
    assert.equal(missing.status, 404);
    assert.equal(missing.json.message, 'gameservers.game.kruise.io "nope-9" not found');
  });

  it('answers an invalid write 422 Invalid with causes naming the fields', async () => {
    const r = await call(sb, 'PATCH', `${GSS}/minecraft`, { body: { spec: { replicas: 'many' } }, contentType: MERGE_PATCH });
    assert.equal(r.status, 422, r.text);
    assert.equal(r.json.reason, 'Invalid');
    assert.ok(
      r.json.details.causes.some((c: any) => c.field === 'spec.replicas'),
      JSON.stringify(r.json.details.causes),
    );
    const gsBad = await call(sb, 'PATCH', `${GS}/minecraft-0`, { body: { spec: { networkDisabled: 'yes' } }, contentType: MERGE_PATCH });
    assert.equal(gsBad.status, 422, gsBad.text);
    assert.equal(gsBad.json.details.causes[0].field, 'spec.networkDisabled');
  });

  it('Kill lowers the set replicas and removes exactly that GameServer', async () => {
    const beforeNames = namesOf('pve-world');
    const r = await call(sb, 'PATCH', `${GS}/pve-world-1`, { body: [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }], contentType: JSON_PATCH });
    assert.equal(r.status, 200, r.text);
    const set = sb.objects('GameServerSet', 'default').find((o) => o.metadata.name === 'pve-world');
    assert.equal(set.spec.replicas, beforeNames.length - 1, 'replicas lowered by one');
    assert.equal(set.status.currentReplicas, beforeNames.length - 1);
    assert.deepEqual(
      namesOf('pve-world'),
      beforeNames.filter((n) => n !== 'pve-world-1'),
    );
  });

  it('scales down in OKG order: WaitToBeDeleted, then deletionPriority, then higher ordinal; Maintaining last', async () => {
    await call(sb, 'PATCH', `${GSS}/minecraft/scale`, { body: { spec: { replicas: 6 } }, contentType: MERGE_PATCH });
    assert.deepEqual(namesOf('minecraft'), ['minecraft-0', 'minecraft-1', 'minecraft-2', 'minecraft-3', 'minecraft-4', 'minecraft-5']);
    const set = async (name: string, spec: object) =>
      assert.equal((await call(sb, 'PATCH', `${GS}/${name}`, { body: { spec }, contentType: MERGE_PATCH })).status, 200, name);
    await set('minecraft-0', { opsState: 'WaitToBeDeleted', deletionPriority: 0 });
    await set('minecraft-1', { opsState: 'None', deletionPriority: 5 });
    await set('minecraft-2', { opsState: 'None', deletionPriority: 0 });
    await set('minecraft-3', { opsState: 'None', deletionPriority: 0 });
    await set('minecraft-4', { opsState: 'Allocated', deletionPriority: 0 });
    await set('minecraft-5', { opsState: 'Maintaining', deletionPriority: 0 });
    const scale = async (n: number) => {
      const r = await call(sb, 'PUT', `${GSS}/minecraft/scale`, {
        body: { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'minecraft', namespace: 'default' }, spec: { replicas: n } },
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.spec.replicas, n);
    };
    await scale(5);
    assert.deepEqual(namesOf('minecraft'), ['minecraft-1', 'minecraft-2', 'minecraft-3', 'minecraft-4', 'minecraft-5'], 'WaitToBeDeleted first');
    await scale(4);
    assert.deepEqual(namesOf('minecraft'), ['minecraft-2', 'minecraft-3', 'minecraft-4', 'minecraft-5'], 'then the higher deletionPriority');
    await scale(3);
    assert.deepEqual(namesOf('minecraft'), ['minecraft-2', 'minecraft-4', 'minecraft-5'], 'then the higher ordinal among None');
    await scale(2);
    assert.deepEqual(namesOf('minecraft'), ['minecraft-4', 'minecraft-5'], 'None before Allocated');
    await scale(1);
    assert.deepEqual(namesOf('minecraft'), ['minecraft-5'], 'Maintaining last');
    await scale(3);
    assert.deepEqual(namesOf('minecraft'), ['minecraft-0', 'minecraft-1', 'minecraft-5'], 'scale-up fills the lowest free ordinals');
    assert.equal(gs('minecraft-0').spec.opsState, 'None', 'a new GameServer has the default spec');
    const scaleObj = (await call(sb, 'GET', `${GSS}/minecraft/scale`)).json;
    assert.equal(scaleObj.kind, 'Scale');
    assert.equal(scaleObj.status.selector, 'game.kruise.io/owner-gss=minecraft');
  });

  it('churns: random status changes at the given rate, the same sequence for the same seed', async () => {
    const run = async () => {
      const churned = await startSandbox({ sets: 1, replicas: 5, namespaces: ['default'], churn: 100, seed: 42 });
      try {
        // From the very first version, so how far churn got before the watch does not matter.
        const w = openWatch(churned, `${GS}?watch=true&resourceVersion=${INITIAL_RESOURCE_VERSION}`);
        const changes = () => w.events.filter((e) => e.type !== 'ADDED');
        await until('ten churned changes', () => changes().length >= 10);
        w.stop();
        return changes()
          .slice(0, 10)
          .map((e) => `${e.type} ${e.object.metadata.name} ${e.object.status.currentState} ${e.object.status.networkStatus.currentNetworkState}`);
      } finally {
        await churned.close();
      }
    };
    const first = await run();
    assert.ok(
      first.every((e) => e.startsWith('MODIFIED')),
      first.join('\n'),
    );
    assert.deepEqual(await run(), first, 'same seed, same changes');
  });

  it('serves discovery with short names and subresources, and the request log', async () => {
    const r = await call(sb, 'GET', '/apis/game.kruise.io/v1alpha1');
    const byName = new Map(r.json.resources.map((x: any) => [x.name, x]));
    assert.deepEqual((byName.get('gameservers') as any).shortNames, ['gs']);
    assert.deepEqual((byName.get('gameserversets') as any).shortNames, ['gss']);
    assert.equal((byName.get('gameserversets/scale') as any).kind, 'Scale');
    assert.ok(byName.has('gameservers/status'));
    assert.ok(
      sb.requests().some((l) => l.verb === 'list' && l.path === GS && l.status === 429),
      'the log holds the injected 429',
    );
  });
});
