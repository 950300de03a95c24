// Kubeconfig as kubectl reads it: KUBECONFIG merge rules, ~/.kube/config, in-cluster, relative
// paths, bad files; and the chosen context kept in memory, never written.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { contextNames, contextNamespace, kubeConfigFor, loadKubeConfig, type LoadedKubeConfig } from '../../client/src/cluster/kubeconfig';

function config(o: { current?: string; clusters: [string, string][]; users: string[]; contexts: [string, string, string, string?][] }): string {
  const lines = ['apiVersion: v1', 'kind: Config'];
  if (o.current !== undefined) lines.push(`current-context: ${o.current}`);
  lines.push('clusters:');
  for (const [name, server] of o.clusters) lines.push(`- name: ${name}`, '  cluster:', `    server: ${server}`);
  lines.push('users:');
  for (const name of o.users) lines.push(`- name: ${name}`, '  user:', `    token: token-of-${name}`);
  lines.push('contexts:');
  for (const [name, cluster, user, ns] of o.contexts) {
    lines.push(`- name: ${name}`, '  context:', `    cluster: ${cluster}`, `    user: ${user}`);
    if (ns) lines.push(`    namespace: ${ns}`);
  }
  return lines.join('\n') + '\n';
}

function loaded(r: ReturnType<typeof loadKubeConfig>, what: string): LoadedKubeConfig {
  if (!r.ok) throw new Error(`${what}: expected a config, got: ${r.error.message}`);
  return r.config;
}

