// The caches the extension reads, fed by the watch process (cluster/watch-process.ts, watch-host.ts,
// remote-cache.ts) against the sandbox: they follow the server, a failing first list rejects with
// the reason, a killed process shows as stale and is replaced, the copy then reconciled (objects
// deleted meanwhile dropped), and disposing stops the process. The process runs watch-host.ts
// bundled once, as the extension ships it, so each start costs node's start-up, not tsx's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterFailure } from '../../client/src/cluster/api';
import { RemoteCache } from '../../client/src/cluster/remote-cache';
import { WatchProcess } from '../../client/src/cluster/watch-process';
import { startSandbox, type Sandbox } from '../sandbox';
import { bundle } from '../bundle';
import { compareVersions, versions } from './sandbox-client';
import { eventually, until } from '../wait';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The cases use processes and caches of their own, so they run at the same time.
describe('watch process', { concurrency: true }, () => {
  let sb: Sandbox;
  let host: string;
  before(async () => {
    [sb, host] = await Promise.all([
      startSandbox({ sets: 2, replicas: 5, namespaces: ['default', 'game'], churn: 20, seed: 11 }),
      bundle('client/src/cluster/watch-host.ts'),
    ]);
  });
  after(async () => {
    await sb.close();
  });

  const open = (proc: WatchProcess, kind: 'GameServer' | 'GameServerSet' = 'GameServer', context = 'okg-sandbox', server = sb) =>
    new RemoteCache(proc, kind, { kubeconfig: server.kubeconfigPath, context, namespaces: 'all' });
  const equal =
    (cache: RemoteCache, server = sb) =>
    () =>
      compareVersions(versions(cache.snapshot()), versions(server.objects('GameServer')));

  it('holds what the server holds, both kinds through one process, and follows changes', async () => {
    const proc = new WatchProcess(host);
    const gs = open(proc);
    const gss = open(proc, 'GameServerSet');
    try {
      await Promise.all([gs.start(), gss.start()]);
      assert.equal(gs.size, sb.objects('GameServer').length, 'every GameServer is held once start() resolves');
      assert.equal(gss.size, sb.objects('GameServerSet').length, 'every GameServerSet is held once start() resolves');
      const changed: string[] = [];
      gs.onChange((c) => changed.push(...c.modified));
      await until('a change batch from the churn', () => changed.length > 0, 10_000);
      assert.equal(await eventually(equal(gs), 10_000), '', 'the GameServers differ from the server');
      assert.equal(gs.staleSince(), undefined, 'a copy that follows the server is live');
    } finally {
      gs.dispose();
      gss.dispose();
    }
  });

  it('rejects start() with the reason when the context does not exist', async () => {
    const proc = new WatchProcess(host);
    const gs = open(proc, 'GameServer', 'no-such-context');
    try {
      await assert.rejects(gs.start(), (e: unknown) => {
        assert.ok(e instanceof ClusterFailure, `a ClusterFailure, not ${String(e)}`);
        assert.match(e.error.message, /no context "no-such-context"/);
        return true;
      });
    } finally {
      gs.dispose();
    }
  });

  it('shows stale when the process dies, replaces it, and drops what was deleted meanwhile', async () => {
    // A sandbox of its own: the scale-down below must not race the other cases' counts.
    const own = await startSandbox({ sets: 2, replicas: 5, namespaces: ['default', 'game'], churn: 20, seed: 12 });
    const proc = new WatchProcess(host);
    const gs = open(proc, 'GameServer', 'okg-sandbox', own);
    try {
      await gs.start();
      const pid = proc.pid;
      assert.ok(pid !== undefined, 'a watch process runs');
      const deleted: string[] = [];
      gs.onChange((c) => deleted.push(...c.deleted));
      process.kill(pid, 'SIGKILL');
      await until('the copy to say it is stale', () => gs.staleSince() !== undefined, 5_000);
      assert.match(gs.lastError()?.message ?? '', /the watch process stopped \(SIGKILL\)/);
      const [set] = own.objects('GameServerSet');
      const before = own.objects('GameServer').length;
      own.mutate('GameServerSet', set.metadata.namespace, set.metadata.name, (o) => (o.spec.replicas = 2));
      await until('the sandbox to scale the set down', () => own.objects('GameServer').length === before - 3, 5_000);
      await until('a new watch process', () => proc.pid !== undefined && proc.pid !== pid, 10_000);
      assert.equal(await eventually(equal(gs, own), 15_000), '', 'after the restart the copy differs from the server');
      await until('the copy to be live again', () => gs.staleSince() === undefined, 10_000);
      assert.equal(deleted.length, 3, `the three GameServers deleted while no process ran are reported deleted (got ${deleted.join(', ')})`);
    } finally {
      gs.dispose();
      await own.close();
    }
  });

  it('stops the process when the last cache is disposed', async () => {
    const proc = new WatchProcess(host);
    const gs = open(proc);
    await gs.start();
    const pid = proc.pid!;
    gs.dispose();
    await until('the watch process to exit', () => !alive(pid), 5_000);
  });
});
