// The sandbox with 10,000 GameServers under churn: lists page in (namespace, name) order while
// objects come and go, each set's status matches its own GameServers, and a watch from any
// kept resourceVersion replays exactly what came after it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { call, openWatch } from '../sandbox/client';
import { until } from '../wait';

const GS_ALL = '/apis/game.kruise.io/v1alpha1/gameservers';
const GSS = (ns: string) => `/apis/game.kruise.io/v1alpha1/namespaces/${ns}/gameserversets`;
const MERGE_PATCH = 'application/merge-patch+json';
const keyOf = (o: any) => `${o.metadata.namespace}/${o.metadata.name}`;

describe('sandbox at scale (20 sets × 500 GameServers, churning)', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ sets: 20, replicas: 500, namespaces: ['default', 'game', 'team-a'], churn: 300, historyLimit: 2000, seed: 3 });
  });
  after(async () => {
    await sb.close();
  });

  it('pages of 500 add up to the whole list, in key order, even when a set shrinks and grows between pages', async () => {
    const seen: string[] = [];
    let cont = '';
    let pages = 0;
    do {
      const r = await call(sb, 'GET', `${GS_ALL}?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      assert.equal(r.status, 200, r.text);
      seen.push(...r.json.items.map(keyOf));
      cont = r.json.metadata.continue ?? '';
      if (pages === 3) {
        // Ahead of the pages read so far (all in "default"): a set shrinks and another grows.
        const shrink = await call(sb, 'PATCH', `${GSS('game')}/pve-world`, { body: { spec: { replicas: 400 } }, contentType: MERGE_PATCH });
        assert.equal(shrink.status, 200, shrink.text);
        const grow = await call(sb, 'PATCH', `${GSS('team-a')}/racing`, { body: { spec: { replicas: 510 } }, contentType: MERGE_PATCH });
        assert.equal(grow.status, 200, grow.text);
      }
      pages++;
    } while (cont && pages < 100);
    assert.equal(new Set(seen).size, seen.length, 'no object is listed twice');
    assert.deepEqual(seen, [...seen].sort(), 'the pages are in key order');
    const now = sb.objects('GameServer').map(keyOf);
    assert.ok(seen.includes('team-a/racing-509') && !seen.includes('game/pve-world-450'), 'the changes ahead of the pages show');
    assert.deepEqual(seen, now, 'the pages hold exactly the objects there are now');
  });

  it("each set's status counts exactly its own GameServers, however far churn has got", async () => {
    const w = openWatch(sb, `${GS_ALL}?watch=true&resourceVersion=${await latestRv(sb)}`);
    await until('a thousand churned changes', () => w.events.length >= 1000, 20_000);
    w.stop();
    // Both read in one go: churn runs between event-loop turns, never inside this block.
    const sets = sb.objects('GameServerSet');
    const servers = sb.objects('GameServer');
    for (const set of sets) {
      const own = servers.filter(
        (gs) => gs.metadata.namespace === set.metadata.namespace && gs.metadata.labels['game.kruise.io/owner-gss'] === set.metadata.name,
      );
      const ready = own.filter((gs) => gs.status.currentState === 'Ready').length;
      assert.equal(set.status.currentReplicas, own.length, `${keyOf(set)} currentReplicas`);
      assert.equal(set.status.readyReplicas, ready, `${keyOf(set)} readyReplicas`);
      assert.equal(own.length, set.spec.replicas, `${keyOf(set)} has spec.replicas GameServers`);
    }
  });

  it('a watch from a kept resourceVersion replays exactly the events after it, in order; an older one is 410 Gone', async () => {
    const top = await latestRv(sb);
    const from = top - 1500;
    const w = openWatch(sb, `/apis/game.kruise.io/v1alpha1/gameserversets?watch=true&resourceVersion=${from}`);
    const gs = openWatch(sb, `${GS_ALL}?watch=true&resourceVersion=${from}`);
    const rvs = () => [...w.events, ...gs.events].map((e) => Number(e.object.metadata.resourceVersion)).filter((rv) => rv <= top);
    await until('every event up to the latest version', () => rvs().length >= top - from, 10_000);
    w.stop();
    gs.stop();
    assert.deepEqual(
      rvs().sort((a, b) => a - b),
      Array.from({ length: top - from }, (_, i) => from + 1 + i),
      'one event for each version after the start, none before it',
    );
    const old = openWatch(sb, `${GS_ALL}?watch=true&resourceVersion=${(await latestRv(sb)) - 5000}`);
    const { events } = await old.ended;
    assert.equal(events[0]?.object.code, 410, 'beyond the history limit');
  });
});

/** The newest resourceVersion handed out, as a list tells it. */
async function latestRv(sb: Sandbox): Promise<number> {
  return Number((await call(sb, 'GET', `${GS_ALL}?limit=1`)).json.metadata.resourceVersion);
}
