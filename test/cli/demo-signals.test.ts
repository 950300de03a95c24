// `npm run demo` stops when a signal is sent to the npm process alone (not to its process group,
// as a terminal's Ctrl-C would): npm forwards SIGINT and SIGTERM to the demo, which stops the VS
// Code server's process group and the sandbox. Every process under npm is then gone and the
// --port it listened on is free. Uses the VS Code that test/e2e/install-vscode.mjs installs.
// Not in test:fast: it needs VS Code (and root to install it); npm test runs it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join, resolve } from 'node:path';
import { eventually, until } from '../wait';

const ROOT = resolve(__dirname, '..', '..');
/** Starting VS Code's server on a loaded 2-core machine takes seconds; an install takes minutes. */
const READY_MS = 180_000;
/** The demo's stop: SIGTERM to the server's group, at most 5 s for it to go, then SIGKILL. */
const GONE_MS = 20_000;

interface Proc {
  pid: number;
  ppid: number;
  pgid: number;
  /** 'Z' for a zombie: finished, only its parent has not read its status. */
  state: string;
  cmd: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses.
      const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      out.push({ pid: Number(name), ppid: Number(ppid), pgid: Number(pgid), state, cmd });
    } catch {
      // It ended while we read.
    }
  }
  return out;
}

/** Every live process under `root`, and every process in a group one of them leads (whoever its parent is now). */
function tree(root: number): Proc[] {
  const all = processes().filter((p) => p.state !== 'Z');
  const found = new Map<number, Proc>();
  const add = (p: Proc) => {
    if (found.has(p.pid)) return;
    found.set(p.pid, p);
    for (const c of all) if (c.ppid === p.pid || (c.pgid === p.pid && c.pid !== p.pid)) add(c);
  };
  const top = all.find((p) => p.pid === root);
  if (top) add(top);
  return [...found.values()];
}

