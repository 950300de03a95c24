import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NO_SET, TreeIndex, type NamespaceNode, type SetNode, type TreeDelta, type TreeFilter, type TreeNode } from '../../client/src/views/tree-index';
import type { KubeObject } from '../../client/src/views/object-fields';
import { gs, gss } from './client-fixtures';

const sets = [gss('prod', 'lobby', 2), gss('prod', 'battle', 11), gss('dev', 'battle', 1)];
const servers = [
  gs('prod', 'battle-10', { set: 'battle' }),
  gs('prod', 'battle-2', { set: 'battle', opsState: 'WaitToBeDeleted' }),
  gs('prod', 'lobby-0', { set: 'lobby' }),
  gs('dev', 'battle-0', { set: 'battle' }),
  gs('prod', 'stray', {}),
];

function built(gameServers: KubeObject[], gameServerSets: KubeObject[], filter?: TreeFilter): TreeIndex {
  const index = new TreeIndex(filter);
  index.reset(gameServers, gameServerSets);
  return index;
}

/** namespace → set → GameServer names, as the view lists them. */
const shape = (index: TreeIndex) => index.roots.map((n) => [n.namespace, n.children.map((s) => [s.name, s.children.map((g) => g.name)])]);

const opsState = (o: unknown) => (o as { spec?: { opsState?: string } }).spec?.opsState;
const waiting: TreeFilter = { kind: 'GameServer', matches: (o) => opsState(o) === 'WaitToBeDeleted' };

test('tree groups namespace → set → GameServer, sorted by name with numeric ordinals', () => {
  const index = built(servers, sets);
  assert.deepEqual(shape(index), [
    ['dev', [['battle', ['battle-0']]]],
    [
      'prod',
      [
        ['battle', ['battle-2', 'battle-10']],
        ['lobby', ['lobby-0']],
        [NO_SET, ['stray']],
      ],
    ],
  ]);
  assert.equal(index.matchCount, 5, 'without a filter every GameServer counts as shown');
  assert.equal(index.totalCount, 5);
  assert.deepEqual(
    index.roots.map((n) => n.gameServerCount),
    [1, 4],
  );
});

test('tree ids are stable and distinct across namespaces, whatever the input order', () => {
  const ids = (index: TreeIndex) => index.roots.flatMap((n) => [n.id, ...n.children.flatMap((s) => [s.id, ...s.children.map((g) => g.id)])]);
  const a = ids(built(servers, sets));
  assert.deepEqual(a, ids(built([...servers].reverse(), [...sets].reverse())), 'input order must not change ids or order');
  assert.equal(new Set(a).size, a.length, 'ids must be unique');
  assert.ok(a.includes('gs/dev/battle-0') && a.includes('gss/prod/battle'));
});

test('a GameServer filter keeps only matches and drops sets without any', () => {
  const index = built(servers, sets, waiting);
  assert.deepEqual(shape(index), [['prod', [['battle', ['battle-2']]]]]);
  assert.equal(index.matchCount, 1);
  assert.equal(index.totalCount, 5);
});

test('a GameServerSet filter keeps matching sets with all their GameServers', () => {
  const index = built(servers, sets, { kind: 'GameServerSet', matches: (o) => (o as { metadata: { name: string } }).metadata.name === 'battle' });
  assert.deepEqual(
    index.gameServers().map((g) => g.id),
    ['gs/dev/battle-0', 'gs/prod/battle-2', 'gs/prod/battle-10'],
  );
  assert.equal(index.matchCount, 2, 'two sets named battle match');
  assert.equal(index.totalCount, 3);
});

test('an empty set still shows without a filter', () => {
  assert.deepEqual(shape(built([], [gss('prod', 'empty', 0)])), [['prod', [['empty', []]]]]);
});

