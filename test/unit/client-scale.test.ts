// The pure parts of Scale GameServerSet...: what the user may type, the plan in words, why each
// server is marked, the marks' lifetime, and the patch with its preconditions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { planScale } from '../../server/src/engine/index';
import { deletionReasons } from '../../client/src/scale/deletion-reasons';
import { listHolds, parseReserveIdsInput, replicasInputError, reserveIdsText } from '../../client/src/scale/scale-input';
import { ScaleMarks, type MarksChange } from '../../client/src/scale/scale-marks';
import { planRequest, scaleOps } from '../../client/src/scale/scale-request';
import { planDifference, planProblem, planWarnings, scaleSummary } from '../../client/src/scale/scale-summary';
import type { KubeObject } from '../../client/src/cluster/resources';

const OWNER = 'game.kruise.io/owner-gss';

function gs(name: string, spec: Record<string, unknown> = {}, state = 'Ready'): KubeObject {
  return {
    metadata: { name, namespace: 'default', labels: { [OWNER]: 'br' } },
    spec: { opsState: 'None', deletionPriority: 0, ...spec },
    status: { currentState: state },
  };
}

function set(spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject {
  return { metadata: { name: 'br', namespace: 'default', uid: 'u1', generation: 3, ...(annotations ? { annotations } : {}) }, spec: { replicas: 5, ...spec } };
}

const five = () => [0, 1, 2, 3, 4].map((i) => gs(`br-${i}`));

describe('replicas and reserved ids as typed', () => {
  test('replicas must be a non-negative int32', () => {
    assert.equal(replicasInputError('3'), undefined, '3 is valid');
    assert.equal(replicasInputError(' 0 '), undefined, '0 with spaces is valid');
    for (const bad of ['', '-1', '2.5', 'x', '1e3']) assert.match(replicasInputError(bad) ?? '', /whole number/, `${JSON.stringify(bad)} was accepted`);
    assert.match(replicasInputError('2147483648') ?? '', /at most 2147483647/, 'over int32 was accepted');
  });

  test('ids and ranges become ints and strings, as OKG reads them', () => {
    assert.deepEqual(parseReserveIdsInput('1, 3-5 ,8'), { ok: true, entries: [1, '3-5', 8] });
    assert.deepEqual(parseReserveIdsInput(''), { ok: true, entries: [] }, 'empty means none');
    assert.deepEqual(parseReserveIdsInput('3 - 5'), { ok: true, entries: ['3 - 5'] }, 'OKG trims around each bound');
  });

  test('a bad entry is named with the reason', () => {
    const message = (text: string) => {
      const r = parseReserveIdsInput(text);
      assert.equal(r.ok, false, `${JSON.stringify(text)} was accepted`);
      return r.ok ? '' : r.message;
    };
    assert.equal(message('1,5-3'), '"5-3": the range starts after it ends.');
    assert.equal(message('1,x'), '"x": not an id or a range such as 3-5.');
    assert.equal(message('1-2-3'), '"1-2-3": not an id or a range such as 3-5.');
    assert.equal(message('99999999999'), '"99999999999": an id must be at most 2147483647.');
    assert.match(message('1,,2'), /empty entry/);
    assert.match(message('0-2000000'), /ids, more than can be planned/);
  });

  test('the current list is shown as written, and membership follows ranges', () => {
    assert.equal(reserveIdsText([1, '3-5', 8]), '1,3-5,8');
    assert.equal(reserveIdsText(undefined), '');
    assert.equal(listHolds([1, '3 - 5'], 4), true, '4 is in 3 - 5');
    assert.equal(listHolds([1, '3-5'], 2), false, '2 is not reserved');
  });
});

describe('the plan in words', () => {
  test('a scale-down names the servers in OKG order, the created ones and the Kill follow-up', () => {
    const servers = five();
    servers[2] = gs('br-2', { opsState: 'WaitToBeDeleted' });
    const { plan } = planRequest(set(), servers, { replicas: 3 });
    assert.deepEqual(plan.delete, ['br-2', 'br-4'], 'precondition: planScale deletes the WaitToBeDeleted server first');
    assert.equal(scaleSummary('br', 5, 3, plan), 'scales br from 5 to 3: deletes br-2, br-4');
    const withReserve = planRequest(set(), five(), { replicas: 5, reserve: [1] }).plan;
    assert.equal(scaleSummary('br', 5, 5, withReserve), 'changes the reserved ids of br: deletes br-1; creates br-5');
  });

  test('long lists are cut in titles', () => {
    const servers = Array.from({ length: 10 }, (_, i) => gs(`br-${i}`));
    const { plan } = planRequest(set({ replicas: 10 }), servers, { replicas: 2 });
    assert.equal(scaleSummary('br', 10, 2, plan, 3), 'scales br from 10 to 2: deletes br-9, br-8, br-7 and 5 more');
  });

  test('nothing to do, or nothing OKG can read, is a problem; OKG caveats are warnings', () => {
    assert.match(planProblem('br', planRequest(set(), five(), { replicas: 5 }).plan) ?? '', /nothing to change/);
    assert.match(
      planProblem('br', planRequest(set({ reserveGameServerIds: [{}] }), five(), { replicas: 3 }).plan) ?? '',
      /cannot read reserveGameServerIds\[0\]/,
    );
    assert.equal(planProblem('br', planRequest(set(), five(), { replicas: 3 }).plan), undefined, 'a plain scale-down is refused');
    const ignored = planRequest(set({ reserveGameServerIds: ['x'] }), five(), { replicas: 3 }).plan;
    assert.deepEqual(planWarnings(ignored), ['OKG ignores the whole reserveGameServerIds list: its entry 0 ("x") cannot be parsed.']);
  });

  test('a plan made again is compared with the one previewed', () => {
    const before = planRequest(set(), five(), { replicas: 3 }).plan;
    assert.equal(planDifference(before, planRequest(set(), five(), { replicas: 3 }).plan), undefined, 'the same plan differs');
    const servers = five();
    servers[0] = gs('br-0', { opsState: 'WaitToBeDeleted' });
    assert.equal(planDifference(before, planRequest(set(), servers, { replicas: 3 }).plan), 'OKG would now delete br-0, br-4 instead of br-4, br-3');
  });
});

describe('why each server is marked', () => {
  test('reserved id, opsState, priority and ordinal are told apart, agreeing with planScale', () => {
    const servers = [...five(), gs('br-5'), gs('br-6')];
    servers[2] = gs('br-2', { opsState: 'WaitToBeDeleted' });
    servers[3] = gs('br-3', { deletionPriority: 7 });
    const { plan, reserveList } = planRequest(set({ replicas: 7 }), servers, { replicas: 3, reserve: [1] });
    // Reserving does not lower replicas: br-1 goes, and three of the six counted.
    assert.deepEqual(plan.delete, ['br-1', 'br-2', 'br-3', 'br-6'], 'precondition: the plan');
    const reasons = deletionReasons(plan, 'br', servers, reserveList);
    assert.deepEqual(Object.fromEntries(reasons), {
      'br-1': { code: 'reserved', id: 1 },
      'br-2': { code: 'opsState', opsState: 'WaitToBeDeleted' },
      'br-3': { code: 'priority', priority: '7' },
      'br-6': { code: 'ordinal' },
    });
  });

  test('scaling to zero, and the Kill follow-up', () => {
    const all = planRequest(set({ replicas: 2 }), five().slice(0, 2), { replicas: 0 }).plan;
    assert.deepEqual([...deletionReasons(all, 'br', five().slice(0, 2), undefined).values()], [{ code: 'all' }, { code: 'all' }]);
    const servers = five();
    servers[0] = gs('br-0', { opsState: 'Kill' });
    const killed = planScale(set({ reserveGameServerIds: [4] }), servers, 5);
    assert.ok(killed.killed, 'precondition: a Kill follow-up is planned');
    assert.deepEqual(deletionReasons(killed, 'br', servers, [4]).get('br-0'), { code: 'kill-follow-up' });
  });
});

describe('the marks', () => {
  const scale = (setName: string) => ({
    namespace: 'default',
    set: setName,
    replicas: 3,
    deletions: new Map([['br-4', { code: 'ordinal' as const }]]),
    creations: ['br-9'],
  });

  test('show marks the rows, the end removes them, and the listener hears exactly those rows', () => {
    const marks = new ScaleMarks();
    const heard: MarksChange[] = [];
    marks.onDidChange((c) => heard.push(c));
    const end = marks.show(scale('br'));
    assert.deepEqual(marks.deletionOf('gs/default/br-4'), { code: 'ordinal' });
    assert.equal(marks.deletionOf('gs/default/br-3'), undefined, 'an unmarked row is marked');
    assert.deepEqual(marks.creationsOf('gss/default/br'), ['br-9']);
    assert.equal(marks.scaleOf('gss/default/br')?.replicas, 3);
    end();
    assert.equal(marks.deletionOf('gs/default/br-4'), undefined, 'a mark survived the end');
    assert.deepEqual(marks.creationsOf('gss/default/br'), []);
    const rows = { gameServers: ['gs/default/br-4'], sets: ['gss/default/br'] };
    assert.deepEqual(heard, [rows, rows]);
    end();
    assert.equal(heard.length, 2, 'a second end redrew rows again');
  });

  test('a newer scale replaces the marks, and the older one ending leaves them', () => {
    const marks = new ScaleMarks();
    const endOld = marks.show(scale('br'));
    marks.show({ ...scale('other'), deletions: new Map([['other-1', { code: 'ordinal' as const }]]) });
    assert.equal(marks.deletionOf('gs/default/br-4'), undefined, 'the replaced marks remain');
    endOld();
    assert.deepEqual(marks.deletionOf('gs/default/other-1'), { code: 'ordinal' }, 'ending the replaced scale removed the newer marks');
  });
});

describe('the patch', () => {
  test('tests what the plan read, then writes replicas and the list', () => {
    const s = set({ reserveGameServerIds: [2] }, { 'game.kruise.io/reserve-ids': '2' });
    assert.deepEqual(scaleOps(s, { replicas: 3, reserve: [1, '3-5'] }), [
      { op: 'test', path: '/spec/replicas', value: 5 },
      { op: 'test', path: '/spec/reserveGameServerIds', value: [2] },
      { op: 'test', path: '/metadata/annotations/game.kruise.io~1reserve-ids', value: '2' },
      { op: 'add', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/reserveGameServerIds', value: [1, '3-5'] },
    ]);
    assert.deepEqual(scaleOps(s, { replicas: 3, reserve: [] }).at(-1), { op: 'remove', path: '/spec/reserveGameServerIds' }, 'an emptied list is not removed');
    assert.deepEqual(
      scaleOps(set(), { replicas: 3 }),
      [
        { op: 'test', path: '/spec/replicas', value: 5 },
        { op: 'add', path: '/spec/replicas', value: 3 },
      ],
      'a kept list is written or tested when absent',
    );
  });
});
