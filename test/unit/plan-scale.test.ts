// planScale against OKG's GameServerSet controller, one rule per test. Upstream lines are in
// openkruise/kruise-game v1.0.0 unless marked master (d76ace2); docs/scale-plan.md has the links:
//   M = pkg/controllers/gameserverset/gameserverset_manager.go
//   C = pkg/controllers/gameserverset/gameserverset_controller.go
//   U = pkg/util/gameserver.go, S = pkg/util/set.go, SL = pkg/util/slice.go
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { computeToScaleGs } from '../../server/src/engine/scale/compute';
import { ordinalsAsIntOrString, ordinalsAsText } from '../../server/src/engine/scale/ordinal-text';
import { planScale } from '../../server/src/engine/scale/plan';
import type { PodView } from '../../server/src/engine/scale/pod-view';
import type { ScaleNote, ScalePlan } from '../../server/src/engine/scale/types';
import { loadEngine } from '../engine';

const OWNER = 'game.kruise.io/owner-gss';
const RESERVE_IDS = 'game.kruise.io/reserve-ids';

/** A GameServer of set `set`: OKG's default spec and a Ready status, with `spec` and `status` over them. */
function gs(name: string, spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}, set = 'set'): any {
  return {
    metadata: { name, namespace: 'default', labels: { [OWNER]: set } },
    spec: { opsState: 'None', updatePriority: 0, deletionPriority: 0, networkDisabled: false, ...spec },
    status: { currentState: 'Ready', ...status },
  };
}

/** GameServers set-<i> for each ordinal. */
const fleet = (...ordinals: number[]) => ordinals.map((i) => gs(`set-${i}`));

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A set named `set` that OKG last scaled to `replicas`, with the reserve-ids annotation it wrote then (none: never scaled). */
function gss(replicas: number, spec: Record<string, unknown> = {}, annotation?: string): any {
  return {
    metadata: { name: 'set', namespace: 'default', annotations: annotation === undefined ? {} : { [RESERVE_IDS]: annotation } },
    spec: { replicas, ...spec },
  };
}

const codes = (plan: ScalePlan) => plan.notes.map((n) => n.code);

function note<C extends ScaleNote['code']>(plan: ScalePlan, code: C): Extract<ScaleNote, { code: C }> | undefined {
  return plan.notes.find((n) => n.code === code) as Extract<ScaleNote, { code: C }> | undefined;
}

/** delete and create of a plan, for one readable assertion. */
const moves = (plan: ScalePlan) => ({ delete: plan.delete, create: plan.create });

describe('planScale: the scale-down order (U L39-L85, DeleteSequenceGs)', () => {
  it('opsState weight first: Kill, WaitToBeDeleted, None and custom values (kill too), Allocated, Maintaining (U L57-L60, L71-L85)', () => {
    const servers = [
      gs('set-0', { opsState: 'Maintaining' }),
      gs('set-1', { opsState: 'Allocated' }),
      gs('set-2', { opsState: 'kill' }),
      gs('set-3', { opsState: 'None' }),
      gs('set-4', { opsState: 'WaitToBeDeleted' }),
      gs('set-5', { opsState: 'Kill' }),
    ];
    const plan = planScale(gss(6), servers, 0);
    assert.deepEqual(plan.delete, ['set-5', 'set-4', 'set-3', 'set-2', 'set-1', 'set-0'], 'highest weight first; `kill` weighs as None');
  });

  it('then deletionPriority, higher first, read with Atoi: a non-integer counts 0, and int64 values compare exactly (U L61-L66)', () => {
    const servers = [
      gs('set-0', { deletionPriority: 10 }),
      gs('set-1', { deletionPriority: 'abc' }),
      gs('set-2', { deletionPriority: '7' }),
      gs('set-3', { deletionPriority: 3 }),
      gs('set-4', { deletionPriority: '9223372036854775806' }),
      gs('set-5', { deletionPriority: '9223372036854775807' }),
    ];
    const plan = planScale(gss(6), servers, 1);
    assert.deepEqual(plan.delete, ['set-5', 'set-4', 'set-0', 'set-2', 'set-3'], 'by the priority value; "abc" reads as 0 and stays');
    assert.deepEqual(codes(plan), [], 'every cut is defined');
  });

  it('then the higher ordinal (U L67-L68)', () => {
    const plan = planScale(gss(5), fleet(0, 1, 2, 3, 4), 2);
    assert.deepEqual(moves(plan), { delete: ['set-4', 'set-3', 'set-2'], create: [] });
  });

  it('priorities of one value written two ways leave OKG’s order undefined: the plan takes the higher ordinal and says so (U L61-L66)', () => {
    const servers = [gs('set-0', { deletionPriority: '05' }), gs('set-1', { deletionPriority: 5 }), gs('set-2', { deletionPriority: '5' })];
    const plan = planScale(gss(3), servers, 1);
    assert.deepEqual(plan.delete, ['set-2', 'set-1']);
    assert.deepEqual(note(plan, 'order-undefined')?.names, ['set-2', 'set-1', 'set-0'], 'the servers OKG may take in any order');
    assert.deepEqual(codes(planScale(gss(3), servers, 2)), ['order-undefined'], 'the cut between 5 and 05 is just as undefined');
    const sameText = [gs('set-0', { deletionPriority: 5 }), gs('set-1', { deletionPriority: '5' }), gs('set-2', { deletionPriority: 5 })];
    assert.deepEqual(codes(planScale(gss(3), sameText, 1)), [], 'the same text compares on to the ordinal: defined');
  });
});

