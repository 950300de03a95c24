// client/src/cluster/pod-logs.ts and events.ts against the sandbox: containers, a followed log with
// its new lines and its end, errors that name the pod and the server's reason, and events merged.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gameServerEvents } from '../../client/src/cluster/events';
import { followPodLog, podContainers, type LogEnd } from '../../client/src/cluster/pod-logs';
import { startSandbox, type Sandbox } from '../sandbox/index';
import { until } from '../wait';
import { clientFor } from './sandbox-client';

describe('pod logs and events through the cluster layer', () => {
  let sb: Sandbox;

  before(async () => {
    sb = await startSandbox({ sets: 1, replicas: 2, namespaces: ['default'], seed: 7 });
  });

  after(() => sb.close());

  const kc = () => clientFor(sb).kc;
  const pod = (name: string) => ({ namespace: 'default', name });

  it('lists the pod containers in order', async () => {
    assert.deepEqual(await podContainers(kc(), pod('minecraft-0')), ['minecraft', 'log-agent']);
  });

  it('names the pod and says it is not found', async () => {
    await assert.rejects(podContainers(kc(), pod('nope-0')), (e: Error) => {
      assert.match(e.message, /^default\/nope-0: not found/, e.message);
      return true;
    });
  });

  it('follows a log: the tail, a new line, a state change, and ends when the pod is deleted', async () => {
    let text = '';
    const abort = new AbortController();
    const ended = followPodLog(kc(), pod('minecraft-1'), { container: 'minecraft', tailLines: 2, onText: (t) => (text += t), signal: abort.signal });
    await until('the tail', () => text.split('\n').filter(Boolean).length >= 2, 10_000);
    const before = text.split('\n').filter((l) => l.includes('heartbeat')).length;
    await until('a new heartbeat', () => text.split('\n').filter((l) => l.includes('heartbeat')).length > before, 10_000);
    sb.mutate('GameServer', 'default', 'minecraft-1', (o) => (o.status.currentState = 'NotReady'));
    await until('the state change line', () => text.includes('msg="state changed" from=Ready to=NotReady'), 10_000);
    abort.abort();
    const end: LogEnd = await ended;
    assert.equal(end.end, 'aborted');
  });

  it("refuses a two-container pod without a container, with the server's reason", async () => {
    const abort = new AbortController();
    await assert.rejects(followPodLog(kc(), pod('minecraft-0'), { container: '', tailLines: 1, onText: () => undefined, signal: abort.signal }), (e: Error) => {
      assert.match(
        e.message,
        /default\/minecraft-0: .*a container name must be specified for pod minecraft-0, choose one of: \[minecraft log-agent\]/,
        e.message,
      );
      return true;
    });
  });

  it('reports a stream the server closes (the pod deleted) as closed', async () => {
    const abort = new AbortController();
    let text = '';
    const ended = followPodLog(kc(), pod('minecraft-0'), { container: 'log-agent', tailLines: 1, onText: (t) => (text += t), signal: abort.signal });
    await until('the first line', () => text.length > 0, 10_000);
    sb.mutate('GameServerSet', 'default', 'minecraft', (o) => (o.spec.replicas = 0));
    assert.deepEqual(await ended, { end: 'closed' });
  });

  it("merges the GameServer's and the pod's events, oldest first", async () => {
    sb.mutate('GameServerSet', 'default', 'minecraft', (o) => (o.spec.replicas = 1));
    await until('the new pod', () => sb.objects('GameServer', 'default').length === 1, 5000);
    sb.mutate('GameServer', 'default', 'minecraft-0', (o) => (o.spec.opsState = 'Maintaining'));
    const rows = await gameServerEvents(kc(), pod('minecraft-0'));
    const reasons = rows.map((r) => `${r.object} ${r.reason}`);
    assert.ok(reasons.includes('Pod/minecraft-0 Scheduled'), reasons.join('\n'));
    assert.ok(reasons.includes('Pod/minecraft-0 (minecraft) Started'), reasons.join('\n'));
    const ops = rows.find((r) => r.message === 'OpsState turn from None to Maintaining');
    assert.equal(ops?.type, 'Warning', 'Maintaining is a warning');
    assert.equal(ops?.object, 'GameServer/minecraft-0');
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.last <= rows[i]!.last, 'sorted by time');
    assert.deepEqual(await gameServerEvents(kc(), pod('no-such-0')), [], 'no events is an empty list, not an error');
  });
});