test('objects with odd metadata do not crash the index', () => {
  const index = built(
    [{ metadata: { name: 'x', namespace: 5, labels: null } }, { metadata: { name: 'y', labels: { 'game.kruise.io/owner-gss': 7 } } }] as never,
    [{ spec: 3 }] as never,
  );
  assert.equal(index.matchCount, 2);
  // Numbers read as their text, as kubectl would print them; the nameless set still gets a row.
  assert.deepEqual(shape(index), [
    [
      '',
      [
        ['', []],
        [NO_SET, ['y']],
      ],
    ],
    ['5', [[NO_SET, ['x']]]],
  ]);
});

test('a change reports only the rows it touched, and keeps node identity', () => {
  const objects = new Map(servers.map((o) => [`${(o.metadata as { namespace: string }).namespace}/${(o.metadata as { name: string }).name}`, o]));
  const index = built([...objects.values()], sets);
  const node = index.gameServer('prod/battle-10')!;
  objects.set('prod/battle-10', gs('prod', 'battle-10', { set: 'battle', state: 'NotReady' }));
  const delta = index.apply('GameServer', { added: [], modified: ['prod/battle-10'], deleted: [] }, (k) => objects.get(k));
  assert.equal(index.gameServer('prod/battle-10'), node, 'a modified row keeps its node object (VS Code keys elements by identity)');
  assert.deepEqual(
    [...delta.items].map((n) => n.id),
    ['gs/prod/battle-10'],
    'only the changed row is reported',
  );
  assert.equal(delta.children.size, 0, 'no children list changed');
});

/** What the view shows of each node: its children's ids and its own row, for comparing states. */
function render(index: TreeIndex): Map<string, { node: TreeNode; children: string; row: unknown }> {
  const out = new Map<string, { node: TreeNode; children: string; row: unknown }>();
  for (const ns of index.roots) {
    out.set(ns.id, { node: ns, children: ns.children.map((s) => s.id).join(), row: ns.gameServerCount });
    for (const s of ns.children) {
      out.set(s.id, { node: s, children: s.children.map((g) => g.id).join(), row: [s.object, s.children.length] });
      for (const g of s.children) out.set(g.id, { node: g, children: '', row: g.object });
    }
  }
  return out;
}

/** Whether the delta makes VS Code look at `node` again: itself, or an ancestor's children, or the root. */
function covered(delta: TreeDelta, node: TreeNode, asItem: boolean): boolean {
  if (delta.children.has(undefined)) return true;
  if (asItem && delta.items.has(node)) return true;
  let cur: TreeNode | undefined = node;
  while (cur) {
    if (cur.kind !== 'gameServer' && delta.children.has(cur)) return true;
    cur = cur.kind === 'namespace' ? undefined : (cur.parent as SetNode | NamespaceNode);
  }
  return false;
}

const NS = ['a', 'b'];
const SETS = ['s1', 's2', 's10'];
const OWNERS = [...SETS, undefined];
const STATES = ['None', 'WaitToBeDeleted', 'Kill'];

type Op =
  | { t: 'gs'; ns: number; owner: number; ordinal: number; state: number }
  | { t: 'gsDel'; ns: number; owner: number; ordinal: number }
  | { t: 'set'; ns: number; set: number; replicas: number }
  | { t: 'setDel'; ns: number; set: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('gs' as const), ns: fc.nat(1), owner: fc.nat(3), ordinal: fc.nat(12), state: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('gsDel' as const), ns: fc.nat(1), owner: fc.nat(3), ordinal: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('set' as const), ns: fc.nat(1), set: fc.nat(2), replicas: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('setDel' as const), ns: fc.nat(1), set: fc.nat(2) }) },
);

const filters: (TreeFilter | undefined)[] = [
  undefined,
  waiting,
  { kind: 'GameServerSet', matches: (o) => ((o as { spec?: { replicas?: number } }).spec?.replicas ?? 0) % 2 === 0 },
];

