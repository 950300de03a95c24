// The sandbox's request log and the faults that leave a client unsure what happened: a request
// its client abandoned, an answer lost after the write was applied, a delete's uid precondition,
// an API that goes silent (blackhole) and one that goes away and comes back (suspend, resume).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ABANDONED, faultsFromFlags, startSandbox, type Sandbox } from '../sandbox/index';
import { call, openWatch } from '../sandbox/client';
import { until } from '../wait';

const GS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameservers';
const JSON_PATCH = 'application/json-patch+json';

let sb: Sandbox;

before(async () => {
  sb = await startSandbox({ sets: 1, replicas: 4, namespaces: ['default'], seed: 5 });
});

after(async () => {
  await sb.close();
});

const gs = (name: string) => sb.objects('GameServer', 'default').find((o) => o.metadata.name === name);
const logFor = (from: number, path: string) =>
  sb
    .requests()
    .slice(from)
    .filter((l) => l.path === path);
const setPriority = (value: number) => ({ body: [{ op: 'replace', path: '/spec/updatePriority', value }], contentType: JSON_PATCH });

describe('sandbox request log and lost answers', () => {
  beforeEach(() => sb.setFaults({ latencyMs: 0, errors: {}, conflictRate: 0, loseAnswers: {}, loseAnswersBy: 'reset' }));

  it('logs a request its client abandoned as ABANDONED (499), not as a success, and does not carry it out', async () => {
    sb.setFaults({ latencyMs: 300 });
    const from = sb.requests().length;
    await assert.rejects(call(sb, 'PATCH', `${GS}/minecraft-0`, { ...setPriority(41), timeoutMs: 100 }), /no answer in 100 ms/);
    await until('the abandoned request in the log', () => logFor(from, `${GS}/minecraft-0`).length > 0);
    assert.deepEqual(logFor(from, `${GS}/minecraft-0`), [{ verb: 'patch', path: `${GS}/minecraft-0`, status: ABANDONED }]);
    // A request sent after it, with the same latency, is answered after the abandoned one's latency ran out.
    await call(sb, 'GET', `${GS}/minecraft-0`);
    assert.notEqual(gs('minecraft-0').spec.updatePriority, 41, 'the abandoned patch was not applied after its latency');
  });

  it('loseAnswers (reset): the write is applied, the connection is cut, the log says so', async () => {
    sb.setFaults({ loseAnswers: { patch: 1 } });
    const from = sb.requests().length;
    const rv = gs('minecraft-1').metadata.resourceVersion;
    await assert.rejects(
      call(sb, 'PATCH', `${GS}/minecraft-1`, setPriority(42)),
      (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET' || /socket hang up/.test(e.message),
    );
    assert.equal(gs('minecraft-1').spec.updatePriority, 42, 'the patch was applied');
    assert.notEqual(gs('minecraft-1').metadata.resourceVersion, rv, 'and stored');
    await until('the lost answer in the log', () => logFor(from, `${GS}/minecraft-1`).length > 0);
    assert.deepEqual(logFor(from, `${GS}/minecraft-1`), [{ verb: 'patch', path: `${GS}/minecraft-1`, status: 200, lost: true }]);
    assert.equal((await call(sb, 'GET', `${GS}/minecraft-1`)).status, 200, 'other verbs are answered');
    sb.setFaults({ loseAnswers: {} });
    assert.equal((await call(sb, 'PATCH', `${GS}/minecraft-1`, setPriority(43))).status, 200, 'cleared');
  });

  it('loseAnswers (silence): the write is applied and never answered, so the client times out', async () => {
    sb.setFaults({ loseAnswers: { patch: 1 }, loseAnswersBy: 'silence' });
    const from = sb.requests().length;
    await assert.rejects(call(sb, 'PATCH', `${GS}/minecraft-2`, { ...setPriority(44), timeoutMs: 200 }), /no answer in 200 ms/);
    assert.equal(gs('minecraft-2').spec.updatePriority, 44, 'the patch was applied');
    await until('the lost answer in the log', () => logFor(from, `${GS}/minecraft-2`).length > 0);
    assert.deepEqual(logFor(from, `${GS}/minecraft-2`), [{ verb: 'patch', path: `${GS}/minecraft-2`, status: 200, lost: true }]);
  });

  it('a lost answer of a failed write is logged with its failure status', async () => {
    sb.setFaults({ loseAnswers: { patch: 1 } });
    const from = sb.requests().length;
    const stale = [
      { op: 'test', path: '/metadata/resourceVersion', value: '1' },
      { op: 'replace', path: '/spec/updatePriority', value: 45 },
    ];
    await assert.rejects(call(sb, 'PATCH', `${GS}/minecraft-3`, { body: stale, contentType: JSON_PATCH }));
    await until('the lost answer in the log', () => logFor(from, `${GS}/minecraft-3`).length > 0);
    assert.deepEqual(logFor(from, `${GS}/minecraft-3`), [{ verb: 'patch', path: `${GS}/minecraft-3`, status: 422, lost: true }]);
    assert.notEqual(gs('minecraft-3').spec.updatePriority, 45, 'the failed patch changed nothing');
  });

  it('faults() reports the settings in force; errors and loseAnswers are replaced as a whole', () => {
    sb.setFaults({ latencyMs: 7, errors: { list: { status: 503, rate: 0.5 } }, loseAnswers: { delete: 0.25, patch: 0.5 } });
    sb.setFaults({ loseAnswers: { create: 0.1 } });
    assert.deepEqual(sb.faults(), {
      latencyMs: 7,
      errors: { list: { status: 503, rate: 0.5 } },
      conflictRate: 0,
      loseAnswers: { create: 0.1 },
      loseAnswersBy: 'reset',
    });
  });

  it('a delete with a uid precondition of an object recreated under the same name is a 409, worded as kube-apiserver', async () => {
    const old = gs('minecraft-0');
    const first = await call(sb, 'DELETE', `${GS}/minecraft-0`, { body: { preconditions: { uid: old.metadata.uid } } });
    assert.equal(first.status, 200, first.text);
    const recreated = gs('minecraft-0');
    assert.ok(recreated && recreated.metadata.uid !== old.metadata.uid, 'OKG recreated it under a new uid');
    const again = await call(sb, 'DELETE', `${GS}/minecraft-0`, { body: { preconditions: { uid: old.metadata.uid } } });
    assert.equal(again.status, 409);
    assert.equal(again.json.reason, 'Conflict');
    assert.equal(
      again.json.message,
      `Operation cannot be fulfilled on gameservers.game.kruise.io "minecraft-0": Precondition failed: UID in precondition: ${old.metadata.uid}, UID in object meta: ${recreated.metadata.uid}`,
    );
    assert.equal(gs('minecraft-0').metadata.uid, recreated.metadata.uid, 'the recreated object is still there');
  });
});

describe('sandbox outages: the black hole, and suspend/resume', () => {
  let down: Sandbox;
  before(async () => {
    down = await startSandbox({ sets: 1, replicas: 2, namespaces: ['default'], seed: 6, bookmarkIntervalMs: 50 });
  });
  after(async () => {
    await down.close();
  });

  const bookmarks = (events: { type: string }[]) => events.filter((e) => e.type === 'BOOKMARK').length;
  const rvNow = async () => (await call(down, 'GET', GS)).json.metadata.resourceVersion as string;

  it('blackhole: open watches get nothing more, new requests hang; once off, new requests are served and silenced watches stay silent', async () => {
    const silenced = openWatch(down, `${GS}?watch=true&allowWatchBookmarks=true&resourceVersion=${await rvNow()}`);
    let silencedEnded = false;
    void silenced.ended.then(() => (silencedEnded = true));
    await until('a bookmark on the watch before the black hole', () => bookmarks(silenced.events) > 0);
    down.setFaults({ blackhole: true });
    assert.equal(down.faults().blackhole, true);
    const seen = silenced.events.length;
    down.mutate('GameServer', 'default', 'minecraft-0', (o) => {
      o.status.currentState = 'NotReady';
    });

    await assert.rejects(call(down, 'GET', GS, { timeoutMs: 300 }), /no answer in 300 ms/, 'a new request is never answered');
    await until('the abandoned request to leave the black hole', () => down.held() === 0);
    const pending = call(down, 'GET', `${GS}/minecraft-1`, { timeoutMs: 10_000 });
    await until('the black hole to hold the request', () => down.held() === 1);

    down.setFaults({ blackhole: false });
    await assert.rejects(
      pending,
      (e: NodeJS.ErrnoException) => e.code === 'ECONNRESET' || /socket hang up/.test(e.message),
      'a held request is cut when the black hole ends',
    );
    assert.equal(down.held(), 0);
    const served = await call(down, 'GET', `${GS}/minecraft-0`);
    assert.equal(served.status, 200, 'new requests are served again');
    assert.equal(served.json.status.currentState, 'NotReady', 'with the state as it went on');

    // A watch opened now is the clock: by its third bookmark the silenced one would have had several.
    const fresh = openWatch(down, `${GS}?watch=true&allowWatchBookmarks=true&resourceVersion=${await rvNow()}`);
    await until('three bookmarks on a watch opened after the black hole', () => bookmarks(fresh.events) >= 3);
    fresh.stop();
    assert.equal(silenced.events.length, seen, `the silenced watch received ${JSON.stringify(silenced.events.slice(seen))}`);
    assert.equal(silencedEnded, false, 'the silenced watch is still open, as over a dead socket');
    silenced.stop();
  });

  it('suspend: connections are cut and new ones refused; resume: the same port with the state that went on changing', async () => {
    const from = await rvNow();
    const w = openWatch(down, `${GS}?watch=true&allowWatchBookmarks=true&resourceVersion=${from}`);
    await until('a bookmark on the watch', () => bookmarks(w.events) > 0);
    await down.suspend();
    assert.equal((await w.ended).how, 'error', 'an open watch is cut');
    await assert.rejects(call(down, 'GET', GS, { fresh: true }), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED', 'a new connection is refused');
    down.mutate('GameServer', 'default', 'minecraft-1', (o) => {
      o.status.currentState = 'Updating';
    });
    await down.resume();
    const after = await call(down, 'GET', `${GS}/minecraft-1`);
    assert.equal(after.status, 200, 'served again on the same URL');
    assert.equal(after.json.status.currentState, 'Updating', 'the change made while suspended is there');
    const replay = openWatch(down, `${GS}?watch=true&resourceVersion=${from}`);
    await until('the change while suspended on a watch from before', () =>
      replay.events.some((e) => e.object.metadata.name === 'minecraft-1' && e.object.status.currentState === 'Updating'),
    );
    replay.stop();
  });

  it('the flags take --blackhole', () => {
    assert.deepEqual(faultsFromFlags({ blackhole: true }), { blackhole: true });
    assert.deepEqual(faultsFromFlags({}), {});
  });
});