describe('planScale: which pods count (M L197-L221, computeToScaleGs step 2)', () => {
  it('a pod being deleted is not counted, and its ordinal is taken again on scale-up (M L205-L209, L226-L240)', () => {
    const servers = [...fleet(0, 1, 3), gs('set-2', {}, { currentState: 'Deleting' })];
    assert.deepEqual(moves(planScale(gss(4), servers, 5)), { delete: [], create: ['set-2', 'set-4'] }, 'Deleting by state');
    const gone = [...fleet(0, 1, 3), { ...gs('set-2'), metadata: { ...gs('set-2').metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } }];
    assert.deepEqual(moves(planScale(gss(4), gone, 5)), { delete: [], create: ['set-2', 'set-4'] }, 'Deleting by deletionTimestamp');
  });

  it('a PreDelete pod is not counted, and its ordinal is skipped on scale-up (M L210-L214, L231)', () => {
    const servers = [...fleet(0, 2, 3), gs('set-1', {}, { currentState: 'PreDelete' })];
    assert.deepEqual(moves(planScale(gss(4), servers, 5)), { delete: [], create: ['set-4', 'set-5'] });
  });

  it('a pod being deleted or held is never in `delete`, even when it sorts first', () => {
    const going = [gs('set-3', { opsState: 'Kill' }, { currentState: 'Deleting' }), gs('set-4', { opsState: 'Kill' }, { currentState: 'PreDelete' })];
    const servers = [...fleet(0, 1, 2), ...going];
    assert.deepEqual(moves(planScale(gss(5), servers, 2)), { delete: ['set-2'], create: [] });
  });

  it('only the set’s own GameServers count: other sets’, other namespaces’ and nameless entries are ignored (C L226-L233)', () => {
    const stranger = { ...gs('set-9'), metadata: { ...gs('set-9').metadata, namespace: 'other' } };
    const junk: unknown[] = [null, 5, 'set-7', {}, { metadata: { labels: { [OWNER]: 'set' } } }, gs('other-8', {}, {}, 'other'), stranger];
    assert.deepEqual(moves(planScale(gss(3), [...fleet(0, 1, 2), ...junk], 4)), { delete: [], create: ['set-3'] });
  });

  it('an ordinal is Atoi of what follows the last `-`, 0 when it cannot be read (U L87-L91)', () => {
    const plan = planScale(gss(2), [gs('set-x'), gs('set-1')], 3);
    assert.deepEqual(plan.create, ['set-2'], '`set-x` holds ordinal 0, so 0 is not free');
  });
});