describe('kubeconfig', () => {
  let dir: string;
  let a: string;
  let b: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kgctl-kc-'));
    a = join(dir, 'a.yaml');
    b = join(dir, 'b.yaml');
    writeFileSync(
      a,
      config({
        current: 'ctx-a',
        clusters: [
          ['shared', 'https://first.example:6443'],
          ['cluster-a', 'https://a.example:6443'],
        ],
        users: ['shared-user', 'user-a'],
        contexts: [
          ['ctx-a', 'cluster-a', 'user-a', 'games'],
          ['shared-ctx', 'shared', 'shared-user'],
        ],
      }),
    );
    writeFileSync(
      b,
      config({
        current: 'ctx-b',
        clusters: [
          ['shared', 'https://second.example:6443'],
          ['cluster-b', 'https://b.example:6443'],
        ],
        users: ['shared-user', 'user-b'],
        contexts: [
          ['ctx-b', 'cluster-b', 'user-b'],
          ['shared-ctx', 'cluster-b', 'user-b'],
        ],
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("KUBECONFIG=a:b: the first file's current-context wins, contexts of both are there", () => {
    const c = loaded(loadKubeConfig({ env: { KUBECONFIG: [a, b].join(delimiter) } }), 'a:b');
    assert.equal(c.currentContext, 'ctx-a', 'current-context from the first file');
    assert.equal(c.kc.getCurrentContext(), 'ctx-a', 'the KubeConfig agrees');
    assert.deepEqual(contextNames(c).sort(), ['ctx-a', 'ctx-b', 'shared-ctx'], 'contexts of both files, each once');
    const c2 = loaded(loadKubeConfig({ env: { KUBECONFIG: [b, a].join(delimiter) } }), 'b:a');
    assert.equal(c2.currentContext, 'ctx-b', 'b:a takes b');
  });

  it('duplicate names do not throw: the first file wins for clusters, users and contexts', () => {
    const c = loaded(loadKubeConfig({ env: { KUBECONFIG: [a, b].join(delimiter) } }), 'a:b');
    assert.equal(c.kc.getCluster('shared')?.server, 'https://first.example:6443', 'cluster "shared" from the first file');
    assert.equal(c.kc.getUser('shared-user')?.token, 'token-of-shared-user', 'user once');
    assert.equal(c.kc.getUsers().filter((u) => u.name === 'shared-user').length, 1, 'user "shared-user" held once');
    assert.equal(c.kc.getContextObject('shared-ctx')?.cluster, 'shared', 'context "shared-ctx" from the first file');
  });

  it('a first file without current-context defers to the next; missing files are skipped', () => {
    const none = join(dir, 'no-current.yaml');
    writeFileSync(none, config({ clusters: [['c', 'https://c.example']], users: ['u'], contexts: [['only', 'c', 'u']] }));
    const c = loaded(loadKubeConfig({ env: { KUBECONFIG: [join(dir, 'missing.yaml'), none, b].join(delimiter) } }), 'missing:none:b');
    assert.equal(c.currentContext, 'ctx-b', 'current-context from the first file that sets one');
    assert.deepEqual(c.files, [none, b], 'the missing file was skipped');
  });

  it('~/.kube/config when KUBECONFIG is unset; an explicit --kubeconfig must exist', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), readFileSync(b));
    const c = loaded(loadKubeConfig({ env: {}, home }), 'home');
    assert.equal(c.currentContext, 'ctx-b', 'read ~/.kube/config');
    const r = loadKubeConfig({ kubeconfig: join(dir, 'nope.yaml'), env: { KUBECONFIG: a } });
    assert.ok(!r.ok && /nope\.yaml.*no such file/.test(r.error.message), `explicit missing file is an error: ${!r.ok && r.error.message}`);
    const none = loadKubeConfig({ env: {}, home: join(dir, 'empty-home'), inClusterRoot: join(dir, 'no-sa') });
    assert.ok(!none.ok && /no kubeconfig found/.test(none.error.message), 'nothing to read is an error that says what to do');
  });

  it('in a pod, the service account is used', () => {
    const root = join(dir, 'pod');
    const sa = join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
    mkdirSync(sa, { recursive: true });
    writeFileSync(join(sa, 'token'), 'sa-token');
    writeFileSync(join(sa, 'namespace'), 'okg');
    const noService = loadKubeConfig({ env: {}, home: join(dir, 'empty-home'), inClusterRoot: root });
    assert.ok(!noService.ok && /KUBERNETES_SERVICE_HOST/.test(noService.error.message), 'without the service env the API server is unknown');
    const env = { KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
    const c = loaded(loadKubeConfig({ env, home: join(dir, 'empty-home'), inClusterRoot: root }), 'in-cluster');
    assert.equal(c.currentContext, 'inClusterContext', 'the in-cluster context');
    assert.equal(contextNamespace(c, 'inClusterContext'), 'okg', "the pod's namespace");
  });

  it('relative certificate paths are relative to the file that names them', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    const f = join(sub, 'rel.yaml');
    writeFileSync(
      f,
      'apiVersion: v1\nkind: Config\ncurrent-context: r\nclusters:\n- name: r\n  cluster:\n    server: https://r.example\n    certificate-authority: certs/ca.pem\nusers:\n- name: r\n  user:\n    client-certificate: certs/me.pem\n    client-key: /abs/key.pem\ncontexts:\n- name: r\n  context: {cluster: r, user: r}\n',
    );
    const c = loaded(loadKubeConfig({ env: { KUBECONFIG: f } }), 'relative');
    assert.equal(c.kc.getCluster('r')?.caFile, join(sub, 'certs/ca.pem'), 'CA path resolved against the file');
    assert.equal(c.kc.getUser('r')?.certFile, join(sub, 'certs/me.pem'), 'client cert resolved');
    assert.equal(c.kc.getUser('r')?.keyFile, '/abs/key.pem', 'absolute paths stay');
  });

  it('a broken file is reported with its position, never its contents', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'users:\n- name: u\n  user:\n    token: s3cr3t-token\n  bad: [unclosed\n');
    const r = loadKubeConfig({ env: { KUBECONFIG: bad } });
    assert.ok(!r.ok, 'a YAML error fails the load');
    assert.match(r.error.message, /bad\.yaml:\d+:\d+: not valid YAML/, `names file, line and column: ${r.error.message}`);
    assert.ok(!r.error.message.includes('s3cr3t'), 'the token is not in the message');
  });

  it('choosing a context makes a copy: the loaded config and the file keep their current-context', () => {
    const before = readFileSync(a, 'utf8');
    const c = loaded(loadKubeConfig({ env: { KUBECONFIG: [a, b].join(delimiter) } }), 'a:b');
    const chosen = kubeConfigFor(c, 'ctx-b');
    assert.ok(chosen.ok, 'ctx-b exists');
    assert.equal(chosen.kc.getCurrentContext(), 'ctx-b', 'the copy uses ctx-b');
    assert.equal(chosen.kc.getCurrentCluster()?.server, 'https://b.example:6443', "and ctx-b's cluster");
    assert.equal(c.kc.getCurrentContext(), 'ctx-a', 'the loaded config is unchanged');
    assert.equal(readFileSync(a, 'utf8'), before, 'the file is unchanged');
    const unknown = kubeConfigFor(c, 'nope');
    assert.ok(!unknown.ok && /no context "nope".*ctx-a/.test(unknown.error.message), 'an unknown context lists the known ones');
    assert.equal(contextNamespace(c, 'ctx-a'), 'games', "a context's namespace");
    assert.equal(contextNamespace(c, 'ctx-b'), 'default', 'default when the context names none');
  });
});
