// The GameServer cache against the sandbox: it ends equal to the server's state under churn,
// dropped watches and forced 410s, delivers batched changes, stops cleanly, says when it is stale
// (failing requests, a black-holed or vanished API) and is live again soon after the API answers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResourceCache, type CacheChange } from '../../client/src/cluster/cache';
import { PatchRunner } from '../../client/src/cluster/patch-runner';
import type { ClusterClient } from '../../client/src/cluster/api';
import { ClusterFailure } from '../../client/src/cluster/api';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor, compareVersions, versions } from './sandbox-client';
import { eventually, until } from '../wait';

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
      assert.equal(await eventually(() => (changes.length > 0 ? '' : 'no change batch yet'), 5000), '', 'churn produced no change batch');
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
    let watching = 0;
    cache.onStatus((st) => {
      if (st.state === 'watching') watching++;
    });
    try {
      await cache.start();
      cache.onChange((c) => c.deleted.forEach((k) => deleted.add(k)));
      for (let i = 0; i < 3; i++) {
        const before = watching;
        sb.dropWatches();
        assert.equal(await eventually(() => (watching > before ? '' : 'not watching again'), 5000), '', `drop ${i + 1}: the cache did not watch again`);
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
      assert.equal(await eventually(() => (cache.staleSince() !== undefined ? '' : 'still live'), 5000), '', 'the cut watch did not leave the cache stale');
      sb.setFaults({ errors: {} });
      left = await eventually(equalToServer(cache, sb), 8000);
      assert.equal(left, '', `after a 410 and a relist the cache differs: ${left}`);
      // Changes reach listeners in batches (30 ms here): wait for the last one to go out.
      const reported = await eventually(() => (deleted.size >= 3 ? '' : `deletions reported: ${[...deleted].join(', ') || 'none'}`), 2000);
      assert.equal(reported, '', "the scale-down's deletions were not all reported");
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
      assert.ok(
        gs.snapshot().every((o) => o.metadata.namespace === 'game'),
        'only namespace game',
      );
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
    const cache = new ResourceCache(client, 'GameServer', ['default'], FAST);
    // A cache left running, with the same backoff, is the clock: once it has watched again after
    // a cut, the disposed one would have too. It watches another path, so the log tells them apart.
    const control = new ResourceCache(client, 'GameServer', 'all', FAST);
    let controlWatching = 0;
    control.onStatus((st) => {
      if (st.state === 'watching') controlWatching++;
    });
    const defaultWatches = () => sb.requests().filter((r) => r.verb === 'watch' && r.path.includes('/namespaces/default/')).length;
    try {
      await Promise.all([cache.start(), control.start()]);
      let events = 0;
      cache.onChange(() => events++);
      const before = defaultWatches();
      cache.dispose();
      // The sandbox logs a watch when it closes: wait for the aborted one.
      assert.equal(
        await eventually(() => (defaultWatches() > before ? '' : 'the aborted watch is not logged yet'), 5000),
        '',
        'dispose did not close the watch',
      );
      const afterDispose = defaultWatches();
      // Cut whatever is open twice, so a reconnect after the first cut shows in the log at the second.
      for (let i = 0; i < 2; i++) {
        const seen = controlWatching;
        sb.dropWatches();
        assert.equal(await eventually(() => (controlWatching > seen ? '' : 'the control cache is not watching again'), 5000), '', `cut ${i + 1}`);
      }
      assert.equal(events, 0, 'no change events after dispose');
      assert.equal(defaultWatches(), afterDispose, 'no watch reconnects after dispose');
    } finally {
      cache.dispose();
      control.dispose();
    }
  });
});

