// The GameServer cache against the sandbox: it ends equal to the server's state under churn,
// dropped watches and forced 410s, delivers batched changes, and stops cleanly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceCache, type CacheChange } from '../../client/src/cluster/cache';
import type { ClusterClient } from '../../client/src/cluster/api';
import { ClusterFailure } from '../../client/src/cluster/api';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor, compareVersions, eventually, versions } from './sandbox-client';

const FAST = { batchMs: 30, backoff: { initialMs: 20, maxMs: 200 }, pageSize: 7 };

function equalToServer(cache: ResourceCache, sb: Sandbox, kind: 'GameServer' | 'GameServerSet' = 'GameServer', namespace?: string): () => string {
  return () => compareVersions(versions(cache.snapshot()), versions(sb.objects(kind, namespace)));
}

describe('cluster cache', () => {
  let sb: Sandbox;
  let client: ClusterClient;
  before(async () => {
    sb = await startSandbox({ sets: 4, replicas: 5, namespaces: ['default', 'game'], churn: 40, historyLimit: 2000, seed: 7 });
    client = clientFor(sb);
  });
  after(async () => {
    client.dispose();
    await sb.close();
  });

  it('lists page by page and then follows churn to the server state', async () => {
    const cache = new ResourceCache(client, 'GameServer', 'all', FAST);
    try {
      await cache.start();
      assert.equal(cache.size, 20, 'the first list (pages of 7) holds all 20 GameServers');
      const changes: CacheChange[] = [];
      cache.onChange((c) => changes.push(c));
      await new Promise((r) => setTimeout(r, 400));
      assert.ok(changes.length > 0, 'churn produced change batches');
      assert.ok(
        changes.every((c) => new Set([...c.added, ...c.modified, ...c.deleted]).size === c.added.length + c.modified.length + c.deleted.length),
        'no key appears twice in one batch',
      );
      const left = await eventually(equalToServer(cache, sb), 5000);
      assert.equal(left, '', `cache under churn differs from the server: ${left}`);
    } finally {
      cache.dispose();
    }
  });

  it('survives dropped watches and a forced 410, ending equal (deletions reconciled, nothing duplicated)', async () => {
    const cache = new ResourceCache(client, 'GameServer', ['default', 'game'], FAST);
    const deleted = new Set<string>();
    try {
      await cache.start();
      cache.onChange((c) => c.deleted.forEach((k) => deleted.add(k)));
      for (let i = 0; i < 3; i++) {
        sb.dropWatches();
        await new Promise((r) => setTimeout(r, 150));
      }
      let left = await eventually(equalToServer(cache, sb), 5000);
      assert.equal(left, '', `after dropped watches the cache differs: ${left}`);

      // Keep the cache from reconnecting while a set shrinks, then expire the history it holds.
      sb.setFaults({ errors: { watch: { status: 503, rate: 1 }, list: { status: 503, rate: 1 } } });
      sb.dropWatches();
      const set = sb.objects('GameServerSet', 'default')[0];
      sb.mutate('GameServerSet', 'default', set.metadata.name, (o) => {
        o.spec.replicas = 2;
      });
      sb.expireHistory();
      await new Promise((r) => setTimeout(r, 300));
      sb.setFaults({ errors: {} });
      left = await eventually(equalToServer(cache, sb), 8000);
      assert.equal(left, '', `after a 410 and a relist the cache differs: ${left}`);
      // Changes reach listeners in batches (30 ms here): let the last one go out.
      await new Promise((r) => setTimeout(r, 150));
      assert.ok(deleted.size >= 3, `the scale-down's deletions were reported (${[...deleted].join(', ')})`);
      const keys = cache.snapshot().map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
      assert.equal(new Set(keys).size, keys.length, 'no object is held twice');
      assert.ok(
        sb.requests().some((r) => r.verb === 'watch' && r.status === 200) && sb.requests().filter((r) => r.verb === 'list').length > 3,
        'the cache re-listed after the 410',
      );
    } finally {
      cache.dispose();
    }
  });

  it('holds only the chosen namespace, and GameServerSets too', async () => {
    const gs = new ResourceCache(client, 'GameServer', ['game'], FAST);
    const gss = new ResourceCache(client, 'GameServerSet', 'all', FAST);
    try {
      await Promise.all([gs.start(), gss.start()]);
      assert.ok(gs.snapshot().every((o) => o.metadata.namespace === 'game'), 'only namespace game');
      sb.mutate('GameServerSet', 'game', sb.objects('GameServerSet', 'game')[0].metadata.name, (o) => {
        o.spec.replicas = 6;
      });
      const left = (await eventually(equalToServer(gs, sb, 'GameServer', 'game'), 5000)) + (await eventually(equalToServer(gss, sb, 'GameServerSet'), 5000));
      assert.equal(left, '', `namespace or set cache differs: ${left}`);
    } finally {
      gs.dispose();
      gss.dispose();
    }
  });

  it('a first list that fails rejects start with the reason, and stops', async () => {
    sb.setFaults({ errors: { list: { status: 500, rate: 1 } } });
    const cache = new ResourceCache(client, 'GameServer', 'all', FAST);
    try {
      await assert.rejects(cache.start(), (e: unknown) => e instanceof ClusterFailure && e.error.code === 'server-error', 'start rejects with a server-error');
    } finally {
      sb.setFaults({ errors: {} });
      cache.dispose();
    }
  });

  it('dispose stops the watches: no more events, no reconnects', async () => {
    const cache = new ResourceCache(client, 'GameServer', 'all', FAST);
    await cache.start();
    let events = 0;
    cache.onChange(() => events++);
    cache.dispose();
    // The sandbox logs a watch when it closes: let the aborted one land, then cut whatever is
    // open before and after a wait, so a reconnect would show up in the log.
    await new Promise((r) => setTimeout(r, 150));
    const watchesBefore = sb.requests().filter((r) => r.verb === 'watch').length;
    sb.dropWatches();
    await new Promise((r) => setTimeout(r, 400));
    sb.dropWatches();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(events, 0, 'no change events after dispose');
    assert.equal(sb.requests().filter((r) => r.verb === 'watch').length, watchesBefore, 'no watch reconnects after dispose');
  });
});