describe('planScale: reserved ids', () => {
  it('a listed id’s GameServer goes whatever its state, and is replaced while replicas stay: reserving 3 and 4 of 5 creates 5 and 6 (M L216-L218)', () => {
    const servers = [...fleet(0, 1, 2), gs('set-3', { opsState: 'Maintaining' }), gs('set-4', { opsState: 'Allocated' })];
    const plan = planScale(gss(5, { reserveGameServerIds: [3, 4] }), servers, 5);
    assert.deepEqual(moves(plan), { delete: ['set-3', 'set-4'], create: ['set-5', 'set-6'] });
    assert.equal(plan.replicas, 5);
  });

  it('listed ids go before the scale-down order, in ordinal order (M L216-L218, L241-L248)', () => {
    const servers = [gs('set-0', { opsState: 'Kill' }), ...fleet(1, 2, 3, 4)];
    assert.deepEqual(planScale(gss(5, { reserveGameServerIds: ['3-4'] }), servers, 2).delete, ['set-3', 'set-4', 'set-0']);
  });

  it('scale-up skips listed ids (M L231) and fills the lowest free ordinals', () => {
    const plan = planScale(gss(2, { reserveGameServerIds: [2, '4-5'] }, '2,4-5'), fleet(0, 1), 5);
    assert.deepEqual(moves(plan), { delete: [], create: ['set-3', 'set-6', 'set-7'] });
  });

  it('one entry OKG cannot parse voids the whole list: nothing is reserved, and a note names the entry (S L35-L72)', () => {
    const cases: [unknown[], string][] = [
      [[1, '3'], 'numeric-string'],
      [[1, '5-3'], 'reversed'],
      [[1, '1-2-3'], 'malformed'],
      [[1, ' 1 - x '], 'malformed'],
    ];
    for (const [list, why] of cases) {
      const plan = planScale(gss(1, { reserveGameServerIds: list }), fleet(0), 3);
      assert.deepEqual(plan.create, ['set-1', 'set-2'], `${JSON.stringify(list)}: id 1 is not reserved`);
      assert.deepEqual(note(plan, 'reserve-ids-ignored'), { code: 'reserve-ids-ignored', index: 1, entry: list[1], why }, JSON.stringify(list));
    }
    const spaced = planScale(gss(1, { reserveGameServerIds: [' 1 - 2 '] }), fleet(0), 2);
    assert.deepEqual([spaced.create, codes(spaced)], [['set-3'], []], 'spaces around the numbers of a range are fine');
  });

  it('an entry OKG’s Go types cannot decode leaves the set unreadable: nothing is planned', () => {
    for (const entry of [1.5, 2 ** 40, true, null, { id: 1 }]) {
      const plan = planScale(gss(1, { reserveGameServerIds: [0, entry] }), fleet(0), 3);
      assert.deepEqual(moves(plan), { delete: [], create: [] }, JSON.stringify(entry));
      assert.deepEqual(plan.notes, [{ code: 'unreadable', what: 'reserveGameServerIds', index: 1, entry }], JSON.stringify(entry));
    }
  });

  it('General: ids a scale-down frees are not written back, and the next scale-up takes them again (master M L195-L214)', () => {
    const down = planScale(gss(5, { scaleStrategy: { scaleDownStrategyType: 'General' } }), fleet(0, 1, 2, 3, 4), 3);
    assert.deepEqual([down.delete, down.reserveGameServerIds, down.reserveIdsAnnotation], [['set-4', 'set-3'], undefined, undefined]);
    assert.deepEqual(planScale(gss(3, {}, ''), fleet(0, 1, 2), 5).create, ['set-3', 'set-4']);
  });

  it('ReserveIds: ids a scale-down frees are written back, and later scale-ups skip them (master M L195-L214, M L241-L250)', () => {
    const strategy = { scaleStrategy: { scaleDownStrategyType: 'ReserveIds' } };
    const down = planScale(gss(5, strategy), fleet(0, 1, 2, 3, 4), 3);
    assert.deepEqual([down.reserveGameServerIds, down.reserveIdsAnnotation], [[3, 4], '3,4']);
    const up = planScale(gss(3, { ...strategy, reserveGameServerIds: [3, 4] }, '3,4'), fleet(0, 1, 2), 5);
    assert.deepEqual([up.create, up.reserveGameServerIds], [['set-5', 'set-6'], undefined], 'nothing new to write back');
  });

  it('ReserveIds: an id taken off the list is written back unless the same change scales up onto it (M L191-L194, L234-L236)', () => {
    const strategy = { scaleStrategy: { scaleDownStrategyType: 'ReserveIds' } };
    const kept = planScale(gss(3, { ...strategy, reserveGameServerIds: [4] }, '3,4'), fleet(0, 1, 2), 3);
    assert.deepEqual([moves(kept), kept.reserveGameServerIds], [{ delete: [], create: [] }, [3, 4]], 'freed without a scale-up: back on the list');
    const used = planScale(gss(3, { ...strategy, reserveGameServerIds: [4] }, '3,4'), fleet(0, 1, 2), 4);
    assert.deepEqual([used.create, used.reserveGameServerIds, used.reserveIdsAnnotation], [['set-3'], undefined, '4'], 'taken by the scale-up: free');
  });

  it('General: an id taken off the list is free, and the next scale-up takes it (M L191-L194)', () => {
    const plan = planScale(gss(4, { reserveGameServerIds: [] }, '3'), fleet(0, 1, 2, 4), 5);
    assert.deepEqual([plan.create, plan.reserveIdsAnnotation], [['set-3'], '']);
  });

  it('ids are written as OKG writes them: ascending, a run of three or more as "a-b" (S L113-L188)', () => {
    assert.deepEqual(ordinalsAsIntOrString([10, 7, 1, 6, 2, 5]), [1, 2, '5-7', 10]);
    assert.equal(ordinalsAsText([10, 7, 1, 6, 2, 5]), '1,2,5-7,10');
    const plan = planScale(gss(8, { scaleStrategy: { scaleDownStrategyType: 'ReserveIds' } }), fleet(...range(8)), 3);
    assert.deepEqual([plan.reserveGameServerIds, plan.reserveIdsAnnotation], [[3, 4, 5, 6, 7], '3-7']);
  });

  it('the annotation is written when it changes, or when the set has no annotations at all (master M L200-L204)', () => {
    const bare = { metadata: { name: 'set' }, spec: { replicas: 2 } };
    assert.equal(planScale(bare, fleet(0, 1), 3).reserveIdsAnnotation, '', 'no annotations: OKG writes an empty one');
    assert.equal(planScale(gss(2), fleet(0, 1), 3).reserveIdsAnnotation, undefined, 'an empty list matches the missing key');
  });

  it('the need-to-scale check skips an annotation item it cannot read (S L77-L109), where the scale voids the whole annotation (SL L105-L126)', () => {
    const strategy = { scaleStrategy: { scaleDownStrategyType: 'ReserveIds' } };
    assert.deepEqual(codes(planScale(gss(3, { reserveGameServerIds: [1] }, '1,x'), fleet(0, 2, 3), 3)), ['no-change'], '"1,x" reads as {1}: no scale');
    const clean = planScale(gss(3, { ...strategy, reserveGameServerIds: [1] }, '1,2'), fleet(0, 3, 4), 3);
    assert.deepEqual(clean.reserveGameServerIds, [1, 2], 'with a clean annotation, 2 taken off the list is written back');
    const voided = planScale(gss(3, { ...strategy, reserveGameServerIds: [1] }, '1,2,x'), fleet(0, 3, 4), 3);
    const outcome = [voided.reserveGameServerIds, voided.reserveIdsAnnotation, codes(voided)];
    assert.deepEqual(outcome, [undefined, '1', []], 'the scale reads no annotation: 2 is free');
  });
});

