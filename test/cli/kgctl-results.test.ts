// A result's `err`: kruisegamectl's {ErrStatus} (the server's Status as sent, or one built as
// client-go builds it when there was none) with message, reason and code beside it; and where a
// user's operations stand in the patch kgctl sends, once its guard is put in front of them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiException } from '@kubernetes/client-node';
import { resultError } from '../../client/src/cli/output';
import { ClusterClient, type JsonPatchOp } from '../../client/src/cluster/api';
import { toClusterError, type ClusterError } from '../../client/src/cluster/errors';
import { writeGuard } from '../../client/src/cluster/patch-landed';
import { PatchRunner } from '../../client/src/cluster/patch-runner';
import type { KubeObject } from '../../client/src/cluster/resources';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor } from '../cluster/sandbox-client';

const gs: KubeObject = { apiVersion: 'game.kruise.io/v1alpha1', kind: 'GameServer', metadata: { name: 'arena-1', namespace: 'game' } };
const ctx = { context: 'prod', verb: 'patch' as const, kind: 'GameServer' as const, namespace: 'game', name: 'arena-1' };

describe('err in update and delete results', () => {
  it('an answer with a Status body: ErrStatus is that Status as sent (credentials in it redacted); code and reason match it', () => {
    const body = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'GameServer.game.kruise.io "arena-1" is invalid: see https://admin:hunter2@example.com/x',
      reason: 'Invalid',
      details: {
        name: 'arena-1',
        group: 'game.kruise.io',
        kind: 'GameServer',
        causes: [{ reason: 'FieldValueInvalid', message: 'bad', field: 'spec.opsState' }],
      },
      code: 422,
    };
    const err = resultError(toClusterError(new ApiException(422, '', JSON.stringify(body), {}), ctx), 'GameServer', gs);
    assert.ok(err, 'an error');
    assert.deepEqual(err.ErrStatus, { ...body, message: 'GameServer.game.kruise.io "arena-1" is invalid: see https://[redacted]@example.com/x' });
    assert.equal(err.code, 422);
    assert.equal(err.reason, 'Invalid');
    assert.match(err.message, /^game\/arena-1: rejected as invalid \(422\)/, 'our message names the object');
  });

  it('an answer without a Status body (client-node drops a 401 body; a proxy sends text): a Status is built as client-go builds it', () => {
    const e401 = resultError(toClusterError(new ApiException(401, 'Unauthorized', undefined, {}), ctx), 'GameServer', gs);
    assert.deepEqual(e401?.ErrStatus, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: e401?.message,
      reason: 'Unauthorized',
      details: { name: 'arena-1', group: 'game.kruise.io', kind: 'gameservers' },
      code: 401,
    });
    const e503 = resultError(toClusterError(new ApiException(503, '', '<html>bad gateway</html>', {}), ctx), 'GameServer', gs);
    assert.equal(e503?.ErrStatus.reason, 'ServiceUnavailable', "client-go's reason for a bare 503");
    assert.equal(e503?.reason, 'ServiceUnavailable', 'and the same reason beside it');
    const e502 = resultError(toClusterError(new ApiException(502, '', '', {}), ctx), 'GameServerSet', { metadata: { name: 'lobby' } });
    assert.deepEqual([e502?.ErrStatus.reason, e502?.ErrStatus.code, e502?.ErrStatus.details?.kind], ['InternalError', 502, 'gameserversets']);
  });

  it('no answer at all (connection refused): a Status with our reason and no code, and code null beside it', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const err = resultError(toClusterError(refused, { ...ctx, server: 'https://127.0.0.1:1' }), 'GameServer', gs);
    assert.equal(err?.code, null);
    assert.equal(err?.reason, 'Unreachable');
    assert.equal('code' in (err?.ErrStatus ?? {}), false, 'Go omits a zero code');
    assert.deepEqual([err?.ErrStatus.status, err?.ErrStatus.reason, err?.ErrStatus.message], ['Failure', 'Unreachable', err?.message]);
  });

  it("kgctl's own conclusions (a guard conflict, a lost answer) get a Status that says so, keeping the server's causes", () => {
    const causes = [{ message: 'testing value /metadata/generation failed' }];
    const status422 = { kind: 'Status', status: 'Failure', reason: 'Invalid', code: 422, details: { causes } };
    const failedTest = toClusterError(new ApiException(422, '', JSON.stringify(status422), {}), ctx);
    const message = 'game/arena-1: its spec changed since it was read';
    const conflict: ClusterError = { ...failedTest, code: 'conflict', status: 409, reason: 'Conflict', message };
    const c = resultError(conflict, 'GameServer', gs);
    assert.deepEqual([c?.ErrStatus.code, c?.ErrStatus.reason, c?.ErrStatus.message], [409, 'Conflict', message]);
    assert.deepEqual(c?.ErrStatus.details?.causes, causes, "the server's cause is kept");
    const status503 = { kind: 'Status', status: 'Failure', reason: 'ServiceUnavailable', code: 503 };
    const lost503 = toClusterError(new ApiException(503, '', JSON.stringify(status503), {}), ctx);
    const m = resultError({ ...lost503, reason: 'MayHaveBeenApplied', message: 'game/arena-1: the answer was lost' }, 'GameServer', gs);
    const seen = [m?.reason, m?.ErrStatus.reason, m?.ErrStatus.code];
    assert.deepEqual(seen, ['MayHaveBeenApplied', 'MayHaveBeenApplied', 503], 'never the 503 alone: retrying could patch twice');
  });
});

describe("where the user's operations stand in the patch sent", () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ sets: 1, replicas: 1, namespaces: ['default'], seed: 31 });
  });
  after(async () => {
    await sb.close();
  });

  it("after the guard's k tests: the user's operation i is the request's operation i + k", async () => {
    const ops: JsonPatchOp[] = [
      { op: 'replace', path: '/spec/updatePriority', value: 1 },
      { op: 'test', path: '/spec/opsState', value: 'Kill' },
    ];
    const sent: JsonPatchOp[][] = [];
    const client = new (class extends ClusterClient {
      override patch(...args: Parameters<ClusterClient['patch']>) {
        sent.push([...args[3]]);
        return super.patch(...args);
      }
    })(clientFor(sb).kc);
    try {
      const [object] = sb.objects('GameServer', 'default');
      const guard = writeGuard('GameServer', object, ops).ops;
      const [result] = await new PatchRunner(client, 'GameServer').apply([{ before: object }], ops);
      assert.equal(result.outcome, 'failed', "the user's test fails");
      assert.match(result.error?.detail ?? '', /testing value \/spec\/opsState failed/, 'the server names the path that failed');
      assert.deepEqual(sent, [[...guard, ...ops]], "one request: the guard, then the user's operations");
      assert.deepEqual(
        guard.map((o) => `${o.op} ${o.path}`),
        [
          'test /metadata/uid',
          'test /metadata/generation',
          'test /status/currentState',
          'test /status/networkStatus/currentNetworkState',
          'test /status/podStatus/containerStatuses',
        ],
        'k = 5 for a GameServer with a full status, as docs/kgctl.md says',
      );
    } finally {
      client.dispose();
    }
  });
});