describe('cluster cache bookmarks', () => {
  it('resumes from a bookmark after a drop, without listing again, when other namespaces moved history on', async () => {
    const sb = await startSandbox({ sets: 2, replicas: 3, namespaces: ['default', 'game'], historyLimit: 20, bookmarkIntervalMs: 40, seed: 2 });
    const client = clientFor(sb);
    const cache = new ResourceCache(client, 'GameServer', ['game'], FAST);
    try {
      await cache.start();
      // 60 changes in default push the history (20 events) past anything the game watch has seen.
      const inDefault = sb.objects('GameServer', 'default').map((o) => o.metadata.name);
      for (let i = 0; i < 60; i++) {
        sb.mutate('GameServer', 'default', inDefault[i % inDefault.length], (o) => {
          o.spec.updatePriority = i;
        });
      }
      await new Promise((r) => setTimeout(r, 200));
      const lists = () => sb.requests().filter((r) => r.verb === 'list').length;
      const before = lists();
      sb.dropWatches();
      sb.mutate('GameServer', 'game', sb.objects('GameServer', 'game')[0].metadata.name, (o) => {
        o.spec.opsState = 'Maintaining';
      });
      const left = await eventually(equalToServer(cache, sb, 'GameServer', 'game'), 5000);
      assert.equal(left, '', `the cache caught up after the drop: ${left}`);
      assert.equal(lists(), before, 'no new list: the watch resumed from the bookmarked resourceVersion');
    } finally {
      cache.dispose();
      client.dispose();
      await sb.close();
    }
  });
});
