// Failures in words a user acts on: bad credentials (which context), forbidden (verb, resource,
// namespace), OKG not installed, server unreachable (which address), TLS; objects named.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { ApiException } from '@kubernetes/client-node';
import { ClusterClient, ClusterFailure } from '../../client/src/cluster/api';
import { isPreconditionFailure, isRetryable, toClusterError, type ClusterError } from '../../client/src/cluster/errors';
import { kubeConfigFor, loadKubeConfig } from '../../client/src/cluster/kubeconfig';
import { collectionPath } from '../../client/src/cluster/resources';
import { listObjects } from '../../client/src/cluster/list';
import { startSandbox, type Sandbox } from '../sandbox';
import { httpConfig, variant } from './kubeconfig-files';
import { clientFor } from './sandbox-client';

function clientOf(file: string, context?: string): ClusterClient {
  const l = loadKubeConfig({ kubeconfig: file });
  if (!l.ok) throw new Error(l.error.message);
  const kc = kubeConfigFor(l.config, context ?? l.config.currentContext ?? '');
  if (!kc.ok) throw new Error(kc.error.message);
  return new ClusterClient(kc.kc, { requestTimeoutMs: 5000 });
}

async function failureOf(p: Promise<unknown>, what: string): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ClusterFailure) return e.error;
    throw new Error(`${what}: threw something else: ${String(e)}`);
  }
  throw new Error(`${what}: expected a failure, got success`);
}

