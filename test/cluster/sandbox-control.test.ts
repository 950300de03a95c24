// Setting the sandbox's faults from outside: the control endpoint (startSandboxControl) and the
// flags of `npm run sandbox` (test/sandbox/main.ts, bundled once here), which also serves the endpoint with --control.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ClusterClient, ClusterFailure } from '../../client/src/cluster/api';
import { kubeConfigFor, loadKubeConfig } from '../../client/src/cluster/kubeconfig';
import { startSandbox, startSandboxControl, type Sandbox, type SandboxControl } from '../sandbox/index';
import { call, openWatch } from '../sandbox/client';
import { until } from '../wait';
import { bundle } from '../bundle';

const ROOT = resolve(__dirname, '..', '..');
const GS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameservers';
const MERGE_PATCH = 'application/merge-patch+json';

async function control(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: res.status, json: await res.json() };
}

describe('sandbox control endpoint', () => {
  let sb: Sandbox;
  let ctl: SandboxControl;
  before(async () => {
    sb = await startSandbox({ sets: 1, replicas: 3, namespaces: ['default'], seed: 9 });
    ctl = await startSandboxControl(sb);
  });
  after(async () => {
    await ctl.close();
    await sb.close();
  });

  it('is served on loopback', () => {
    assert.match(ctl.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('POST /faults changes the faults in force, GET /faults reports them', async () => {
    const set = await control(ctl.url, 'POST', '/faults', { errors: { patch: { status: 503, rate: 1 } }, loseAnswers: { delete: 0.5 } });
    assert.equal(set.status, 200);
    assert.deepEqual(set.json, sb.faults(), 'the answer is the settings in force');
    assert.deepEqual(sb.faults().errors, { patch: { status: 503, rate: 1 } });
    const refused = await call(sb, 'PATCH', `${GS}/minecraft-0`, { body: { spec: { updatePriority: 1 } }, contentType: MERGE_PATCH });
    assert.equal(refused.status, 503, 'the injected error is in force');
    await control(ctl.url, 'POST', '/faults', { errors: {}, loseAnswers: {} });
    const fine = await call(sb, 'PATCH', `${GS}/minecraft-0`, { body: { spec: { updatePriority: 1 } }, contentType: MERGE_PATCH });
    assert.equal(fine.status, 200, 'cleared');
    assert.deepEqual((await control(ctl.url, 'GET', '/faults')).json, sb.faults());
  });

  it('refuses bad settings with a 400 that names them, and changes nothing', async () => {
    const before = sb.faults();
    const bad = await control(ctl.url, 'POST', '/faults', { latencyMs: -5, errors: { patch: { status: 502, rate: 0.1 } }, bogus: 1 });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error, /\/latencyMs must be >= 0/);
    assert.match(bad.json.error, /\/errors\/patch\/status must be one of 500, 503, 429/);
    assert.match(bad.json.error, /unknown setting "bogus"/);
    assert.equal((await control(ctl.url, 'POST', '/faults', '{not json')).status, 400, 'a body that is not JSON');
    assert.deepEqual(sb.faults(), before, 'nothing changed');
  });

  it('POST /drop-watches cuts open watches; POST /expire-history makes older versions 410 Gone', async () => {
    const rv = (await call(sb, 'GET', GS)).json.metadata.resourceVersion;
    const w = openWatch(sb, `${GS}?watch=true&resourceVersion=${rv}`);
    await until('the watch to open', () => sb.openWatches() > 0, 2000);
    assert.equal((await control(ctl.url, 'POST', '/drop-watches')).status, 200);
    assert.equal((await w.ended).how, 'error', 'the watch was cut');
    sb.mutate('GameServer', 'default', 'minecraft-1', (o) => {
      o.spec.updatePriority = 3;
    });
    assert.equal((await control(ctl.url, 'POST', '/expire-history')).status, 200);
    const old = openWatch(sb, `${GS}?watch=true&resourceVersion=${rv}`);
    const { events } = await old.ended;
    assert.equal(events[0]?.type, 'ERROR');
    assert.equal(events[0]?.object.code, 410, 'an older resourceVersion is gone');
  });

  it('GET /objects, POST /mutate and GET /requests inspect and change the state', async () => {
    const objects = await control(ctl.url, 'GET', '/objects?kind=GameServer&namespace=default');
    assert.deepEqual(objects.json.map((o: any) => o.metadata.name).sort(), ['minecraft-0', 'minecraft-1', 'minecraft-2']);
    const mutated = await control(ctl.url, 'POST', '/mutate', {
      kind: 'GameServer',
      namespace: 'default',
      name: 'minecraft-2',
      ops: [{ op: 'replace', path: '/status/currentState', value: 'NotReady' }],
    });
    assert.equal(mutated.status, 200);
    assert.equal(mutated.json.status.currentState, 'NotReady');
    assert.equal(sb.objects('GameServer', 'default').find((o) => o.metadata.name === 'minecraft-2').status.currentState, 'NotReady');
    assert.equal(
      (await control(ctl.url, 'POST', '/mutate', { kind: 'GameServer', namespace: 'default', name: 'nope', ops: [] })).status,
      400,
      'an unknown object',
    );
    assert.equal((await control(ctl.url, 'GET', '/objects?kind=Pod')).status, 400, 'an unknown kind');
    const log = await control(ctl.url, 'GET', '/requests');
    assert.ok(
      log.json.some((r: any) => r.verb === 'patch' && r.path === `${GS}/minecraft-0` && r.status === 503),
      'the log holds the injected 503',
    );
    assert.equal((await control(ctl.url, 'GET', '/nowhere')).status, 400, 'an unknown route');
  });

  it('POST /faults {blackhole} silences the API; POST /suspend and POST /resume take it away and back on the same port', async () => {
    assert.equal((await control(ctl.url, 'POST', '/faults', { blackhole: true })).json.blackhole, true);
    await assert.rejects(call(sb, 'GET', GS, { timeoutMs: 200 }), /no answer in 200 ms/, 'the black hole answers nothing');
    assert.equal((await control(ctl.url, 'POST', '/faults', { blackhole: false })).json.blackhole, false);
    assert.equal((await call(sb, 'GET', GS)).status, 200, 'served once the black hole is off');
    assert.equal((await control(ctl.url, 'POST', '/faults', { blackhole: 'yes' })).status, 400, 'blackhole is a boolean');

    assert.equal((await control(ctl.url, 'POST', '/suspend')).status, 200);
    await assert.rejects(call(sb, 'GET', GS, { fresh: true }), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED', 'refused while suspended');
    assert.equal((await control(ctl.url, 'POST', '/resume')).status, 200);
    assert.equal((await call(sb, 'GET', GS)).status, 200, 'served again after resume');
  });
});

interface Cli {
  child: ChildProcess;
  stdout(): string;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** `npm run sandbox`'s entry, bundled once for the file: eight starts through tsx would cost about 2 s of CPU each. */
let entry: Promise<string> | undefined;

/** Runs `npm run sandbox`'s entry with `args`. */
async function startCli(args: string[]): Promise<Cli> {
  entry ??= bundle('test/sandbox/main.ts', { importMetaUrlOf: 'test/sandbox/index.ts' });
  const child = spawn(process.execPath, [await entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; stderr: string }>((r) => child.on('exit', (code) => r({ code, stderr: err })));
  return { child, stdout: () => out, exited };
}

/** The lines the sandbox printed once it is up (its last line is the kubectl hint). */
async function whenUp(cli: Cli): Promise<string[]> {
  let exit: { code: number | null; stderr: string } | undefined;
  void cli.exited.then((e) => (exit = e));
  await until('the sandbox to print its addresses', () => exit !== undefined || /^try: kubectl/m.test(cli.stdout()), 30_000);
  if (exit) throw new Error(`the sandbox exited (${exit.code}) before it was up: ${exit.stderr}`);
  return cli.stdout().split('\n');
}

const printed = (lines: string[], label: string) => lines.find((l) => l.startsWith(`${label}: `))?.slice(label.length + 2);

describe('npm run sandbox: fault flags and --control', () => {
  let cli: Cli;
  let lines: string[];
  before(async () => {
    cli = await startCli([
      '--sets',
      '1',
      '--replicas',
      '2',
      '--seed',
      '4',
      '--latency',
      '120',
      '--error',
      'list=429:1:2',
      '--error',
      'patch=500:0.25',
      '--conflict-rate',
      '0.1',
      '--drop-watches-after',
      '5000',
      '--lose-answers',
      'delete=0.5',
      '--lose-answers-by',
      'silence',
      '--control',
      '0',
    ]);
    lines = await whenUp(cli);
  });
  after(async () => {
    if (cli.child.exitCode === null) {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });

  it('starts with the faults given as flags, and prints the control address', async () => {
    const ctl = printed(lines, 'control');
    assert.match(ctl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/, `a control address in:\n${lines.join('\n')}`);
    const faults = await control(ctl!, 'GET', '/faults');
    assert.deepEqual(faults.json, {
      latencyMs: 120,
      errors: { list: { status: 429, rate: 1, retryAfterSeconds: 2 }, patch: { status: 500, rate: 0.25 } },
      conflictRate: 0.1,
      dropWatchesAfterMs: 5000,
      loseAnswers: { delete: 0.5 },
      loseAnswersBy: 'silence',
    });
  });

  it('the API server applies them, and the control endpoint changes them while it runs', async () => {
    const loaded = loadKubeConfig({ kubeconfig: printed(lines, 'kubeconfig') });
    assert.ok(loaded.ok, 'the printed kubeconfig loads');
    const kc = kubeConfigFor(loaded.config, 'okg-sandbox');
    assert.ok(kc.ok, 'it has the sandbox context');
    const client = new ClusterClient(kc.kc);
    try {
      const t0 = Date.now();
      const throttled = await client.listPage('GameServer', 'default').then(
        () => undefined,
        (e: unknown) => (e instanceof ClusterFailure ? e.error : undefined),
      );
      assert.equal(throttled?.code, 'throttled', 'the injected 429 from the flags');
      assert.equal(throttled?.retryAfterMs, 2000, 'with its Retry-After');
      assert.ok(Date.now() - t0 >= 110, 'and the latency from the flags');
      await control(printed(lines, 'control')!, 'POST', '/faults', { latencyMs: 0, errors: {} });
      const page = await client.listPage('GameServer', 'default');
      assert.deepEqual(page.items.map((o) => o.metadata.name).sort(), ['minecraft-0', 'minecraft-1'], 'listing works once the error is cleared');
    } finally {
      client.dispose();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    cli.child.kill('SIGTERM');
    assert.equal((await cli.exited).code, 0);
  });
});

// Each case is a process of its own, so they run at the same time.
describe('npm run sandbox: bad fault flags', { concurrency: true }, () => {
  for (const [args, message] of [
    [['--error', 'patch=5x'], /--error: expected VERB=STATUS:RATE\[:RETRY_AFTER_S\], got "patch=5x"/],
    [['--error', 'patch=502:0.1'], /\/errors\/patch\/status must be one of 500, 503, 429/],
    [['--lose-answers', 'watch=0.5'], /\/loseAnswers: unknown key "watch"/],
    [['--latency', 'soon'], /--latency: "soon" is not a number/],
    [['--replicas', '2.5'], /--replicas must be a whole number from 0 to \d+, got "2.5"/],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535, got "70000"/],
  ] as const) {
    it(`${args.join(' ')} is refused with a message and exit 1`, async () => {
      const { exited } = await startCli([...args]);
      const { code, stderr } = await exited;
      assert.equal(code, 1, `exit code; stderr: ${stderr}`);
      assert.match(stderr, message);
      assert.match(stderr, /^usage: npm run sandbox/m, 'with the usage');
    });
  }
});

describe('npm run sandbox --help', () => {
  it('prints the usage with every fault flag on stdout and exits 0 without starting', async () => {
    const cli = await startCli(['--help']);
    const { code, stderr } = await cli.exited;
    assert.equal(code, 0, `exit code; stderr: ${stderr}`);
    for (const flag of ['--sets', '--control', '--latency', '--error', '--conflict-rate', '--drop-watches-after', '--lose-answers', '--blackhole']) {
      assert.ok(cli.stdout().includes(flag), `the usage does not mention ${flag}: ${cli.stdout()}`);
    }
    assert.doesNotMatch(cli.stdout(), /^try: kubectl/m, 'the sandbox started');
  });
});
