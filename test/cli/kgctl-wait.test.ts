// `kgctl wait` in process against the sandbox while it churns: exits 0 as soon as the goal holds
// (and not before), 1 at the timeout with one line on stderr, survives dropped watches and an API
// that is down when it starts, draws progress only on a terminal, and counts per change.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter } from '../../server/src/engine';
import type { Io } from '../../client/src/cli/io';
import { MatchWatch, type MatchState } from '../../client/src/cli/match-watch';
import { runKgctl } from '../../client/src/cli/run';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor } from '../cluster/sandbox-client';
import { until } from '../wait';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Captured {
  io: Io;
  out: () => string;
  err: () => string;
}

function capture(env: NodeJS.ProcessEnv, tty = false): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', env, cwd: process.cwd(), stderrIsTTY: tty },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** Matches the set's servers in the given opsState (churn only touches status, never opsState). */
const inState = (set: string, opsState: string) => JSON.stringify({ $and: [{ name: { $regex: `^${set}-` } }, { opsState }] });

/** A wait running in the background: its exit code once it ended. */
function started(p: Promise<number>): { code: () => number | undefined; done: Promise<number> } {
  let code: number | undefined;
  const done = p.then((c) => (code = c));
  return { code: () => code, done };
}

// One at a time: two tests must not change the same servers, and the API-down test stops the API for all.
describe('kgctl wait', { concurrency: 1 }, () => {
  let sb: Sandbox;
  let env: NodeJS.ProcessEnv;
  const setOps = (ns: string, name: string, opsState: string) =>
    sb.mutate('GameServer', ns, name, (o) => {
      o.spec.opsState = opsState;
    });

  before(async () => {
    // minecraft, battle-royale, arena in default; pve-world, lobby in game; 4 servers each.
    sb = await startSandbox({ sets: 5, replicas: 4, namespaces: ['default', 'game'], churn: 100, seed: 11 });
    env = { KUBECONFIG: sb.kubeconfigPath };
  });
  after(async () => {
    await sb.close();
  });

  it('--count 3: waits through 2 matches and a dropped watch, exits 0 at the third with a summary on stdout', async () => {
    const c = capture(env, true);
    const seen = sb.requests().length;
    const w = started(runKgctl(['wait', '-r', 'gs', '-f', inState('minecraft', 'Maintaining'), '--count', '3', '--timeout', '60s'], c.io));
    await until('the wait to list and draw 0 of 3', () => c.err().includes('0 of 3 wanted GameServers match (20 watched)'), 20_000);
    setOps('default', 'minecraft-0', 'Maintaining');
    setOps('default', 'minecraft-1', 'Maintaining');
    await until('the progress to show 2 of 3', () => c.err().includes('2 of 3 wanted GameServers match'), 20_000);
    assert.equal(w.code(), undefined, 'still waiting with 2 of 3');
    sb.dropWatches();
    setOps('default', 'minecraft-2', 'Maintaining');
    assert.equal(await w.done, 0, `exit 0 once 3 match; stderr: ${c.err().slice(-300)}`);
    assert.match(c.out(), /^3 GameServers match \(at least 3 wanted, of 20\), after [\d.]+m?s\n$/, `one summary line: ${JSON.stringify(c.out())}`);
    assert.ok(c.err().endsWith('\r\x1b[2K'), 'the progress line is erased at the end');
    // It watched, not polled: through 100 changes a second and a dropped watch, one list, then watches
    // resumed from where the last one ended.
    const verbs = () =>
      sb
        .requests()
        .slice(seen)
        .filter((q) => q.path.endsWith('/gameservers'))
        .map((q) => q.verb);
    // The log records a request when its connection closes: the last watch closes as the wait ends.
    await until('the watch after the drop to be logged', () => verbs().filter((v) => v === 'watch').length >= 2, 15_000);
    assert.deepEqual(
      verbs().filter((v) => v !== 'watch'),
      ['list'],
      `one list and watches only: ${verbs().join(', ')}`,
    );
  });

  it('--none: exits 0 once one match is set back and the other deleted (the set recreates it as None)', async () => {
    setOps('game', 'pve-world-0', 'Allocated');
    setOps('game', 'pve-world-1', 'Allocated');
    const c = capture(env, true);
    const w = started(runKgctl(['wait', '-r', 'gameserver', '-n', 'game', '-f', inState('pve-world', 'Allocated'), '--none', '--timeout', '60s'], c.io));
    await until('the progress to show 2 still matching', () => c.err().includes('2 GameServers still match, wanted none (8 watched)'), 20_000);
    setOps('game', 'pve-world-0', 'None');
    await until('the progress to show 1 still matching', () => c.err().includes('1 GameServer still matches, wanted none'), 20_000);
    assert.equal(w.code(), undefined, 'still waiting with one match');
    const del = capture(env);
    assert.equal(await runKgctl(['-r', 'gs', '-d', '-f', '{"name":"pve-world-1"}'], del.io), 0, `the delete: ${del.err()}`);
    assert.equal(await w.done, 0, `exit 0 once none match; stderr: ${c.err().slice(-300)}`);
    assert.match(c.out(), /^no GameServer matches \(of \d+\), after [\d.]+m?s\n$/, c.out());
  });

  it('a timeout exits 1 with exactly one line on stderr (not a terminal) and nothing on stdout', async () => {
    const c = capture(env);
    const code = await runKgctl(['wait', '-r', 'gs', '-f', inState('arena', 'Kill'), '--count', '2', '--timeout', '3s'], c.io);
    assert.equal(code, 1, c.err());
    assert.equal(c.err(), 'kgctl wait: timed out after 3s: 0 of 2 wanted GameServers match\n');
    assert.equal(c.out(), '', 'nothing on stdout');
    const none = capture(env);
    assert.equal(await runKgctl(['wait', '-r', 'gs', '-n', 'default', '-f', '{"name":{"$regex":"^arena-"}}', '--none', '--timeout', '2s'], none.io), 1);
    assert.equal(none.err(), 'kgctl wait: timed out after 2s: 4 GameServers still match, wanted none\n');
  });

  it('GameServerSets: -r gss waits on sets', async () => {
    const c = capture(env);
    const code = await runKgctl(['wait', '-r', 'gss', '-f', '{"name":{"$in":["lobby","arena"]}}', '--count', '2', '--timeout', '30s'], c.io);
    assert.equal(code, 0, c.err());
    assert.match(c.out(), /^2 GameServerSets match \(at least 2 wanted, of 5\)/, c.out());
    assert.equal(c.err(), '', 'no progress when stderr is not a terminal');
  });

  it('an API that is down when the wait starts is retried until it answers', async () => {
    await sb.suspend();
    const c = capture(env, true);
    let w: ReturnType<typeof started> | undefined;
    try {
      w = started(runKgctl(['wait', '-r', 'gs', '-f', inState('lobby', 'Maintaining'), '--count', '1', '--timeout', '60s'], c.io));
      const retrying = /could not be listed yet \(0 watched\), .* left; retrying: cannot reach the Kubernetes API server/;
      await until('the progress to say it retries', () => retrying.test(c.err()), 20_000);
    } finally {
      await sb.resume();
    }
    await until('the wait to list once the API is back', () => c.err().includes('0 of 1 wanted GameServers match'), 20_000);
    setOps('game', 'lobby-0', 'Maintaining');
    assert.equal(await w.done, 0, c.err().slice(-300));
  });

  it('an API that never answers: exit 1 at the timeout, the last error in the one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgctl-wait-'));
    const cfg = join(dir, 'refused.yaml');
    const config = {
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'c',
      clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
      users: [{ name: 'u', user: { token: 't' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
    };
    writeFileSync(cfg, JSON.stringify(config));
    const c = capture({});
    const code = await runKgctl(['wait', '-k', cfg, '-r', 'gs', '--count', '1', '--timeout', '2s'], c.io);
    assert.equal(code, 1);
    const lines = c
      .err()
      .split('\n')
      .filter((l) => l !== '');
    assert.equal(lines.length, 1, `one line: ${c.err()}`);
    const unreachable = 'last error: cannot reach the Kubernetes API server at https://127.0.0.1:1 ';
    assert.ok(lines[0].startsWith(`kgctl wait: timed out after 2s: the GameServers could not be listed yet; ${unreachable}`), lines[0]);
  });

  it('a bad filter or kubeconfig fails at once with exit 1, before any waiting', async () => {
    const f = capture(env);
    assert.equal(await runKgctl(['wait', '-r', 'gs', '-f', '{"nosuchfield":1}', '--count', '1'], f.io), 1);
    assert.match(f.err(), /^filter:1:2: error: .*\nkgctl wait: the filter has errors/s, f.err());
    const k = capture({});
    assert.equal(await runKgctl(['wait', '-r', 'gs', '-k', '/nonexistent/kubeconfig', '--count', '1'], k.io), 1);
    assert.match(k.err(), /^kgctl wait: .*kubeconfig.*no such file/, k.err());
  });

  it('an abort (Ctrl-C) ends the wait with exit 1 and one line', async () => {
    const c = capture(env);
    const stop = new AbortController();
    const p = runKgctl(['wait', '-r', 'gs', '-f', inState('arena', 'Kill'), '--count', '1', '--timeout', '60s'], c.io, stop.signal);
    await until('the wait to open its watch', () => sb.openWatches() > 0, 20_000);
    stop.abort();
    assert.equal(await p, 1);
    assert.match(c.err(), /^kgctl wait: interrupted: (0 of 1 wanted GameServers match|the GameServers could not be listed yet)\n$/, c.err());
  });
});