describe('cluster cache bookmarks', () => {
  it('resumes from a bookmark after a drop, without listing again, when other namespaces moved history on', async () => {
    const sb = await startSandbox({ sets: 2, replicas: 3, namespaces: ['default', 'game'], historyLimit: 20, bookmarkIntervalMs: 40, seed: 2 });
    const client = clientFor(sb);
    // Watches that end every second, each with a last bookmark: how far the cache got is then observable.
    const cache = new ResourceCache(client, 'GameServer', ['game'], { ...FAST, watchTimeoutSeconds: 1 });
    try {
      await cache.start();
      // 60 changes in default push the history (20 events) past anything the game watch has seen.
      const inDefault = sb.objects('GameServer', 'default').map((o) => o.metadata.name);
      for (let i = 0; i < 60; i++) {
        sb.mutate('GameServer', 'default', inDefault[i % inDefault.length], (o) => {
          o.spec.updatePriority = i;
        });
      }
      // A watch that ends after the changes has sent its closing bookmark, past all of them.
      const endedWatches = () => sb.requests().filter((r) => r.verb === 'watch').length;
      const ended = endedWatches();
      await until('a watch to end after the changes, with its bookmark', () => endedWatches() > ended, 5000);
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

describe('cluster cache freshness', () => {
  let sb: Sandbox;
  let client: ClusterClient;
  before(async () => {
    sb = await startSandbox({ sets: 3, replicas: 4, namespaces: ['default', 'game'], churn: 20, historyLimit: 5000, seed: 11 });
    client = clientFor(sb);
  });
  after(async () => {
    client.dispose();
    await sb.close();
  });

  const isStale = (cache: ResourceCache) => () => (cache.staleSince() !== undefined ? '' : 'staleSince() is still undefined (live)');
  const isLive = (cache: ResourceCache) => () => {
    const since = cache.staleSince();
    return since === undefined ? '' : `stale since ${new Date(since).toISOString()}: ${cache.lastError()?.message ?? 'no error'}`;
  };
  const oneGameServer = () => {
    const gs = sb.objects('GameServer', 'game')[0];
    return { namespace: gs.metadata.namespace as string, name: gs.metadata.name as string };
  };

  it('with every request failing: stale within 15 s, and live within 10 s of the API answering, holding what changed meanwhile', async () => {
    // The default timeouts: these are the figures the view promises.
    const cache = new ResourceCache(client, 'GameServer', 'all', { batchMs: 30 });
    const reported: (number | undefined)[] = [];
    cache.onStatus(() => reported.push(cache.staleSince()));
    try {
      await cache.start();
      assert.equal(cache.staleSince(), undefined, 'a cache that just started is live');
      const started = Date.now();
      sb.setFaults({ errors: { list: { status: 503, rate: 1 }, watch: { status: 503, rate: 1 }, get: { status: 503, rate: 1 } } });
      sb.dropWatches();
      const cutAt = Date.now();
      assert.equal(await eventually(isStale(cache), 15_000), '', 'not stale 15 s after every request began failing');
      const since = cache.staleSince()!;
      // Events already on their way when the watch was cut may land a few ms after.
      assert.ok(since >= started && since <= cutAt + 500, `staleSince (${since - cutAt} ms from the cut) is the last moment the cache was current`);
      assert.equal(
        await eventually(() => (cache.lastError()?.status === 503 ? '' : `lastError: ${cache.lastError()?.message}`), 15_000),
        '',
        'lastError names the 503',
      );
      assert.ok(reported.includes(since), 'onStatus told listeners when staleSince changed');

      const { namespace, name } = oneGameServer();
      sb.mutate('GameServer', namespace, name, (o) => {
        o.spec.opsState = 'Maintaining';
      });
      sb.setFaults({ errors: {} });
      const healed = Date.now();
      assert.equal(await eventually(isLive(cache), 10_000), '', 'still stale 10 s after the API answered again');
      assert.equal(cache.lastError(), undefined, 'no error once live');
      assert.ok(reported.at(-1) === undefined, 'onStatus told listeners when the cache became live');
      const left = await eventually(equalToServer(cache, sb), 5000);
      assert.equal(left, '', `live again after ${Date.now() - healed} ms, but the cache differs from the server: ${left}`);
    } finally {
      sb.setFaults({ errors: {} });
      cache.dispose();
    }
  });

  it('with the API black-holed (silent watches, unanswered requests): stale once the watch outlives its timeout, live once it answers', async () => {
    const timeouts = { watchTimeoutSeconds: 1, graceMs: 700 };
    const cache = new ResourceCache(client, 'GameServer', 'all', { batchMs: 30, ...timeouts, backoff: { initialMs: 50, maxMs: 500 } });
    try {
      await cache.start();
      const silentAt = Date.now();
      sb.setFaults({ blackhole: true });
      // The watchdog: timeoutSeconds + grace after the last sign of life, plus timer slack.
      const limit = timeouts.watchTimeoutSeconds * 1000 + timeouts.graceMs;
      assert.equal(await eventually(isStale(cache), limit + 1500), '', `not stale ${limit + 1500} ms into the black hole`);
      assert.ok(Date.now() - silentAt >= timeouts.graceMs, 'stale no sooner than a healthy watch could stay silent');
      assert.match(cache.lastError()?.message ?? '', /received nothing/, 'the watchdog reported the silent watch');
      // Its replacement is accepted and never answered: it must time out on its own.
      const unanswered = await eventually(
        () => (/did not answer a watch/.test(cache.lastError()?.message ?? '') ? '' : `lastError: ${cache.lastError()?.message}`),
        5000,
      );
      assert.equal(unanswered, '', 'a watch request that never got an answer was not cut');
      assert.equal(cache.lastError()?.code, 'timeout');

      const { namespace, name } = oneGameServer();
      sb.mutate('GameServer', namespace, name, (o) => {
        o.spec.updatePriority = 42;
      });
      sb.setFaults({ blackhole: false });
      assert.equal(await eventually(isLive(cache), 5000), '', 'still stale 5 s after the black hole ended');
      const left = await eventually(equalToServer(cache, sb), 5000);
      assert.equal(left, '', `after the black hole the cache differs from the server: ${left}`);
    } finally {
      sb.setFaults({ blackhole: false });
      cache.dispose();
    }
  });

  it('with the API process gone (connections cut, then refused): stale at once, and live within 10 s of it coming back', async () => {
    const cache = new ResourceCache(client, 'GameServer', ['default', 'game'], { batchMs: 30 });
    try {
      await cache.start();
      await sb.suspend();
      assert.equal(await eventually(isStale(cache), 15_000), '', 'not stale 15 s after the API process went away');
      const refused = await eventually(() => (cache.lastError()?.code === 'unreachable' ? '' : `lastError: ${cache.lastError()?.message}`), 15_000);
      assert.equal(refused, '', 'the refused connection is the reported error');
      const { namespace, name } = oneGameServer();
      sb.mutate('GameServer', namespace, name, (o) => {
        o.spec.deletionPriority = 7;
      });
      await sb.resume();
      assert.equal(await eventually(isLive(cache), 10_000), '', 'still stale 10 s after the API process came back');
      const left = await eventually(equalToServer(cache, sb), 5000);
      assert.equal(left, '', `after the API came back the cache differs from the server: ${left}`);
    } finally {
      await sb.resume();
      cache.dispose();
    }
  });

  it('watches the server ends as asked are opened again at once, without ever showing stale', async () => {
    const cache = new ResourceCache(client, 'GameServer', 'all', { batchMs: 30, watchTimeoutSeconds: 1, graceMs: 700 });
    const staleReports: number[] = [];
    cache.onStatus(() => {
      const since = cache.staleSince();
      if (since !== undefined) staleReports.push(since);
    });
    try {
      await cache.start();
      const endedWatches = () => sb.requests().filter((r) => r.verb === 'watch' && r.status === 200).length;
      const before = endedWatches();
      const ended = await eventually(() => (endedWatches() - before >= 3 ? '' : `${endedWatches() - before} watches ended so far`), 8000);
      assert.equal(ended, '', 'the server did not end three watches after their timeoutSeconds');
      assert.deepEqual(staleReports, [], 'a routine end and rewatch reported the cache stale');
      assert.equal(cache.staleSince(), undefined);
      const left = await eventually(equalToServer(cache, sb), 5000);
      assert.equal(left, '', `across routine watch ends the cache differs from the server: ${left}`);
    } finally {
      cache.dispose();
    }
  });
});

describe('cache copies in a preview', () => {
  it('are only references: the preview reads each whole object first, and diffs and guards on that', async () => {
    const sb = await startSandbox({ sets: 1, replicas: 2, namespaces: ['default'], seed: 3 });
    const client = clientFor(sb);
    const cache = new ResourceCache(client, 'GameServer', ['default'], FAST);
    try {
      await cache.start();
      const compact = cache.snapshot()[0];
      assert.equal((compact.status as any)?.podStatus?.phase, undefined, 'the cached copy is compact (no pod phase)');
      const ops = [{ op: 'replace', path: '/spec/updatePriority', value: 5 }];
      const runner = new PatchRunner(client, 'GameServer');
      // A copy that fell behind the server previews from the object as it is now.
      const behind = { ...compact, metadata: { ...compact.metadata, resourceVersion: '1' } };
      const [p] = await runner.preview([behind], ops, { fresh: true });
      assert.ok(p.after, `the preview failed: ${p.error?.message}`);
      const server = sb.objects('GameServer', 'default').find((o) => o.metadata.name === compact.metadata.name);
      assert.equal(p.before.metadata.resourceVersion, server.metadata.resourceVersion, "the preview's before is the object as the server has it");
      assert.deepEqual((p.before.status as any)?.podStatus, server.status.podStatus, "the preview's before is the whole object");
      const [applied] = await runner.apply([p], ops);
      assert.equal(applied.outcome, 'changed', `the apply, guarded by the fresh resourceVersion, did not land: ${applied.error?.message}`);
    } finally {
      cache.dispose();
      client.dispose();
      await sb.close();
    }
  });
});
