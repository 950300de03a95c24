// The sandbox's pods, pod logs and events, driven by real kubectls (Debian's kubernetes-client, and
// the kubectl on PATH when it is another version) and by plain requests for what kubectl hides.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:https';
import { call } from '../sandbox/client';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { RING_SIZE } from '../sandbox/events';
import { until } from '../wait';
import { kubectls, type Run } from './kubectls';

const rows = (table: string) =>
  table
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/));

function withKubectl(bin: string, title: string): void {
  describe(title, () => {
    let sb: Sandbox;
    let cacheDir: string;

    before(async () => {
      // minecraft in "default" and pve-world in "game", 3 GameServers each.
      sb = await startSandbox({ sets: 2, replicas: 3, namespaces: ['default', 'game'], seed: 3 });
      cacheDir = mkdtempSync(join(tmpdir(), 'okg-kubectl-cache-'));
    });

    after(async () => {
      await sb.close();
      rmSync(cacheDir, { recursive: true, force: true });
    });

    const args = (...a: string[]) => ['--kubeconfig', sb.kubeconfigPath, '--cache-dir', cacheDir, ...a];

    function kubectl(...a: string[]): Promise<Run> {
      return new Promise((done, fail) => {
        execFile(bin, args(...a), { timeout: 20_000 }, (err, stdout, stderr) => {
          if (err && typeof err.code !== 'number') fail(new Error(`${bin} ${a.join(' ')} did not run (${err.message})`));
          else done({ code: err ? Number(err.code) : 0, stdout, stderr });
        });
      });
    }

    async function ok(...a: string[]): Promise<string> {
      const r = await kubectl(...a);
      assert.equal(r.code, 0, `kubectl ${a.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    }

    it('get pods lists the pod of each GameServer, ready and running', async () => {
      const out = await ok('get', 'pods');
      assert.deepEqual(out.split('\n')[0]!.trim().split(/\s+/), ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
      assert.deepEqual(
        rows(out).map((r) => r.slice(0, 4)),
        [
          ['minecraft-0', '2/2', 'Running', '0'],
          ['minecraft-1', '2/2', 'Running', '0'],
          ['minecraft-2', '2/2', 'Running', '0'],
        ],
      );
      const pod = JSON.parse(await ok('get', 'pod', 'pve-world-1', '-n', 'game', '-o', 'json'));
      assert.deepEqual(
        pod.spec.containers.map((c: any) => c.name),
        ['pve-world', 'log-agent'],
        'the template containers',
      );
      assert.equal(pod.metadata.labels['game.kruise.io/owner-gss'], 'pve-world');
      assert.equal(pod.metadata.labels.app, 'pve-world', 'the template labels');
      const selected = await ok('get', 'pods', '-A', '-l', 'game.kruise.io/owner-gss=pve-world', '-o', 'name');
      assert.deepEqual(selected.trim().split('\n'), ['pod/pve-world-0', 'pod/pve-world-1', 'pod/pve-world-2']);
    });

    it('logs -c and --tail print the last lines of one container', async () => {
      const out = await ok('logs', 'minecraft-0', '-c', 'minecraft', '--tail', '3');
      const lines = out.trim().split('\n');
      assert.equal(lines.length, 3, `three lines, got:\n${out}`);
      for (const l of lines) assert.match(l, /^level=info msg="(heartbeat|starting game server|listening|registered with OKG[^"]*)"/);
      const whole = await ok('logs', 'minecraft-0', '-c', 'minecraft');
      assert.match(whole.split('\n')[0]!, /msg="starting game server" pod=minecraft-0 image=registry.example.com\/games\/minecraft:1.0.0/);
      const agent = await ok('logs', 'minecraft-0', '-c', 'log-agent', '--tail', '1', '--timestamps');
      assert.match(agent.trim(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z level=info msg="/, 'a timestamp before the line');
    });

    it('logs without -c on a two-container pod: the API server asks for a name, a newer kubectl picks the first', async () => {
      const r = await kubectl('logs', 'minecraft-0', '--tail', '1');
      const refused = /a container name must be specified for pod minecraft-0, choose one of: \[minecraft log-agent\]/.test(r.stderr);
      // The game container's last line: a start-up line in the pod's first second, a heartbeat after.
      const defaulted =
        r.code === 0 &&
        /Defaulted container "minecraft"/.test(r.stderr) &&
        /^level=info msg="(heartbeat|starting game server|listening|registered with OKG[^"]*)"/.test(r.stdout);
      assert.ok(refused || defaulted, `neither the API server's refusal nor kubectl's default: exit ${r.code}\n${r.stdout}${r.stderr}`);
    });

    it('logs -f receives a new line and a state change, and ends when killed', async () => {
      const child = spawn(bin, args('logs', '-f', 'minecraft-1', '-c', 'minecraft', '--tail', '1'));
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const exited = new Promise<void>((done) => child.on('exit', () => done()));
      try {
        await until('the last line before following', () => out.split('\n').filter(Boolean).length >= 1, 15_000);
        await until('a new heartbeat line', () => out.split('\n').filter((l) => l.includes('heartbeat')).length >= 2, 15_000);
        sb.mutate('GameServer', 'default', 'minecraft-1', (o) => (o.status.currentState = 'NotReady'));
        await until('the state change line', () => out.includes('msg="state changed" from=Ready to=NotReady'), 15_000);
      } finally {
        child.kill();
      }
      await exited;
      // The request log records a request when its connection closes.
      await until(
        'the server to see the followed stream close',
        () => sb.requests().some((q) => q.path === '/api/v1/namespaces/default/pods/minecraft-1/log'),
        15_000,
      );
    });

    it("get events --field-selector shows the GameServer's events", async () => {
      sb.mutate('GameServer', 'default', 'minecraft-2', (o) => (o.spec.opsState = 'Maintaining'));
      const out = await ok('get', 'events', '--field-selector', 'involvedObject.name=minecraft-2');
      assert.deepEqual(out.split('\n')[0]!.trim().split(/\s+/), ['LAST', 'SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
      assert.match(out, /Warning\s+GsStateChanged\s+gameserver\/minecraft-2\s+OpsState turn from None to Maintaining/);
      assert.doesNotMatch(out, /minecraft-1/, 'only the selected object');
      const scaled = await ok('scale', 'gss', 'minecraft', '--replicas', '4');
      assert.match(scaled, /scaled/);
      const all = await ok('get', 'events', '-A');
      assert.match(all, /Normal\s+Scale\s+gameserverset\/minecraft\s+scale from 3 to 4/);
      assert.match(all, /Normal\s+Scheduled\s+pod\/minecraft-3\s+Successfully assigned default\/minecraft-3/);
      assert.match(all, /Normal\s+Started\s+pod\/minecraft-3\s+Started container minecraft/);
    });
  });
}

for (const { kubectl, name } of kubectls()) withKubectl(kubectl, `pods, logs and events with ${name}`);

describe('pods, logs and events through the API', () => {
  let sb: Sandbox;

  before(async () => {
    sb = await startSandbox({ sets: 1, replicas: 2, namespaces: ['default'], seed: 5, startupMs: 60_000 });
  });

  after(() => sb.close());

  it('answers a pod log request without a container on a two-container pod with 400 naming the containers', async () => {
    const r = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-0/log');
    assert.equal(r.status, 400);
    assert.equal(r.json?.kind, 'Status', 'a Kubernetes Status');
    assert.equal(r.json.message, 'a container name must be specified for pod minecraft-0, choose one of: [minecraft log-agent]');
  });

  it('answers 404 for an unknown pod, 400 for an unknown container or a previous that never ran', async () => {
    const missing = await call(sb, 'GET', '/api/v1/namespaces/default/pods/nope-0/log?container=x');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.message, 'pods "nope-0" not found');
    const wrong = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-0/log?container=x');
    assert.equal(wrong.status, 400);
    assert.equal(wrong.json.message, 'container x is not valid for pod minecraft-0');
    const previous = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-0/log?container=minecraft&previous=true');
    assert.equal(previous.status, 400);
    assert.equal(previous.json.message, 'previous terminated container "minecraft" in pod "minecraft-0" not found');
  });

  it('serves the log as text with tailLines, and previous after an in-place restart', async () => {
    const r = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-1/log?container=minecraft&tailLines=2');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/plain/);
    assert.equal(r.text.trim().split('\n').length, 2, r.text);
    const image = 'registry.example.com/games/minecraft:9.9.9';
    const patched = await call(sb, 'PATCH', '/apis/game.kruise.io/v1alpha1/namespaces/default/gameservers/minecraft-1', {
      body: [{ op: 'add', path: '/spec/containers', value: [{ name: 'minecraft', image }] }],
      contentType: 'application/json-patch+json',
    });
    assert.equal(patched.status, 200, patched.text);
    const prev = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-1/log?container=minecraft&previous=true');
    assert.equal(prev.status, 200, prev.text);
    assert.match(prev.text, /received SIGTERM, shutting down/, 'the previous run ends with its shutdown');
    const pod = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-1');
    assert.equal(pod.json.spec.containers[0].image, image, 'the pod runs the override');
    assert.equal(pod.json.status.containerStatuses[0].restartCount, 1);
  });

  it('a pod still starting has a waiting container whose log is refused with the reason', async () => {
    sb.mutate('GameServerSet', 'default', 'minecraft', (o) => (o.spec.replicas = 3));
    const pod = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-2');
    assert.equal(pod.json.status.phase, 'Pending');
    const r = await call(sb, 'GET', '/api/v1/namespaces/default/pods/minecraft-2/log?container=minecraft');
    assert.equal(r.status, 400);
    assert.equal(r.json.message, 'container "minecraft" in pod "minecraft-2" is waiting to start: ContainerCreating');
  });

  it('lists events by involvedObject and refuses an unknown field selector', async () => {
    const r = await call(sb, 'GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DPod,involvedObject.name%3Dminecraft-2');
    assert.equal(r.status, 200);
    assert.equal(r.json.kind, 'EventList');
    assert.deepEqual(
      r.json.items.map((e: any) => e.reason),
      ['Scheduled'],
      'the starting pod is scheduled, not started',
    );
    const cluster = await call(sb, 'GET', '/api/v1/events?fieldSelector=reason%3DScale');
    assert.deepEqual(
      cluster.json.items.map((e: any) => e.message),
      ['scale from 2 to 3'],
    );
    const bad = await call(sb, 'GET', '/api/v1/events?fieldSelector=spec.nope%3Dx');
    assert.equal(bad.status, 400);
    assert.match(bad.json.message, /"spec.nope" is not a known field selector/);
  });

  it('watches events from a resourceVersion and streams new ones', async () => {
    const list = await call(sb, 'GET', '/api/v1/namespaces/default/events');
    const rv = list.json.metadata.resourceVersion;
    const seen: any[] = [];
    const req = request(new URL(`/api/v1/namespaces/default/events?watch=true&resourceVersion=${rv}`, sb.url), {
      headers: { Authorization: `Bearer ${sb.tokens.viewer}` },
      ca: sb.caPem,
    });
    let buffered = '';
    const answered = new Promise<void>((done) => req.on('response', () => done()));
    req.on('response', (res) =>
      res.on('data', (c: Buffer) => {
        buffered += c.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const l of lines) seen.push(JSON.parse(l));
      }),
    );
    req.on('error', () => undefined);
    req.end();
    try {
      await answered;
      sb.mutate('GameServer', 'default', 'minecraft-0', (o) => (o.status.currentState = 'NotReady'));
      await until('the state change event', () => seen.some((e) => e.object?.reason === 'GsStateChanged'), 15_000);
      assert.ok(
        seen.every((e) => Number(e.object.metadata.resourceVersion) > Number(rv)),
        'only events after the resourceVersion',
      );
    } finally {
      req.destroy();
    }
  });

  it('keeps at most RING_SIZE events per namespace, dropping the oldest', async () => {
    for (let i = 0; i < RING_SIZE; i++) sb.mutate('GameServer', 'default', 'minecraft-0', (o) => (o.spec.opsState = i % 2 ? 'None' : 'Allocated'));
    const r = await call(sb, 'GET', '/api/v1/namespaces/default/events');
    assert.equal(r.json.items.length, RING_SIZE);
    assert.ok(!r.json.items.some((e: any) => e.reason === 'Scale'), 'the oldest (the scale) was dropped');
    const old = await call(sb, 'GET', '/api/v1/namespaces/default/events?watch=true&resourceVersion=2&timeoutSeconds=1');
    assert.match(old.text, /"code":410/, 'a watch from a dropped version is told it is gone');
  });
});