describe('kgctl wait counts per change', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ sets: 2, replicas: 100, namespaces: ['default'], seed: 12 });
  });
  after(async () => {
    await sb.close();
  });

  it('a change batch evaluates the filter only on the objects it carries, not on all 200', async () => {
    const filter = compileFilter('{"opsState":"Maintaining"}', 'GameServer');
    let evaluations = 0;
    const counted = (o: unknown) => {
      evaluations++;
      return filter.matches(o);
    };
    const client = clientFor(sb);
    let last: MatchState | undefined;
    const w = new MatchWatch(client, 'GameServer', 'all', counted, (s) => (last = s), { cache: { batchMs: 20 } });
    try {
      w.start();
      await until('the first list', () => last?.listed === true, 20_000);
      assert.equal(last?.total, 200, 'all 200 listed');
      // The first batch may carry the listed keys once more (see match-watch.ts): let it pass.
      sb.mutate('GameServer', 'default', 'minecraft-0', (o) => (o.spec.opsState = 'Maintaining'));
      await until('the first match', () => w.state().matched === 1, 20_000);
      const before = evaluations;
      for (const n of ['minecraft-1', 'minecraft-2', 'pve-world-3']) sb.mutate('GameServer', 'default', n, (o) => (o.spec.opsState = 'Maintaining'));
      await until('four matches', () => w.state().matched === 4, 20_000);
      // Each changed server once, or twice when the sandbox's controller wrote it again in another batch.
      assert.ok(evaluations - before >= 3 && evaluations - before <= 6, `3 changes cost ${evaluations - before} filter evaluations`);
    } finally {
      w.dispose();
      client.dispose();
    }
  });
});