describe('planScale: when OKG scales (C L241-L261, M L92-L125)', () => {
  it('nothing happens when replicas and the list are what OKG last scaled to, even with a PreDelete pod it would replace (M L113-L125)', () => {
    const servers = [...fleet(0, 1), gs('set-2', {}, { currentState: 'PreDelete' })];
    const plan = planScale(gss(3, { reserveGameServerIds: [5] }, '5'), servers, 3);
    assert.deepEqual([moves(plan), codes(plan), plan.replicas], [{ delete: [], create: [] }, ['no-change'], 3]);
  });

  it('the StatefulSet, when given, says what OKG last scaled to: its replicas and reserveOrdinals (M L135-L141)', () => {
    const set = gss(3, { scaleStrategy: { scaleDownStrategyType: 'ReserveIds' } });
    assert.deepEqual(codes(planScale(set, fleet(0, 1, 2, 3), 3)), ['no-change'], 'without it, the set’s own replicas stand in');
    const plan = planScale(set, fleet(0, 1, 2, 3), 3, { spec: { replicas: 4, reserveOrdinals: [5] } });
    assert.deepEqual([moves(plan), plan.reserveGameServerIds], [{ delete: ['set-3'], create: [] }, [3, 5]], '4 → 3, and 5 was freed before');
  });

  it('Kill follow-up: once a scale settles, OKG lowers replicas by the Kill servers and removes them (M L92-L111, C L241-L251)', () => {
    const servers = [...fleet(0, 2, 3, 4), gs('set-1', { opsState: 'Kill' })];
    const plan = planScale(gss(5), servers, 6);
    assert.deepEqual([plan.replicas, moves(plan)], [6, { delete: [], create: ['set-5'] }]);
    assert.deepEqual(plan.killed, { replicas: 5, delete: ['set-1'], create: [] });
  });

  it('Kill with replicas unchanged comes first: replicas drop by the Kill count, then the scale removes them (C L241-L251)', () => {
    const servers = [...fleet(0, 2, 4), gs('set-1', { opsState: 'Kill' }), gs('set-3', { opsState: 'Kill' })];
    const plan = planScale(gss(5), servers, 5);
    assert.deepEqual([plan.replicas, moves(plan), plan.killed], [3, { delete: ['set-3', 'set-1'], create: [] }, undefined]);
  });

  it('Kill waits while any pod is being deleted, or while the pod count is not replicas (M L96-L103)', () => {
    const deleting = [...fleet(0, 3, 4), gs('set-1', { opsState: 'Kill' }), gs('set-2', {}, { currentState: 'Deleting' })];
    assert.deepEqual(codes(planScale(gss(5), deleting, 5)), ['no-change'], 'a pod is being deleted');
    const short = [...fleet(0, 3), gs('set-1', { opsState: 'Kill' })];
    assert.deepEqual(codes(planScale(gss(5), short, 5)), ['no-change'], 'three pods for five replicas');
  });

  it('Kill with a list change at once: the Kill comes first, so the listed id is not replaced, and another Kill pass follows', () => {
    const servers = [...fleet(0, 2, 3), gs('set-1', { opsState: 'Kill' })];
    const plan = planScale(gss(4, { reserveGameServerIds: [3] }), servers, 4);
    assert.deepEqual([plan.replicas, moves(plan)], [3, { delete: ['set-3'], create: [] }], 'replicas 4 − 1 Kill; then 3 is reserved');
    assert.deepEqual(plan.killed, { replicas: 2, delete: ['set-1'], create: [] }, 'set-1 is still Kill once that settles');
  });

  it('ReserveIds: the Kill follow-up writes the killed id back like any scale-down (M L168-L170)', () => {
    const servers = [...fleet(0, 1, 3, 4), gs('set-2', { opsState: 'Kill' })];
    const plan = planScale(gss(5, { scaleStrategy: { scaleDownStrategyType: 'ReserveIds' } }), servers, 6);
    assert.deepEqual(plan.killed, { replicas: 5, delete: ['set-2'], create: [], reserveGameServerIds: [2], reserveIdsAnnotation: '2' });
  });
});