function alive(pids: number[]): Proc[] {
  const live = processes().filter((p) => p.state !== 'Z');
  return live.filter((p) => pids.includes(p.pid));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** A port free now, from the OS. */
function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

interface Demo {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Demo[] = [];

function startDemo(args: string[]): Demo {
  // Its own process group, so that a failed test can end everything it started (see after()).
  const npm = spawn('npm', ['run', 'demo', '--', '--no-build', '--sets', '1', '--replicas', '2', '--churn', '0', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  npm.stdout!.on('data', (c) => (text += c));
  npm.stderr!.on('data', (c) => (text += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => npm.on('exit', (code, signal) => done({ code, signal })));
  const demo = { npm, output: () => text, exited };
  started.push(demo);
  return demo;
}

/** What `p` resolves to, or undefined after `ms`. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)));
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

const describeProcs = (ps: Proc[]) => ps.map((p) => `${p.pid} ${p.cmd.slice(0, 120)}`).join('\n  ');

/** Starts the demo on `port`, waits for `ready`, sends `signal` to npm alone, and checks that everything is gone. */
async function stopsOn(signal: NodeJS.Signals, port: number, ready: (d: Demo) => boolean, readyWhat: string, goneMs = GONE_MS): Promise<void> {
  const demo = startDemo(['--port', String(port)]);
  const npmPid = demo.npm.pid!;
  await until(`${readyWhat}; output so far:\n${demo.output()}`, () => ready(demo) || demo.npm.exitCode !== null, READY_MS);
  assert.equal(demo.npm.exitCode, null, `the demo ended before ${readyWhat}:\n${demo.output()}`);
  const before = tree(npmPid);
  assert.ok(
    before.some((p) => p.cmd.includes('server-main.js')),
    `no VS Code server under npm:\n  ${describeProcs(before)}`,
  );
  assert.ok(
    before.some((p) => p.cmd.includes('scripts/demo.mjs')),
    `no demo process under npm:\n  ${describeProcs(before)}`,
  );

  const sent = Date.now();
  process.kill(npmPid, signal);
  const exit = await within(demo.exited, goneMs);
  const running = () => describeProcs(alive(before.map((p) => p.pid)));
  assert.ok(exit, `npm did not exit within ${goneMs / 1000} s of ${signal}; still running:\n  ${running()}\n${demo.output()}`);
  assert.deepEqual(exit, { code: 0, signal: null }, `npm's exit after ${signal}:\n${demo.output()}`);
  const left = await eventually(() => describeProcs(alive(before.map((p) => p.pid))), Math.max(0, goneMs - (Date.now() - sent)));
  assert.equal(left, '', `processes left ${((Date.now() - sent) / 1000).toFixed(1)} s after ${signal} to npm`);
  assert.ok(await portIsFree(port), `port ${port} is still taken after ${signal} to npm`);
  assert.match(demo.output(), /demo: stopping/, 'the demo did not say it was stopping');
}

describe('npm run demo and signals', () => {
  before(
    () => {
      const install = spawnSync(process.execPath, [join(ROOT, 'test', 'e2e', 'install-vscode.mjs')], { cwd: ROOT, encoding: 'utf8' });
      if (install.status !== 0) throw new Error(`test/e2e/install-vscode.mjs failed (exit ${install.status}):\n${install.stdout}\n${install.stderr}`);
      // The demo runs with --no-build; a fresh checkout has no dist/ yet.
      if (!existsSync(join(ROOT, 'dist', 'extension.js')) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
        const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
        if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
      }
    },
    { timeout: 15 * 60_000 },
  );

  after(() => {
    // Only after a failure is anything still running: end the groups this file started, never its own.
    const own = processes().find((p) => p.pid === process.pid)?.pgid;
    for (const demo of started) {
      for (const p of tree(demo.npm.pid!)) {
        if (p.pgid === own) continue;
        try {
          process.kill(-p.pgid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });

  it('SIGINT to npm stops the demo: every process under it ends and its --port is free', { timeout: READY_MS + 2 * GONE_MS }, async () => {
    const port = await freePort();
    await stopsOn('SIGINT', port, (d) => d.output().includes('demo: ready'), 'the demo to print "demo: ready"');
  });

  it('SIGTERM to npm does the same', { timeout: READY_MS + 2 * GONE_MS }, async () => {
    const port = await freePort();
    await stopsOn('SIGTERM', port, (d) => d.output().includes('demo: ready'), 'the demo to print "demo: ready"');
  });

  it('a SIGINT while the VS Code server is still starting stops it too, once it has started', { timeout: 2 * READY_MS }, async () => {
    const port = await freePort();
    const serverStarted = (d: Demo) => tree(d.npm.pid!).some((p) => p.cmd.includes('server-main.js'));
    // The demo lets the server finish starting (up to its 60 s limit) before it stops it.
    await stopsOn('SIGINT', port, serverStarted, 'the VS Code server process to appear', 60_000 + GONE_MS);
  });

  it('honours --port: the workbench address and the listening socket use it; a taken one is refused at once', { timeout: READY_MS + 2 * GONE_MS }, async () => {
    const port = await freePort();
    const demo = startDemo(['--port', String(port)]);
    await until(`"demo: ready"; output so far:\n${demo.output()}`, () => demo.output().includes('demo: ready') || demo.npm.exitCode !== null, READY_MS);
    assert.match(demo.output(), new RegExp(`http://127\\.0\\.0\\.1:${port}/\\?folder=`), `the address printed is not on port ${port}:\n${demo.output()}`);
    assert.ok(await accepts(port), `nothing accepts connections on 127.0.0.1:${port}`);

    const second = startDemo(['--port', String(port)]);
    const exit = await within(second.exited, 60_000);
    assert.deepEqual(exit, { code: 1, signal: null }, `a second demo on the same port should exit 1 at once:\n${second.output()}`);
    assert.match(second.output(), new RegExp(`port ${port} is in use`), `the refusal does not name the port:\n${second.output()}`);

    process.kill(demo.npm.pid!, 'SIGINT');
    await demo.exited;
  });
});
