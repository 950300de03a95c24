import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTreeModel, gameServersIn, NO_SET } from '../../client/src/views/treeModel';
import { gs, gss } from './client-fixtures';

const sets = [gss('prod', 'lobby', 2), gss('prod', 'battle', 11), gss('dev', 'battle', 1)];
const servers = [
  gs('prod', 'battle-10', { set: 'battle' }),
  gs('prod', 'battle-2', { set: 'battle', opsState: 'WaitToBeDeleted' }),
  gs('prod', 'lobby-0', { set: 'lobby' }),
  gs('dev', 'battle-0', { set: 'battle' }),
  gs('prod', 'stray', {}),
];

test('tree groups namespace → set → GameServer, sorted by name with numeric ordinals', () => {
  const model = buildTreeModel(servers, sets);
  assert.deepEqual(
    model.namespaces.map((n) => [n.namespace, n.children.map((s) => [s.name, s.children.map((g) => g.name)])]),
    [
      ['dev', [['battle', ['battle-0']]]],
      ['prod', [['battle', ['battle-2', 'battle-10']], ['lobby', ['lobby-0']], [NO_SET, ['stray']]]],
    ],
  );
  assert.equal(model.matchCount, 5, 'without a filter every GameServer counts as shown');
  assert.equal(model.totalCount, 5);
});

test('tree ids are stable and distinct across namespaces', () => {
  const a = buildTreeModel(servers, sets);
  const b = buildTreeModel([...servers].reverse(), [...sets].reverse());
  const ids = (m: typeof a) => m.namespaces.flatMap((n) => [n.id, ...n.children.flatMap((s) => [s.id, ...s.children.map((g) => g.id)])]);
  assert.deepEqual(ids(a), ids(b), 'input order must not change ids or order');
  assert.equal(new Set(ids(a)).size, ids(a).length, 'ids must be unique');
  assert.ok(ids(a).includes('gs/dev/battle-0') && ids(a).includes('gss/prod/battle'));
});

test('a GameServer filter keeps only matches and drops sets without any', () => {
  const model = buildTreeModel(servers, sets, {
    kind: 'GameServer',
    matches: (o) => (o as { spec: { opsState: string } }).spec.opsState === 'WaitToBeDeleted',
  });
  assert.deepEqual(gameServersIn(model).map((g) => g.id), ['gs/prod/battle-2']);
  assert.deepEqual(model.namespaces.map((n) => n.children.map((s) => s.name)), [['battle']]);
  assert.equal(model.matchCount, 1);
  assert.equal(model.totalCount, 5);
});

test('a GameServerSet filter keeps matching sets with all their GameServers', () => {
  const model = buildTreeModel(servers, sets, {
    kind: 'GameServerSet',
    matches: (o) => (o as { metadata: { name: string } }).metadata.name === 'battle',
  });
  assert.deepEqual(gameServersIn(model).map((g) => g.id), ['gs/dev/battle-0', 'gs/prod/battle-2', 'gs/prod/battle-10']);
  assert.equal(model.matchCount, 2, 'two sets named battle match');
  assert.equal(model.totalCount, 3);
});

test('an empty set still shows without a filter', () => {
  const model = buildTreeModel([], [gss('prod', 'empty', 0)]);
  assert.deepEqual(model.namespaces.map((n) => n.children.map((s) => [s.name, s.children.length])), [[['empty', 0]]]);
});

test('objects without metadata do not crash the model', () => {
  const model = buildTreeModel([{}, { metadata: null }], [{ spec: 3 }]);
  assert.equal(model.matchCount, 2);
});