describe('planScale: bad input', () => {
  it('never throws: an unusable argument gives an empty plan and a note saying which', () => {
    const cases: [string, () => ScalePlan, string][] = [
      ['no set', () => planScale(null, [], 3), 'gameServerSet'],
      ['a set without a name', () => planScale({ metadata: {}, spec: { replicas: 1 } }, [], 3), 'gameServerSet'],
      ['negative replicas', () => planScale(gss(1), fleet(0), -1), 'replicas'],
      ['fractional replicas', () => planScale(gss(1), fleet(0), 1.5), 'replicas'],
      ['replicas beyond int32', () => planScale(gss(1), fleet(0), 2 ** 31), 'replicas'],
    ];
    for (const [name, run, what] of cases) {
      const plan = run();
      assert.deepEqual([moves(plan), plan.notes], [{ delete: [], create: [] }, [{ code: 'unreadable', what }]], name);
    }
    assert.deepEqual(planScale(gss(1), 'nope' as unknown as unknown[], 2).create, ['set-0', 'set-1'], 'GameServers that are not a list: none');
  });

  it('a list or replicas too big to expand is reported instead of filling memory', () => {
    const ids = planScale(gss(1, { reserveGameServerIds: ['0-2147483647'] }), fleet(0), 2);
    assert.deepEqual([moves(ids), ids.notes], [{ delete: [], create: [] }, [{ code: 'too-large', what: 'reserveGameServerIds', count: 2 ** 31 }]]);
    const replicas = planScale(gss(1), fleet(0), 2 ** 31 - 1);
    assert.deepEqual(replicas.notes, [{ code: 'too-large', what: 'replicas', count: 2 ** 31 - 2 }]);
  });
});

