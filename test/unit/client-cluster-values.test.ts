import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterValueIndex } from '../../client/src/session/cluster-values';
import { gs, gss } from './client-fixtures';

const sets = [gss('prod', 'lobby', 2), gss('prod', 'battle', 11)];
const servers = [
  gs('prod', 'battle-10', { set: 'battle', images: ['game,game:2.0'] }),
  gs('prod', 'battle-2', { set: 'battle' }),
  gs('dev', 'lobby-0', { set: 'lobby' }),
];

function loaded(): ClusterValueIndex {
  const index = new ClusterValueIndex();
  index.reset('GameServerSet', sets as never);
  index.reset('GameServer', servers as never);
  return index;
}

test('cluster values for completion are distinct, sorted and include template images', () => {
  assert.deepEqual(loaded().values(), {
    namespaces: ['dev', 'prod'],
    names: ['battle-10', 'battle-2', 'lobby-0'],
    images: ['game,game:1.0', 'game,game:2.0'],
    gssNames: ['battle', 'lobby'],
  });
});

test('a value goes when the last object holding it changes or goes, and only then is a send due', () => {
  const index = loaded();
  index.values();
  const upgraded = gs('prod', 'battle-10', { set: 'battle', images: ['game,game:1.0'] });
  index.apply('GameServer', { added: [], modified: ['prod/battle-10'], deleted: [] }, () => upgraded as never);
  assert.equal(index.changed, true, 'game:2.0 disappeared, so the server must hear of it');
  assert.deepEqual(index.values().images, ['game,game:1.0']);
  index.apply('GameServer', { added: [], modified: ['prod/battle-10'], deleted: [] }, () => upgraded as never);
  assert.equal(index.changed, false, 'a change that adds or removes no value sends nothing');
  index.apply('GameServer', { added: [], modified: [], deleted: ['dev/lobby-0'] }, () => undefined);
  assert.deepEqual(index.values().names, ['battle-10', 'battle-2']);
  assert.deepEqual(index.values().namespaces, ['prod'], 'dev held only lobby-0');
});

test('a reset of one kind keeps the other kind’s values', () => {
  const index = loaded();
  index.reset('GameServer', []);
  assert.deepEqual(index.values(), { namespaces: ['prod'], names: [], images: ['game,game:1.0'], gssNames: ['battle', 'lobby'] });
});