async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('cluster errors against the sandbox', () => {
  let sb: Sandbox;
  let noOkg: Server;
  let noOkgUrl: string;
  before(async () => {
    sb = await startSandbox({ sets: 1, replicas: 2 });
    // A cluster without OKG: every path under game.kruise.io is 404, as kube-apiserver answers.
    noOkg = createHttpServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          message: 'the server could not find the requested resource',
          reason: 'NotFound',
          details: {},
          code: 404,
        }),
      );
    });
    await new Promise<void>((r) => noOkg.listen(0, '127.0.0.1', () => r()));
    noOkgUrl = `http://127.0.0.1:${(noOkg.address() as AddressInfo).port}`;
  });
  after(async () => {
    await sb.close();
    await new Promise<void>((r) => noOkg.close(() => r()));
  });

  it('401: the credentials of the named context are rejected', async () => {
    const file = variant(sb.kubeconfigPath, (raw) => {
      for (const u of raw.users) u.user.token = 'expired-token';
    });
    const c = clientOf(file);
    const e = await failureOf(listObjects(c, 'GameServer', 'all'), '401');
    c.dispose();
    assert.equal(e.code, 'unauthorized', e.message);
    assert.match(e.message, /context "okg-sandbox".*invalid or expired/, e.message);
    assert.ok(!e.message.includes('expired-token'), 'the token is never in a message');
  });

  it('403: the viewer may not patch; the message names verb, resource, namespace and object', async () => {
    const c = clientFor(sb, 'okg-sandbox-viewer');
    const gs = sb.objects('GameServer', 'default')[0];
    const listed = await listObjects(c, 'GameServer', ['default']);
    assert.ok(listed.length > 0, 'the viewer can list');
    const e = await failureOf(c.patch('GameServer', 'default', gs.metadata.name, [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }]), '403');
    c.dispose();
    assert.equal(e.code, 'forbidden', e.message);
    assert.equal(e.status, 403);
    assert.match(
      e.message,
      new RegExp(
        `^default/${gs.metadata.name}: forbidden \\(context "okg-sandbox-viewer"\\): you may not patch gameservers\\.game\\.kruise\\.io in namespace "default"`,
      ),
      e.message,
    );
  });

  it('404 on the resource path: OKG is not installed in this cluster', async () => {
    const c = clientOf(httpConfig(noOkgUrl));
    const e = await failureOf(listObjects(c, 'GameServer', 'all'), '404 resource');
    c.dispose();
    assert.equal(e.code, 'not-installed', e.message);
    assert.match(e.message, /OKG is not installed in this cluster \(no gameservers\.game\.kruise\.io\)/, e.message);
    assert.ok(e.message.includes(noOkgUrl), `names the server: ${e.message}`);
  });

  it('404 for one object: not found, named', async () => {
    const c = clientFor(sb);
    const e = await failureOf(c.get('GameServer', 'default', 'no-such-gs'), '404 object');
    c.dispose();
    assert.equal(e.code, 'not-found', e.message);
    assert.match(e.message, /^default\/no-such-gs: not found/, e.message);
  });

  it('unreachable: names the address', async () => {
    const port = await freePort();
    const file = variant(sb.kubeconfigPath, (raw) => {
      raw.clusters[0].cluster.server = `https://127.0.0.1:${port}`;
    });
    const c = clientOf(file);
    const e = await failureOf(listObjects(c, 'GameServer', 'all'), 'unreachable');
    c.dispose();
    assert.equal(e.code, 'unreachable', e.message);
    assert.match(
      e.message,
      new RegExp(`cannot reach the Kubernetes API server at https://127\\.0\\.0\\.1:${port} \\(context "okg-sandbox"\\): connection refused`),
      e.message,
    );
  });

  it('TLS: a server certificate the kubeconfig does not trust', async () => {
    const file = variant(sb.kubeconfigPath, (raw) => {
      delete raw.clusters[0].cluster['certificate-authority-data'];
    });
    const c = clientOf(file);
    const e = await failureOf(listObjects(c, 'GameServer', 'all'), 'tls');
    c.dispose();
    assert.equal(e.code, 'tls', e.message);
    assert.match(e.message, /TLS failure talking to https:\/\/127\.0\.0\.1:\d+.*certificate-authority/, e.message);
  });

  it('429 carries Retry-After; throttling, 5xx and conflicts are retryable, 4xx are not', () => {
    const e429 = toClusterError(new ApiException(429, 'Too Many Requests', '{"reason":"TooManyRequests","message":"slow down"}', { 'retry-after': '2' }), {});
    assert.equal(e429.retryAfterMs, 2000, 'Retry-After seconds');
    assert.ok(isRetryable(e429), '429 retryable');
    assert.ok(isRetryable(toClusterError(new ApiException(503, '', '{}', {}), {})), '503 retryable');
    assert.ok(
      isRetryable(toClusterError(new ApiException(409, '', '{"reason":"Conflict","message":"the object has been modified"}', {}), {})),
      'a plain 409 is retryable',
    );
    assert.ok(!isRetryable(toClusterError(new ApiException(403, '', '{}', {}), {})), '403 is not');
    assert.ok(!isRetryable(toClusterError(new ApiException(400, '', 'not json', {}), {})), '400 is not');
  });

  it('a failed resourceVersion test is told apart from other 422s, whatever the object is called', () => {
    const body = (m: string) =>
      JSON.stringify({ reason: 'Invalid', message: 'the server rejected our request due to an error in our request', details: { causes: [{ message: m }] } });
    const failedTest = toClusterError(new ApiException(422, '', body('testing value /metadata/resourceVersion failed: test failed'), {}), {
      namespace: 'test',
      name: 'test',
    });
    const otherInvalid = toClusterError(new ApiException(422, '', body('spec.replicas: Invalid value: -1'), {}), { namespace: 'test', name: 'test' });
    assert.ok(isPreconditionFailure(failedTest), 'the failed test op');
    assert.ok(!isPreconditionFailure(otherInvalid), 'another 422 in namespace "test" is not one');
    const usersTest = toClusterError(new ApiException(422, '', body('testing value /spec/opsState failed: test failed'), {}), {});
    assert.ok(!isPreconditionFailure(usersTest), "a failed test op of the user's own patch is not one");
    assert.ok(!isRetryable(failedTest), 'a failed precondition is final');
  });

  it('a watch refused with 401 ends with the same words', async () => {
    const file = variant(sb.kubeconfigPath, (raw) => {
      for (const u of raw.users) u.user.token = 'expired-token';
    });
    const c = clientOf(file);
    const err = await new Promise<ClusterError | null>((resolve) => {
      void c.watch('GameServer', undefined, '0', () => undefined, resolve);
    });
    c.dispose();
    assert.equal(err?.code, 'unauthorized', `watch 401: ${err?.message}`);
  });

  it('a namespace or name that is not one is refused by every call, and nothing is sent', async () => {
    const c = clientFor(sb);
    const sent = sb.requests().length;
    const op = [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }];
    const calls: [string, Promise<unknown>][] = [
      ['list ..', c.listPage('GameServer', '..')],
      ['get name ../x', c.get('GameServer', 'default', '../x')],
      ['patch in ..', c.patch('GameServer', '..', 'pve-world-0', op)],
      ['patch name a/b', c.patch('GameServer', 'default', 'a/b', op)],
      ['delete in %2e%2e', c.delete('GameServer', '%2e%2e', 'pve-world-0')],
      ['list Default', c.listPage('GameServerSet', 'Default')],
    ];
    for (const [what, p] of calls) {
      const e = await failureOf(p, what);
      assert.equal(e.code, 'invalid-name', `${what}: ${e.message}`);
      assert.match(
        e.message,
        /^refused to \w+ gameserver(set)?s\.game\.kruise\.io: ".*" is not a valid (namespace|object name).*; nothing was sent$/,
        `${what}: ${e.message}`,
      );
    }
    const watched = await new Promise<ClusterError | null>((resolve) => {
      void c.watch('GameServer', '..', '0', () => undefined, resolve);
    });
    assert.equal(watched?.code, 'invalid-name', `watch: ${watched?.message}`);
    assert.match(watched?.message ?? '', /"\.\." is not a valid namespace/);
    c.dispose();
    assert.equal(sb.requests().length, sent, 'not one request reached the server');
    assert.throws(() => collectionPath('GameServer', '..'), /"\.\." is not a valid namespace/, 'the path builder refuses too');
    assert.equal(collectionPath('GameServer', 'game'), '/apis/game.kruise.io/v1alpha1/namespaces/game/gameservers');
  });
});