describe('computeToScaleGs, the upstream table (gameserverset_manager_test.go L40-L487, TestComputeToScaleGs)', () => {
  const pod = (name: string, opsState = 'None', deletionPriority = '0', extra: Partial<PodView> = {}): PodView => ({
    name,
    index: Number(name.split('-').pop()),
    opsState,
    deletionPriority,
    priority: BigInt(deletionPriority),
    deleting: false,
    preDeleting: false,
    ...extra,
  });
  const pods = (...ordinals: number[]) => ordinals.map((i) => pod(`xxx-${i}`));
  const S = (...ids: number[]) => new Set(ids);
  const held = pod('xxx-3', 'None', '0', { preDeleting: true });
  const mixed = [pod('xxx-0', 'None', '10'), pod('xxx-1', 'Maintaining'), pod('xxx-4', 'WaitToBeDeleted'), ...pods(6)];
  // [new explicit, old explicit (annotation), implicit (StatefulSet minus annotation), replicas, pods, new reserve, kept]
  const table: [Set<number>, Set<number>, Set<number>, number, PodView[], Set<number>, Set<number>][] = [
    [S(2, 3, 4), S(2, 3), S(5), 3, mixed, S(2, 3, 4, 5), S(0, 1, 6)],
    [S(0, 2, 3), S(0, 4, 5), S(), 3, pods(1, 2, 3, 6, 7), S(0, 2, 3, 4, 5), S(1, 6, 7)],
    [S(0), S(0, 4, 5), S(), 1, pods(1, 2, 3, 6, 7), S(0, 2, 3, 4, 5, 6, 7), S(1)],
    [S(0, 2, 3), S(0, 4, 5), S(), 4, pods(1, 2, 3, 6, 7), S(0, 2, 3, 5), S(1, 4, 6, 7)],
    [S(0, 3, 5), S(0, 3, 5), S(), 1, pods(1, 2, 4, 6), S(0, 3, 5, 2, 4, 6), S(1)],
    [S(1, 2), S(), S(1, 2), 2, pods(0, 3), S(1, 2), S(0, 3)],
    [S(), S(), S(), 3, [], S(), S(0, 1, 2)],
    [S(1, 2), S(), S(), 3, [], S(1, 2), S(0, 3, 4)],
    [S(0), S(), S(0), 1, [], S(0), S(1)],
    [S(), S(1), S(), 2, pods(0, 2), S(1), S(0, 2)],
    [S(0), S(), S(2, 3, 4), 4, pods(1), S(0), S(1, 2, 3, 4)],
    [S(), S(), S(2, 3, 4), 4, [...pods(0, 1), pod('xxx-2', 'None', '0', { deleting: true }), held], S(3), S(0, 1, 2, 4)],
  ];
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  table.forEach(([specIds, annotationIds, implicit, expected, input, reserve, manage], i) => {
    it(`case ${i}`, () => {
      const statefulSetIds = new Set([...implicit, ...annotationIds]);
      const out = computeToScaleGs({ specIds, annotationIds, statefulSetIds, expected, pods: input });
      assert.deepEqual([sorted(out.reserve), sorted(out.manage)], [sorted(reserve), sorted(manage)], 'newReserveIds and workloadManageIds as upstream expects');
    });
  });
});

describe('dist/engine.js', () => {
  it('exports planScale (built by `npm run build`)', () => {
    assert.ok(existsSync(join(__dirname, '..', '..', 'dist', 'engine.js')), 'dist/engine.js is missing: run `npm run build`');
    const { planScale: built } = loadEngine();
    assert.equal(typeof built, 'function', 'dist/engine.js does not export planScale: rebuild it');
    assert.deepEqual(built(gss(2), fleet(0, 1), 1).delete, ['set-1']);
  });
});
