// kgctl as a process (the esbuild bundle) against the sandbox: every mode and exit status,
// kruisegamectl's output shapes (err's ErrStatus included), the --yes guard, partial failure, the
// viewer's 403, --input, -j '' as list mode, and wait.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox';
import { buildKgctl, runKgctlProcess, type Run } from './kgctl-run';

function byName(prefix: string): string {
  return JSON.stringify({ name: { $regex: `^${prefix}-` } });
}

function parse(r: Run, what: string): any[] {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`${what}: stdout is not one JSON document (exit ${r.code}): ${r.stdout.slice(0, 300)} / stderr: ${r.stderr.slice(0, 300)}`);
  }
}

function show(r: Run): string {
  return `exit ${r.code}; stderr: ${r.stderr.trim().slice(0, 500)}`;
}

// Each test acts on its own GameServerSet, so they run a few at a time.
describe('kgctl', { concurrency: 4 }, () => {
  let sb: Sandbox;
  let bin: string;
  let dir: string;
  let kgctl: (args: string[], o?: { env?: NodeJS.ProcessEnv; stdin?: string }) => Promise<Run>;
  const opsOf = (ns: string, prefix: string) =>
    sb
      .objects('GameServer', ns)
      .filter((o) => o.metadata.name.startsWith(`${prefix}-`))
      .map((o) => o.spec.opsState);

  before(async () => {
    // Sets 0, 2, 4 (minecraft, battle-royale, arena) in default; 1, 3, 5 (pve-world, lobby, racing) in game.
    [sb, bin] = await Promise.all([startSandbox({ sets: 6, replicas: 4, namespaces: ['default', 'game'], seed: 3 }), buildKgctl()]);
    dir = mkdtempSync(join(tmpdir(), 'kgctl-test-'));
    kgctl = (args, o = {}) => runKgctlProcess(bin, args, { cwd: dir, ...o, env: { KUBECONFIG: sb.kubeconfigPath, ...o.env } });
  });
  after(async () => {
    await sb.close();
  });

  describe('list', { concurrency: 4 }, () => {
    it('lists every GameServer in all namespaces by default (KUBECONFIG read as kubectl does), exit 0', async () => {
      const r = await kgctl(['-r', 'gameserver']);
      assert.equal(r.code, 0, show(r));
      const items = parse(r, 'list');
      assert.equal(items.length, 24, 'all 24 GameServers');
      assert.deepEqual(new Set(items.map((o) => o.metadata.namespace)), new Set(['default', 'game']), 'both namespaces');
      assert.equal(r.stdout.endsWith(']\n'), true, 'one compact JSON document and a newline');
    });

    it('-f filters, -n limits namespaces (repeatable), -r gss lists sets', async () => {
      const r = await kgctl(['-r', 'gs', '-n', 'game', '-f', byName('lobby')]);
      assert.equal(r.code, 0, show(r));
      assert.deepEqual(
        parse(r, 'filtered')
          .map((o) => o.metadata.name)
          .sort(),
        ['lobby-0', 'lobby-1', 'lobby-2', 'lobby-3'],
      );
      const none = await kgctl(['-r', 'gs', '-n', 'default', '-f', byName('lobby')]);
      assert.deepEqual(parse(none, 'other namespace'), [], 'lobby is not in default: [] (never null)');
      const sets = await kgctl(['-r', 'gss', '-n', 'default', '-n', 'game']);
      assert.equal(sets.code, 0, show(sets));
      assert.equal(parse(sets, 'gss').length, 6, 'six sets');
    });

    it('-p indents with 4 spaces; -o table prints kubectl-like columns', async () => {
      const p = await kgctl(['-r', 'gameserver', '-p', '-f', byName('minecraft')]);
      assert.equal(p.code, 0, show(p));
      assert.match(p.stdout, /^\[\n {4}\{\n {8}"/, '4-space indentation');
      const t = await kgctl(['-r', 'gs', '-o', 'table', '-n', 'game', '-f', byName('racing')]);
      assert.equal(t.code, 0, show(t));
      const lines = t.stdout.trimEnd().split('\n');
      assert.match(lines[0], /^NAMESPACE {3}NAME {6,}STATE {3}OPSSTATE {3}DP {3}UP$/, `header: ${lines[0]}`);
      assert.equal(lines.length, 5, 'a header and four rows');
      assert.match(lines[1], /^game {8}racing-\d +Ready +None +0 +0$/, `row: ${lines[1]}`);
    });

    it("-j '' is list mode, as in kruisegamectl (and -j '' -d deletes)", async () => {
      const r = await kgctl(['-r', 'gs', '-n', 'game', '-f', byName('lobby'), '-j', '']);
      assert.equal(r.code, 0, show(r));
      assert.deepEqual(
        parse(r, "-j ''")
          .map((o) => o.metadata.name)
          .sort(),
        ['lobby-0', 'lobby-1', 'lobby-2', 'lobby-3'],
        'the objects, not results',
      );
      const d = await kgctl(['-r', 'gs', '-f', '{"name":"no-such-server"}', '-j', '', '-d']);
      assert.equal(d.code, 0, show(d));
      assert.deepEqual(parse(d, "-j '' -d"), [], 'delete mode with no match: an empty result list');
    });

    it('wait runs from the bundle: exit 0 and one summary line when the goal already holds', async () => {
      const r = await kgctl(['wait', '-r', 'gs', '-n', 'game', '-f', byName('racing'), '--count', '4', '--timeout', '30s']);
      assert.equal(r.code, 0, show(r));
      assert.match(r.stdout, /^4 GameServers match \(at least 4 wanted, of \d+\), after [\d.]+m?s\n$/, r.stdout);
      assert.equal(r.stderr, '', 'stderr is not a terminal: no progress');
    });

    it('-f @file reads a .kgfilter with comments', async () => {
      const f = join(dir, 'ready.kgfilter');
      writeFileSync(f, '// only the arena servers\n{\n  /* by name */ "name": {"$regex": "^arena-"}\n}\n');
      const r = await kgctl(['-r', 'gs', '-f', '@ready.kgfilter']);
      assert.equal(r.code, 0, show(r));
      assert.equal(parse(r, '@file').length, 4, 'four arena servers');
    });

    it('a filter error exits 1 with file:line:col on stderr, and nothing on stdout', async () => {
      const inline = await kgctl(['-r', 'gs', '-f', '{"nosuchfield": "x"}']);
      assert.equal(inline.code, 1, show(inline));
      assert.match(inline.stderr, /^filter:1:2: error: /m, `inline position: ${inline.stderr}`);
      assert.equal(inline.stdout, '', 'no output');
      const f = join(dir, 'bad.kgfilter');
      writeFileSync(f, '// a comment\n{\n  "opsState": {"$nope": "x"}\n}\n');
      const file = await kgctl(['-r', 'gs', '-f', `@${f}`]);
      assert.equal(file.code, 1, show(file));
      assert.match(file.stderr, new RegExp(`^${f.replace(/[.]/g, '\\.')}:3:\\d+: error: `, 'm'), `file position: ${file.stderr}`);
    });

    it('--input filters a kubectl List offline, from a file or stdin, with no kubeconfig at all', async () => {
      const list = {
        apiVersion: 'v1',
        kind: 'List',
        items: sb.objects('GameServer').map((o) => ({ apiVersion: 'game.kruise.io/v1alpha1', kind: 'GameServer', ...o })),
      };
      const f = join(dir, 'gs.json');
      writeFileSync(f, JSON.stringify(list));
      const none = { KUBECONFIG: '' };
      const r = await kgctl(['-r', 'gs', '--input', f, '-f', byName('pve-world')], { env: none });
      assert.equal(r.code, 0, show(r));
      assert.equal(parse(r, '--input file').length, 4, 'four pve-world servers');
      const s = await kgctl(['-r', 'gs', '--input', '-', '-n', 'default'], { env: none, stdin: JSON.stringify(list) });
      assert.equal(s.code, 0, show(s));
      assert.equal(parse(s, '--input -').length, 12, 'the twelve in default');
      const bad = await kgctl(['-r', 'gs', '--input', '-'], { env: none, stdin: 'not json' });
      assert.equal(bad.code, 1, show(bad));
      assert.match(bad.stderr, /--input stdin is not JSON/, bad.stderr);
    });
  });

  describe('update', { concurrency: 4 }, () => {
    it('-j patches each match: {gs, updatedGs, err: null}, exit 0', async () => {
      const r = await kgctl(['-r', 'gameserver', '-f', byName('minecraft'), '-j', '[{"op":"replace","path":"/spec/opsState","value":"Maintaining"}]']);
      assert.equal(r.code, 0, show(r));
      const results = parse(r, 'update');
      assert.equal(results.length, 4, 'four results');
      for (const x of results) {
        assert.deepEqual(Object.keys(x), ['gs', 'updatedGs', 'err'], 'kruisegamectl keys');
        assert.equal(x.err, null, 'no error');
        assert.equal(x.gs.spec.opsState, 'None', 'gs is the object as matched');
        assert.equal(x.updatedGs.spec.opsState, 'Maintaining', 'updatedGs is the server answer');
      }
      assert.deepEqual(opsOf('default', 'minecraft'), ['Maintaining', 'Maintaining', 'Maintaining', 'Maintaining'], 'the server holds it');
    });

    it('-r gss -j patches each matching set: {gss, updatedGss, err: null}', async () => {
      const r = await kgctl(['-r', 'gss', '-f', '{"name":"arena"}', '-j', '[{"op":"add","path":"/metadata/labels/release","value":"r2"}]']);
      assert.equal(r.code, 0, show(r));
      const results = parse(r, 'gss update');
      assert.equal(results.length, 1, 'the one arena set');
      assert.deepEqual(Object.keys(results[0]), ['gss', 'updatedGss', 'err'], 'kruisegamectl keys for sets');
      assert.equal(results[0].err, null, 'no error');
      assert.equal(results[0].gss.metadata.labels?.release, undefined, 'gss is the set as matched');
      assert.equal(results[0].updatedGss.metadata.labels.release, 'r2', 'updatedGss is the server answer');
    });

    it('-j @file reads a .kgpatch with comments; a patch error exits 1 with line:col', async () => {
      const f = join(dir, 'priority.kgpatch');
      writeFileSync(f, '[\n  // raise the priority\n  {"op": "replace", "path": "/spec/updatePriority", "value": 5}\n]\n');
      const r = await kgctl(['-r', 'gs', '-n', 'game', '-f', byName('pve-world'), '-j', '@priority.kgpatch']);
      assert.equal(r.code, 0, show(r));
      assert.ok(
        parse(r, 'patch file').every((x) => x.updatedGs.spec.updatePriority === 5),
        'priority 5 everywhere',
      );
      const bad = await kgctl(['-r', 'gs', '-f', byName('pve-world'), '-j', '[{"op":"replace","path":"/spec/opsState"}]']);
      assert.equal(bad.code, 1, show(bad));
      assert.match(bad.stderr, /^patch:1:\d+: error: /m, `patch position: ${bad.stderr}`);
      assert.equal(bad.stdout, '', 'nothing printed');
    });

    it('more than --threshold objects, or an empty filter, need --yes; without it nothing changes (exit 1)', async () => {
      const patch = '[{"op":"replace","path":"/spec/opsState","value":"Allocated"}]';
      const many = await kgctl(['-r', 'gs', '-f', byName('battle-royale'), '--threshold', '3', '-j', patch]);
      assert.equal(many.code, 1, show(many));
      assert.match(many.stderr, /would patch 4 GameServers, more than the threshold of 3.*--yes/, many.stderr);
      assert.ok(
        opsOf('default', 'battle-royale').every((s) => s === 'None'),
        'nothing changed without --yes',
      );
      const every = await kgctl(['-r', 'gs', '-j', patch]);
      assert.equal(every.code, 1, show(every));
      assert.match(every.stderr, /the filter is empty, so this would patch every GameServer in all namespaces: 24 GameServers.*--yes/, every.stderr);
      const yes = await kgctl(['-r', 'gs', '-f', byName('battle-royale'), '--threshold', '3', '--yes', '-j', patch]);
      assert.equal(yes.code, 0, show(yes));
      assert.ok(
        opsOf('default', 'battle-royale').every((s) => s === 'Allocated'),
        'changed with --yes',
      );
    });

    it('--dry-run prints a unified diff per object and changes nothing', async () => {
      const before = sb.objects('GameServer', 'game').filter((o) => o.metadata.name.startsWith('racing-'));
      const r = await kgctl(['-r', 'gs', '-f', byName('racing'), '--dry-run', '-j', '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]']);
      assert.equal(r.code, 0, show(r));
      assert.equal((r.stdout.match(/^--- game\/racing-\d \(live\)$/gm) ?? []).length, 4, `a diff per object: ${r.stdout.slice(0, 400)}`);
      assert.match(r.stdout, /^-  opsState: None\n\+  opsState: Kill$/m, 'the change as -/+ lines');
      assert.match(r.stderr, /4 would change.*nothing was changed/, r.stderr);
      const now = sb.objects('GameServer', 'game').filter((o) => o.metadata.name.startsWith('racing-'));
      assert.deepEqual(
        now.map((o) => o.metadata.resourceVersion),
        before.map((o) => o.metadata.resourceVersion),
        'nothing changed',
      );
    });

    it('partial failure: the others are patched, the failed one reported with its reason, exit 2', async () => {
      sb.mutate('GameServer', 'default', 'arena-1', (o) => {
        o.spec.opsState = 'Maintaining';
      });
      const patch = '[{"op":"test","path":"/spec/opsState","value":"None"},{"op":"replace","path":"/spec/opsState","value":"WaitToBeDeleted"}]';
      const r = await kgctl(['-r', 'gs', '-f', byName('arena'), '-j', patch]);
      assert.equal(r.code, 2, show(r));
      const results = parse(r, 'partial');
      const failed = results.filter((x) => x.err !== null);
      assert.deepEqual(
        failed.map((x) => x.gs.metadata.name),
        ['arena-1'],
        'only arena-1 failed',
      );
      assert.deepEqual(Object.keys(failed[0].err), ['ErrStatus', 'message', 'reason', 'code'], "err is kruisegamectl's {ErrStatus} plus message, reason, code");
      assert.equal(failed[0].err.code, 422, 'the server status');
      const status = failed[0].err.ErrStatus;
      assert.deepEqual(
        { kind: status.kind, apiVersion: status.apiVersion, metadata: status.metadata, status: status.status, reason: status.reason, code: status.code },
        { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Invalid', code: 422 },
        'ErrStatus is the Status the server answered',
      );
      assert.match(status.details.causes[0].message, /^testing value \/spec\/opsState failed/, "the server's cause, as sent");
      assert.equal(failed[0].err.reason, 'Invalid', 'reason beside it');
      assert.equal(failed[0].updatedGs, null, 'no updated object for the failure');
      assert.match(r.stderr, /default\/arena-1: .*422/, `stderr names the object: ${r.stderr}`);
      assert.deepEqual(opsOf('default', 'arena').sort(), ['Maintaining', 'WaitToBeDeleted', 'WaitToBeDeleted', 'WaitToBeDeleted'], 'the other three changed');
    });

    it("the viewer's 403: every object fails with a forbidden message naming verb and namespace, exit 2", async () => {
      const r = await kgctl([
        '--context',
        'okg-sandbox-viewer',
        '-r',
        'gs',
        '-n',
        'game',
        '-f',
        byName('lobby'),
        '-j',
        '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]',
      ]);
      assert.equal(r.code, 2, show(r));
      const results = parse(r, 'viewer');
      assert.ok(results.length === 4 && results.every((x) => x.err?.code === 403 && x.err.reason === 'Forbidden'), 'four 403s');
      assert.ok(
        results.every((x) => {
          const s = x.err.ErrStatus;
          return s.code === 403 && s.reason === 'Forbidden' && /cannot patch resource "gameservers"/.test(s.message);
        }),
        `ErrStatus is the server's 403 Status: ${JSON.stringify(results[0].err.ErrStatus)}`,
      );
      assert.match(
        r.stderr,
        /game\/lobby-0: forbidden \(context "okg-sandbox-viewer"\): you may not patch gameservers\.game\.kruise\.io in namespace "game"/,
        r.stderr,
      );
      assert.ok(
        opsOf('game', 'lobby').every((s) => s === 'None'),
        'nothing changed',
      );
    });
  });

  describe('delete', { concurrency: 4 }, () => {
    it('--dry-run -d deletes nothing; -d deletes and prints {gs, err}', async () => {
      const uidsBefore = sb
        .objects('GameServer', 'game')
        .filter((o) => o.metadata.name === 'lobby-3')
        .map((o) => o.metadata.uid);
      const dry = await kgctl(['-r', 'gs', '-d', '--dry-run', '-f', '{"name":"lobby-3"}']);
      assert.equal(dry.code, 0, show(dry));
      assert.equal(dry.stdout, 'would delete game/lobby-3\n');
      const r = await kgctl(['-r', 'gs', '-d', '-f', '{"name":"lobby-3"}', '-p']);
      assert.equal(r.code, 0, show(r));
      const results = parse(r, 'delete');
      assert.equal(results.length, 1, 'one result');
      assert.deepEqual(Object.keys(results[0]), ['gs', 'err'], 'kruisegamectl keys');
      assert.equal(results[0].err, null);
      const uidsAfter = sb
        .objects('GameServer', 'game')
        .filter((o) => o.metadata.name === 'lobby-3')
        .map((o) => o.metadata.uid);
      assert.notDeepEqual(uidsAfter, uidsBefore, 'the object was deleted (OKG recreates it under a new uid)');
    });
  });

  describe('usage and connection errors', { concurrency: 4 }, () => {
    it('a usage error exits 1 with a message on stderr; --help exits 0', async () => {
      const r = await kgctl(['-r', 'gs', '-j', '[]', '-d']);
      assert.equal(r.code, 1, show(r));
      assert.match(r.stderr, /--jsonpatch and --deletion cannot be used together/);
      assert.equal(r.stdout, '', 'nothing on stdout');
      const help = await kgctl(['--help']);
      assert.equal(help.code, 0, show(help));
      assert.match(help.stdout, /^Usage: kgctl/);
    });

    it('a missing kubeconfig, an unknown context or an unreachable server exit 1', async () => {
      const missing = await kgctl(['-r', 'gs', '-k', join(dir, 'nope.yaml')]);
      assert.equal(missing.code, 1, show(missing));
      assert.match(missing.stderr, /nope\.yaml: no such file/);
      const ctx = await kgctl(['-r', 'gs', '--context', 'nope']);
      assert.equal(ctx.code, 1, show(ctx));
      assert.match(ctx.stderr, /no context "nope" in the kubeconfig \(known: okg-sandbox, okg-sandbox-viewer\)/);
      const cfg = join(dir, 'refused.yaml');
      writeFileSync(
        cfg,
        'apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:1"}\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\n',
      );
      const refused = await kgctl(['-r', 'gs', '-k', cfg]);
      assert.equal(refused.code, 1, show(refused));
      assert.match(refused.stderr, /cannot reach the Kubernetes API server at https:\/\/127\.0\.0\.1:1 \(context "c"\)/);
    });
  });

  describe('namespace validation', { concurrency: 4 }, () => {
    it('-n with a value that is not a namespace: exit 1, the value named, nothing sent or changed', async () => {
      const patch = '[{"op":"replace","path":"/spec/updatePriority","value":77}]';
      const bad = ['..', '%2e%2e', 'game/..', 'Game', ' game', 'x'.repeat(64)];
      const runs = await Promise.all(bad.map((ns) => kgctl(['-r', 'gs', '-n', ns, '-f', byName('pve-world'), '-j', patch, '--yes'])));
      for (const [i, r] of runs.entries()) {
        assert.equal(r.code, 1, `-n ${JSON.stringify(bad[i])}: ${show(r)}`);
        assert.ok(r.stderr.includes(`-n/--namespace: ${JSON.stringify(bad[i])} is not a valid namespace`), `names the value: ${r.stderr}`);
        assert.equal(r.stdout, '', 'nothing on stdout');
      }
      assert.deepEqual(
        sb
          .objects('GameServer')
          .filter((o) => o.spec.updatePriority === 77)
          .map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
        [],
        'no GameServer in any namespace was patched',
      );
      assert.deepEqual(
        sb
          .requests()
          .filter((q) => /\.\.|%2e|%2f/i.test(q.path))
          .map((q) => `${q.verb} ${q.path}`),
        [],
        'no request with an escaping path reached the server',
      );
    });
  });
});

// Its own sandbox: the faults it injects would disturb the suites above.
describe('kgctl when answers are lost', () => {
  let sb: Sandbox;
  let bin: string;
  before(async () => {
    [sb, bin] = await Promise.all([startSandbox({ sets: 1, replicas: 2, namespaces: ['default'], seed: 5 }), buildKgctl()]);
  });
  after(async () => {
    await sb.close();
  });

  it('a patch whose answers were all lost, on an object that cannot be read, is "may-have-been-applied", counted apart, exit 2', async () => {
    sb.setFaults({ loseAnswers: { patch: 1 }, loseAnswersBy: 'reset', errors: { get: { status: 503, rate: 1 } } });
    const patch = '[{"op":"replace","path":"/spec/updatePriority","value":9}]';
    const r = await runKgctlProcess(bin, ['-r', 'gs', '-j', patch, '--yes', '-o', 'table'], { env: { KUBECONFIG: sb.kubeconfigPath } });
    sb.setFaults({ loseAnswers: {}, errors: {} });
    assert.equal(r.code, 2, show(r));
    const rows = r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/).slice(0, 3).join(' '));
    assert.deepEqual(rows, ['default minecraft-0 may-have-been-applied', 'default minecraft-1 may-have-been-applied'], r.stdout);
    assert.match(
      r.stderr,
      /default\/minecraft-0: the answer was lost \(.*\), so the patch may have been applied; check the object before running again/,
      r.stderr,
    );
    assert.match(r.stderr, /kgctl: 2 of 2 GameServers may have been patched \(the answer was lost\); check them before running again/, r.stderr);
    assert.doesNotMatch(r.stderr, /were not patched/, 'not counted as failures');
    assert.ok(
      sb.objects('GameServer').every((o) => o.spec.updatePriority === 9),
      'the writes did land, once',
    );
  });
});
