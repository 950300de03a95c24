// kgctl as one executable (scripts/package-kgctl.mjs), built from the current sources into a temp
// folder and run where no node can be found: an empty environment, a PATH without node, and as a
// kubectl plugin with only kubectl and the binary on PATH.
// Not in test:fast: packaging copies and injects the node binary (about 25 s); npm test runs it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { usage } from '../../client/src/cli/args';
import { startSandbox, type Sandbox } from '../sandbox';
import type { Run } from './kgctl-run';

const ROOT = resolve(__dirname, '..', '..');

/** Runs a file with exactly the environment given (nothing inherited), asynchronously: the sandbox answers from this process. */
function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeout = 60_000): Promise<Run> {
  return new Promise((done, reject) => {
    const child = execFile(file, args, { env, cwd: tmpdir(), timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') {
        reject(new Error(`${file} ${args.join(' ')} did not run or was killed: ${err.message}; stderr: ${stderr.slice(0, 500)}`));
        return;
      }
      done({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

function show(r: Run): string {
  return `exit ${r.code}; stderr: ${r.stderr.trim().slice(0, 500)}`;
}

/** Debian's kubectl, as scripts/setup-kubectl.mjs provides it (quick once cached). */
function debianKubectl(): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'setup-kubectl.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/setup-kubectl.mjs could not provide Debian's kubectl (exit ${r.status}):\n${r.stderr}`);
  return r.stdout.trim();
}

function firstBytes(file: string, n: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(n);
    readSync(fd, b, 0, n, 0);
    return b;
  } finally {
    closeSync(fd);
  }
}

describe('kgctl as a single executable', { concurrency: 3 }, () => {
  let sb: Sandbox;
  let out: string;
  let bin: string;
  let home: string;
  let pluginPath: string;

  before(
    async () => {
      out = mkdtempSync(join(tmpdir(), 'kgctl-sea-'));
      home = mkdtempSync(join(tmpdir(), 'kgctl-sea-home-'));
      // A PATH holding only kubectl (a link to Debian's) and the binaries: no node anywhere on it.
      pluginPath = mkdtempSync(join(tmpdir(), 'kgctl-sea-path-'));
      symlinkSync(debianKubectl(), join(pluginPath, 'kubectl'));
      // 3 sets of 4 in default (minecraft, battle-royale, arena), 3 in game (pve-world, lobby, racing).
      const [built, sandbox] = await Promise.all([
        run(process.execPath, [join(ROOT, 'scripts', 'package-kgctl.mjs'), '--out', out], { PATH: process.env.PATH, HOME: home }, 300_000),
        startSandbox({ sets: 6, replicas: 4, namespaces: ['default', 'game'], seed: 5 }),
      ]);
      sb = sandbox;
      assert.equal(built.code, 0, `scripts/package-kgctl.mjs failed: ${show(built)}`);
      bin = join(out, 'kgctl');
      assert.equal(built.stdout.trim(), bin, 'the script prints the binary it built');
    },
    { timeout: 300_000 },
  );

  after(async () => {
    await sb?.close();
    for (const d of [out, home, pluginPath]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('is a native executable, not a script for node, and kubectl-kgctl is the same file', () => {
    assert.deepEqual([...firstBytes(bin, 4)], [0x7f, 0x45, 0x4c, 0x46], 'kgctl starts with the ELF magic');
    const a = statSync(bin);
    const b = statSync(join(out, 'kubectl-kgctl'));
    assert.ok(a.mode & 0o111, 'kgctl is executable');
    assert.equal(b.ino === a.ino || b.size === a.size, true, 'kubectl-kgctl is a hard link to (or a copy of) kgctl');
  });

  it('--help with an empty environment (no PATH, no HOME): exit 0, the usage from the current sources, nothing on stderr', async () => {
    const r = await run(bin, ['--help'], {});
    assert.equal(r.code, 0, show(r));
    assert.equal(r.stdout, usage(), 'the usage text of client/src/cli/args.ts');
    assert.equal(r.stderr, '', 'no SEA warning (experimental, or require() of a non-built-in) and no error');
  });

  it('speaks Chinese under LANG=zh_CN.UTF-8: the translations are inside the binary', async () => {
    const r = await run(bin, ['-r', 'pod'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(r.code, 1, show(r));
    assert.match(r.stderr, /^kgctl: 资源类型必须是 gameserver 或 gameserverset/, 'the usage error in Chinese');
  });

  it('lists GameServers from the sandbox with -k, PATH without node', async () => {
    const r = await run(bin, ['-r', 'gs', '-k', sb.kubeconfigPath, '-n', 'game', '-f', '{"name":{"$regex":"^lobby-"}}'], { PATH: '/nonexistent', HOME: home });
    assert.equal(r.code, 0, show(r));
    assert.equal(r.stderr, '', 'nothing on stderr');
    const names = (JSON.parse(r.stdout) as any[]).map((o) => o.metadata.name).sort();
    assert.deepEqual(names, ['lobby-0', 'lobby-1', 'lobby-2', 'lobby-3'], 'the four lobby GameServers');
  });

  it('patches with --dry-run: a diff per object, and the sandbox is left unchanged', async () => {
    const patch = '[{"op":"replace","path":"/spec/opsState","value":"Maintaining"}]';
    const r = await run(bin, ['-r', 'gs', '-k', sb.kubeconfigPath, '-n', 'default', '-f', '{"name":{"$regex":"^arena-"}}', '-j', patch, '--dry-run'], {});
    assert.equal(r.code, 0, show(r));
    assert.equal((r.stdout.match(/^\+ +opsState: Maintaining$/gm) ?? []).length, 4, `one changed opsState per arena GameServer:\n${r.stdout.slice(0, 800)}`);
    const ops = sb
      .objects('GameServer', 'default')
      .filter((o) => o.metadata.name.startsWith('arena-'))
      .map((o) => o.spec.opsState);
    assert.deepEqual(ops, ['None', 'None', 'None', 'None'], 'a dry run writes nothing');
  });

  it('runs as `kubectl kgctl` from kubectl-kgctl on PATH, exit status passed through', async () => {
    const env = { PATH: `${pluginPath}:${out}`, HOME: home };
    const list = await run('kubectl', ['plugin', 'list'], env);
    assert.match(list.stdout, /kubectl-kgctl$/m, `kubectl plugin list finds it: ${list.stdout}${list.stderr}`);
    const r = await run('kubectl', ['kgctl', '-r', 'gss', '-k', sb.kubeconfigPath, '-o', 'table'], env);
    assert.equal(r.code, 0, show(r));
    const rows = r.stdout.trimEnd().split('\n');
    assert.match(rows[0], /^NAMESPACE +NAME +DESIRED/, `the table's header: ${rows[0]}`);
    assert.equal(rows.length, 7, `a header and six GameServerSets:\n${r.stdout}`);
    const bad = await run('kubectl', ['kgctl', '-r', 'nope'], env);
    assert.equal(bad.code, 1, `a usage error exits 1 through kubectl: ${show(bad)}`);
    assert.match(bad.stderr, /^kgctl: .*nope/m, 'kgctl names the bad kind');
  });
});
