// `kgctl rbac`: the YAML per operation (kinds, scope, verbs), and a check that it is enough and
// no more: each kgctl mode is run against the sandbox, and every request it sent (the sandbox
// logs verb and path) must be allowed by the Role printed for that mode, as RBAC would judge it.
// The sandbox knows only two users (admin; a viewer that may get, list and watch), so the Role is
// applied to its request log here rather than by the server; the viewer runs the read modes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { ClusterFailure } from '../../client/src/cluster/api';
import type { Io } from '../../client/src/cli/io';
import { runKgctl } from '../../client/src/cli/run';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor } from '../cluster/sandbox-client';
import { until } from '../wait';

function capture(env: NodeJS.ProcessEnv = {}): { io: Io; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', env, cwd: process.cwd() },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

interface Role {
  apiVersion: string;
  kind: 'Role' | 'ClusterRole';
  metadata: { name: string; namespace?: string };
  rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
}

async function rbac(args: string[]): Promise<Role[]> {
  const c = capture();
  const code = await runKgctl(['rbac', ...args], c.io);
  assert.equal(code, 0, `kgctl rbac ${args.join(' ')}: ${c.err()}`);
  const docs = parseAllDocuments(c.out());
  const list = Array.isArray(docs) ? docs : [docs];
  for (const d of list) assert.deepEqual(d.errors, [], `kgctl rbac ${args.join(' ')}: YAML errors`);
  return list.map((d) => d.toJS() as Role);
}

/** RBAC's decision on one logged request: is there a rule, in a role that applies there, for its verb and resource? */
function allowed(roles: readonly Role[], verb: string, path: string): boolean {
  const m = /^\/apis\/([^/]+)\/[^/]+(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/[^/]+(?:\/([^/]+))?)?$/.exec(path);
  if (!m) return false;
  const [, group, namespace, plural, sub] = m;
  const resource = sub ? `${plural}/${sub}` : plural;
  return roles.some(
    (r) =>
      (r.kind === 'ClusterRole' || (namespace !== undefined && r.metadata.namespace === namespace)) &&
      r.rules.some((rule) => rule.apiGroups.includes(group) && rule.resources.includes(resource) && rule.verbs.includes(verb)),
  );
}

describe('kgctl rbac output', () => {
  it('each operation gets exactly its verbs on game.kruise.io, for GameServers and GameServerSets', async () => {
    const cases: [string[], string, string[]][] = [
      [['-j', '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]'], 'kgctl-patch', ['get', 'list', 'patch']],
      [['-d'], 'kgctl-delete', ['delete', 'get', 'list']],
      [['--wait'], 'kgctl-wait', ['list', 'watch']],
      [['--list'], 'kgctl-list', ['list']],
      [['-j', ''], 'kgctl-list', ['list']],
    ];
    for (const [flags, name, verbs] of cases) {
      for (const [r, plural] of [
        ['gs', 'gameservers'],
        ['gss', 'gameserversets'],
      ]) {
        const [role, ...rest] = await rbac(['-r', r, ...flags]);
        const what = `rbac -r ${r} ${flags.join(' ')}`;
        assert.equal(rest.length, 0, `${what}: one document`);
        assert.equal(role.kind, 'ClusterRole', `${what}: no -n, so a ClusterRole`);
        assert.equal(role.apiVersion, 'rbac.authorization.k8s.io/v1');
        assert.deepEqual(role.metadata, { name: `${name}-${plural}` }, `${what}: metadata`);
        assert.deepEqual(role.rules, [{ apiGroups: ['game.kruise.io'], resources: [plural], verbs }], `${what}: rules`);
      }
    }
  });

  it('a Role per -n namespace, in order; --name names them; a comment says what it is for', async () => {
    const roles = await rbac(['-r', 'gs', '--wait', '-n', 'game', '-n', 'default', '-n', 'game', '--name', 'fleet-waiter']);
    assert.deepEqual(
      roles.map((r) => [r.kind, r.metadata.namespace, r.metadata.name]),
      [
        ['Role', 'game', 'fleet-waiter'],
        ['Role', 'default', 'fleet-waiter'],
      ],
    );
    const c = capture();
    await runKgctl(['rbac', '-r', 'gs', '-d', '-n', 'game'], c.io);
    assert.match(c.out(), /^# kgctl -d -r gs in namespace game: delete, get, list on gameservers\.game\.kruise\.io\n/, c.out());
  });

  it('usage errors exit 1 with a message and nothing on stdout; --help exits 0', async () => {
    const cases: [string[], RegExp][] = [
      [['rbac', '-r', 'gs'], /give exactly one operation: -j PATCH, -d, --wait or --list/],
      [['rbac', '-r', 'gs', '-d', '--wait'], /give exactly one operation.*\(got 2\)/],
      [['rbac', '-r', 'gs', '-j', '[]', '-d'], /give exactly one operation/],
      [['rbac', '-d'], /-r\/--resourcekind flag is required/],
      [['rbac', '-r', 'pods', '-d'], /resource kind must be gameserver or gameserverset/],
      [['rbac', '-r', 'gs', '-d', '-n', '..'], /-n\/--namespace: "\.\." is not a valid namespace/],
      [['rbac', '-r', 'gs', '-d', '--name', 'Bad/Name'], /--name: "Bad\/Name" is not a valid object name/],
      [['rbac', '-r', 'gs', '-d', '-f', '{}'], /Unknown option '-f'/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      assert.equal(await runKgctl(args, c.io), 1, `kgctl ${args.join(' ')}: exit 1`);
      assert.match(c.err(), message, `kgctl ${args.join(' ')}: message`);
      assert.match(c.err(), /^kgctl rbac: .*\nRun kgctl rbac --help for the flags\.\n$/s, `kgctl ${args.join(' ')}: named and pointed at the help`);
      assert.equal(c.out(), '', `kgctl ${args.join(' ')}: nothing on stdout`);
    }
    const h = capture();
    assert.equal(await runKgctl(['rbac', '--help'], h.io), 0);
    assert.match(h.out(), /^Usage: kgctl rbac -r gameserver\|gameserverset \(-j PATCH \| -d \| --wait \| --list\)/);
  });
});

// One run at a time: the request log is read per run.
describe('kgctl rbac is what kgctl uses', { concurrency: 1 }, () => {
  let sb: Sandbox;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    sb = await startSandbox({ sets: 4, replicas: 3, namespaces: ['default', 'game'], churn: 20, seed: 21 });
    env = { KUBECONFIG: sb.kubeconfigPath };
  });
  after(async () => {
    await sb.close();
  });

  /** Runs kgctl; every request it sent must be allowed by the Role `kgctl rbac` prints for it. */
  async function withinRole(rbacArgs: string[], args: string[], wantCode: number, mustUse: string[]): Promise<void> {
    const roles = await rbac(rbacArgs);
    const from = sb.requests().length;
    const c = capture(env);
    const code = await runKgctl(args, c.io);
    assert.equal(code, wantCode, `kgctl ${args.join(' ')}: ${c.err().slice(0, 500)}`);
    // A watch is logged when its connection ends, which the server may see after kgctl returned.
    await until("the run's watches to be closed and logged", () => sb.openWatches() === 0, 10_000);
    const sent = sb.requests().slice(from);
    const denied = sent.filter((q) => !allowed(roles, q.verb, q.path)).map((q) => `${q.verb} ${q.path}`);
    assert.deepEqual(denied, [], `kgctl ${args.join(' ')}: requests outside kgctl rbac ${rbacArgs.join(' ')}`);
    const used = new Set(sent.map((q) => q.verb));
    for (const v of mustUse) assert.ok(used.has(v), `kgctl ${args.join(' ')} used ${v} (used: ${[...used].join(', ')})`);
  }

  it('list, all namespaces and per namespace', async () => {
    await withinRole(['-r', 'gs', '--list'], ['-r', 'gs'], 0, ['list']);
    await withinRole(['-r', 'gss', '--list', '-n', 'game'], ['-r', 'gss', '-n', 'game'], 0, ['list']);
  });

  it('wait', async () => {
    const nss = ['-n', 'default', '-n', 'game'];
    await withinRole(['-r', 'gs', '--wait', ...nss], ['wait', '-r', 'gs', ...nss, '--count', '1'], 0, ['list', 'watch']);
    await withinRole(['-r', 'gs', '--wait'], ['wait', '-r', 'gs', '-f', '{"opsState":"Kill"}', '--count', '1', '--timeout', '1500ms'], 1, ['list', 'watch']);
  });

  it('patch, its dry run, and its re-read after a lost answer', async () => {
    const patch = '[{"op":"replace","path":"/spec/updatePriority","value":3}]';
    const minecraft = ['-f', '{"name":{"$regex":"^minecraft-"}}'];
    await withinRole(['-r', 'gs', '-j', patch, '-n', 'default'], ['-r', 'gs', '-n', 'default', ...minecraft, '-j', patch], 0, ['list', 'patch']);
    const replicas = '[{"op":"replace","path":"/spec/replicas","value":5}]';
    await withinRole(['-r', 'gss', '-j', replicas], ['-r', 'gss', '-f', '{"name":"lobby"}', '--dry-run', '-j', replicas], 0, ['list', 'patch']);
    sb.setFaults({ loseAnswers: { patch: 1 }, loseAnswersBy: 'reset' });
    try {
      const p7 = '[{"op":"replace","path":"/spec/updatePriority","value":7}]';
      await withinRole(['-r', 'gs', '-j', p7], ['-r', 'gs', '-f', '{"name":"pve-world-0"}', '-j', p7], 0, ['list', 'patch', 'get']);
    } finally {
      sb.setFaults({ loseAnswers: {} });
    }
  });

  it('delete, its dry run, and its re-read after a lost answer', async () => {
    const lobby = ['-f', '{"name":{"$regex":"^lobby-"}}'];
    await withinRole(['-r', 'gs', '-d', '-n', 'game'], ['-r', 'gs', '-n', 'game', '-d', '--dry-run', ...lobby], 0, ['list', 'delete']);
    await withinRole(['-r', 'gs', '-d'], ['-r', 'gs', '-d', '-f', '{"name":"battle-royale-0"}'], 0, ['list', 'delete']);
    sb.setFaults({ loseAnswers: { delete: 1 }, loseAnswersBy: 'reset' });
    try {
      await withinRole(['-r', 'gs', '-d'], ['-r', 'gs', '-d', '-f', '{"name":"battle-royale-1"}'], 0, ['list', 'delete', 'get']);
    } finally {
      sb.setFaults({ loseAnswers: {} });
    }
  });

  it('the read modes work for the viewer, who may only get, list and watch', async () => {
    for (const args of [
      ['--context', 'okg-sandbox-viewer', '-r', 'gs'],
      ['wait', '--context', 'okg-sandbox-viewer', '-r', 'gs', '--count', '1'],
    ]) {
      const c = capture(env);
      assert.equal(await runKgctl(args, c.io), 0, `kgctl ${args.join(' ')}: ${c.err()}`);
    }
  });

  it("kgctl's client refuses a verb outside its operation's table before sending anything", async () => {
    const client = clientFor(sb, 'okg-sandbox', { verbs: ['list', 'watch'] });
    const from = sb.requests().length;
    try {
      await assert.rejects(
        client.get('GameServer', 'default', 'minecraft-0'),
        (e: unknown) =>
          e instanceof ClusterFailure && /^refused to get gameservers\.game\.kruise\.io: this client may only list, watch; nothing was sent$/.test(e.message),
      );
      assert.equal(sb.requests().length, from, 'no request reached the server');
    } finally {
      client.dispose();
    }
  });
});