test('applied change by change, the index equals one built from scratch, and every changed row is reported', () => {
  fc.assert(
    fc.property(fc.nat(2), fc.array(fc.array(opArb, { minLength: 1, maxLength: 8 }), { maxLength: 25 }), (f, batches) => {
      const filter = filters[f];
      const state = { GameServer: new Map<string, KubeObject>(), GameServerSet: new Map<string, KubeObject>() };
      const index = built([], [], filter);
      for (const batch of batches) {
        const changes = {
          GameServer: { added: [] as string[], modified: [] as string[], deleted: [] as string[] },
          GameServerSet: { added: [] as string[], modified: [] as string[], deleted: [] as string[] },
        };
        for (const op of batch) {
          const ns = NS[op.ns]!;
          if (op.t === 'gs' || op.t === 'gsDel') {
            const owner = OWNERS[op.owner];
            const name = `${owner ?? 'stray'}-${op.ordinal}`;
            const key = `${ns}/${name}`;
            const had = state.GameServer.has(key);
            if (op.t === 'gs') state.GameServer.set(key, gs(ns, name, { ...(owner ? { set: owner } : {}), opsState: STATES[op.state] }));
            else state.GameServer.delete(key);
            const list = op.t === 'gsDel' ? (had ? changes.GameServer.deleted : undefined) : had ? changes.GameServer.modified : changes.GameServer.added;
            list?.push(key);
          } else {
            const key = `${ns}/${SETS[op.set]}`;
            const had = state.GameServerSet.has(key);
            if (op.t === 'set') state.GameServerSet.set(key, gss(ns, SETS[op.set]!, op.replicas));
            else state.GameServerSet.delete(key);
            const list =
              op.t === 'setDel' ? (had ? changes.GameServerSet.deleted : undefined) : had ? changes.GameServerSet.modified : changes.GameServerSet.added;
            list?.push(key);
          }
        }
        for (const kind of ['GameServerSet', 'GameServer'] as const) {
          // A cache batch names each key once, with its net change.
          const c = changes[kind];
          const last = new Map<string, 'added' | 'modified' | 'deleted'>();
          for (const k of c.added) last.set(k, 'added');
          for (const k of c.modified) last.set(k, last.get(k) === 'added' ? 'added' : 'modified');
          for (const k of c.deleted) last.set(k, 'deleted');
          const net = { added: [] as string[], modified: [] as string[], deleted: [] as string[] };
          for (const [k, how] of last) net[state[kind].has(k) ? (how === 'deleted' ? 'modified' : how) : 'deleted'].push(k);
          const before = render(index);
          const delta = index.apply(kind, net, (k) => state[kind].get(k));
          const after = render(index);
          for (const [id, now] of after) {
            const was = before.get(id);
            if (!was || was.node !== now.node) {
              assert.ok(
                covered(delta, now.node.kind === 'namespace' ? now.node : now.node.parent, false) ||
                  (now.node.kind === 'namespace' && delta.children.has(undefined)),
                `new row ${id} is not reported through its parent`,
              );
              continue;
            }
            if (was.children !== now.children) assert.ok(covered(delta, now.node, false), `the children of ${id} changed but were not reported`);
            if (JSON.stringify(was.row) !== JSON.stringify(now.row)) assert.ok(covered(delta, now.node, true), `the row ${id} changed but was not reported`);
          }
          for (const n of delta.items) assert.ok(after.has(n.id) && after.get(n.id)!.node === n, `reported row ${n.id} is not in the tree`);
        }
        const fresh = built([...state.GameServer.values()], [...state.GameServerSet.values()], filter);
        assert.deepEqual(shape(index), shape(fresh), 'the incremental tree differs from a fresh build');
        assert.deepEqual(
          index.roots.map((n) => n.gameServerCount),
          fresh.roots.map((n) => n.gameServerCount),
          'namespace counts differ',
        );
        assert.equal(index.matchCount, fresh.matchCount, 'match counts differ');
        assert.equal(index.totalCount, fresh.totalCount, 'total counts differ');
      }
    }),
    { numRuns: 400, seed: 20261205 },
  );
});
