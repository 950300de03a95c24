// The sandbox driven by real kubectls: Debian's kubernetes-client (provided by
// scripts/setup-kubectl.mjs, without touching the system's kubectl), and the kubectl on PATH too
// when it is another version. If kubectl accepts its answers, the sandbox speaks the Kubernetes
// API faithfully enough.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { until } from '../wait';
import { kubectls, type Run } from './kubectls';

function conformance(bin: string, title: string): void {
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

    function kubectl(...args: string[]): Promise<Run> {
      return new Promise((resolve, reject) => {
        execFile(bin, ['--kubeconfig', sb.kubeconfigPath, '--cache-dir', cacheDir, ...args], { timeout: 20_000 }, (err, stdout, stderr) => {
          if (err && typeof err.code !== 'number') {
            reject(new Error(`${bin} ${args.join(' ')} did not run (${err.message})`));
            return;
          }
          resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
        });
      });
    }

    async function ok(...args: string[]): Promise<string> {
      const r = await kubectl(...args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.stderr}`);
      return r.stdout;
    }

    const header = (table: string) => table.split('\n')[0]!.trim().split(/\s+/);
    const gs = (ns: string, name: string) => sb.objects('GameServer', ns).find((o) => o.metadata.name === name);

    it('get gs prints OKG printer columns as a table', async () => {
      const out = await ok('get', 'gs');
      assert.deepEqual(header(out), ['NAME', 'STATE', 'OPSSTATE', 'DP', 'UP', 'AGE']);
      const rows = out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(/\s+/));
      assert.deepEqual(
        rows.map((r) => r[0]),
        ['minecraft-0', 'minecraft-1', 'minecraft-2'],
        'the default namespace of the context',
      );
      assert.deepEqual(rows[0]!.slice(1, 5), ['Ready', 'None', '0', '0']);
    });

    it('get gss -A prints OKG printer columns for every namespace', async () => {
      const out = await ok('get', 'gss', '-A');
      assert.deepEqual(header(out), ['NAMESPACE', 'NAME', 'DESIRED', 'CURRENT', 'UPDATED', 'READY', 'MAINTAINING', 'WAITTOBEDELETED', 'PREDELETE', 'AGE']);
      const rows = out
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(/\s+/));
      assert.deepEqual(
        rows.map((r) => r.slice(0, 9)),
        [
          ['default', 'minecraft', '3', '3', '3', '3', '0', '0', '0'],
          ['game', 'pve-world', '3', '3', '3', '3', '0', '0', '0'],
        ],
      );
    });

    it('get -o json gives the full objects', async () => {
      const list = JSON.parse(await ok('get', 'gs', '-n', 'game', '-o', 'json'));
      assert.equal(list.items.length, 3);
      assert.equal(list.items[0].kind, 'GameServer');
      assert.equal(list.items[0].metadata.labels['game.kruise.io/owner-gss'], 'pve-world');
      assert.deepEqual(
        list.items[0].status.podStatus.containerStatuses.map((c: any) => c.name),
        ['pve-world', 'log-agent'],
      );
      const one = JSON.parse(await ok('get', 'gss', 'pve-world', '-n', 'game', '-o', 'json'));
      assert.equal(one.spec.replicas, 3);
    });

    it('patch --type=json and --type=merge change the GameServer', async () => {
      const json = await ok('patch', 'gs', 'minecraft-1', '--type=json', '-p', '[{"op":"replace","path":"/spec/opsState","value":"WaitToBeDeleted"}]');
      assert.match(json, /gameserver.game.kruise.io\/minecraft-1 patched/);
      assert.equal(gs('default', 'minecraft-1').spec.opsState, 'WaitToBeDeleted');
      await ok('patch', 'gs', 'minecraft-2', '--type=merge', '-p', '{"spec":{"deletionPriority":10}}');
      assert.equal(gs('default', 'minecraft-2').spec.deletionPriority, 10);
      const again = await ok('patch', 'gs', 'minecraft-2', '--type=merge', '-p', '{"spec":{"deletionPriority":10}}');
      assert.match(again, /patched \(no change\)/, 'a patch that changes nothing');
      const table = await ok('get', 'gs', 'minecraft-2');
      assert.deepEqual(table.split('\n')[1]!.trim().split(/\s+/).slice(0, 5), ['minecraft-2', 'Ready', 'None', '10', '0'], 'DP follows');
      const gss = await ok('get', 'gss', 'minecraft');
      assert.equal(gss.split('\n')[1]!.trim().split(/\s+/)[6], '1', 'WAITTOBEDELETED counts minecraft-1');
    });

    it('refuses a strategic-merge patch, as for any custom resource', async () => {
      const r = await kubectl('patch', 'gs', 'minecraft-0', '-p', '{"spec":{"opsState":"Allocated"}}');
      assert.notEqual(r.code, 0, 'strategic merge must fail');
      assert.match(r.stderr, /strategic-merge-patch/);
      assert.equal(gs('default', 'minecraft-0').spec.opsState, 'None', 'nothing changed');
    });

    it('get -w sees a change', async () => {
      const child = spawn(bin, ['--kubeconfig', sb.kubeconfigPath, '--cache-dir', cacheDir, 'get', 'gs', '-n', 'game', '-w']);
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      try {
        await until('the initial table from kubectl get -w', () => /pve-world-2/.test(out), 15_000);
        sb.mutate('GameServer', 'game', 'pve-world-2', (o) => {
          o.status.currentState = 'NotReady';
        });
        await until('the NotReady row from kubectl get -w', () => /pve-world-2\s+NotReady/.test(out), 10_000);
      } finally {
        child.kill();
      }
    });

    it('scale gss: the GameServers follow, in OKG deletion order', async () => {
      assert.match(await ok('scale', 'gss', 'minecraft', '--replicas=5'), /scaled/);
      const names = () =>
        sb
          .objects('GameServer', 'default')
          .map((o) => o.metadata.name)
          .sort();
      assert.deepEqual(names(), ['minecraft-0', 'minecraft-1', 'minecraft-2', 'minecraft-3', 'minecraft-4']);
      await ok('scale', 'gss', 'minecraft', '--replicas=3');
      // minecraft-1 is WaitToBeDeleted and minecraft-2 has deletionPriority 10 (earlier test): they go first.
      assert.deepEqual(names(), ['minecraft-0', 'minecraft-3', 'minecraft-4']);
      const out = await ok('get', 'gss', 'minecraft', '-o', 'jsonpath={.spec.replicas} {.status.currentReplicas}');
      assert.equal(out.trim(), '3 3');
    });

    it('delete gs: the GameServer comes back with the default spec', async () => {
      await ok('patch', 'gs', 'pve-world-0', '-n', 'game', '--type=merge', '-p', '{"spec":{"opsState":"Maintaining","updatePriority":7}}');
      const uid = gs('game', 'pve-world-0').metadata.uid;
      assert.match(await ok('delete', 'gs', 'pve-world-0', '-n', 'game'), /"pve-world-0" deleted/);
      const again = gs('game', 'pve-world-0');
      assert.ok(again, 'recreated');
      assert.notEqual(again.metadata.uid, uid, 'a new object');
      assert.deepEqual(again.spec, { opsState: 'None', updatePriority: 0, deletionPriority: 0, networkDisabled: false });
    });

    it('a viewer gets kubectl’s usual 403 message on a write', async () => {
      const r = await kubectl('--context', 'okg-sandbox-viewer', 'patch', 'gs', 'minecraft-0', '--type=merge', '-p', '{"spec":{"opsState":"Kill"}}');
      assert.notEqual(r.code, 0);
      assert.equal(
        r.stderr.trim(),
        'Error from server (Forbidden): gameservers.game.kruise.io "minecraft-0" is forbidden: User "viewer" cannot patch resource "gameservers" in API group "game.kruise.io" in the namespace "default"',
      );
      assert.match(await ok('--context', 'okg-sandbox-viewer', 'get', 'gs'), /minecraft-0/, 'the viewer reads');
    });

    it('create -f and apply -f validate against the served OpenAPI, without --validate=false', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'okg-kubectl-files-'));
      const file = (name: string, spec: string) => {
        const path = join(dir, `${name}.yaml`);
        writeFileSync(path, `apiVersion: game.kruise.io/v1alpha1\nkind: GameServer\nmetadata:\n  name: ${name}\nspec:\n${spec}`);
        return path;
      };
      try {
        assert.match(await ok('create', '-f', file('extra-0', '  opsState: None\n')), /gameserver.game.kruise.io\/extra-0 created/);
        assert.match(await ok('apply', '-f', file('extra-1', '  updatePriority: 2\n')), /gameserver.game.kruise.io\/extra-1 created/);
        assert.match(await ok('apply', '-f', file('extra-1', '  updatePriority: 3\n')), /gameserver.game.kruise.io\/extra-1 configured/);
        assert.equal(gs('default', 'extra-1').spec.updatePriority, 3, 'the second apply changed it');
        const bad = await kubectl('create', '-f', file('extra-2', '  opsState: 7\n'));
        assert.notEqual(bad.code, 0, 'an invalid object is refused');
        assert.match(bad.stderr, /is invalid: spec\.opsState/, 'by the server, naming the field');
        assert.equal(gs('default', 'extra-2'), undefined, 'and not stored');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

for (const { kubectl, name } of kubectls()) conformance(kubectl, `sandbox with ${name}`);
