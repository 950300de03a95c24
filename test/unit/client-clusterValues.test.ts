import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterValuesOf } from '../../client/src/session/clusterValues';
import { gs, gss } from './client-fixtures';

const sets = [gss('prod', 'lobby', 2), gss('prod', 'battle', 11)];
const servers = [
  gs('prod', 'battle-10', { set: 'battle', images: ['game,game:2.0'] }),
  gs('prod', 'battle-2', { set: 'battle' }),
  gs('dev', 'lobby-0', { set: 'lobby' }),
  gs('dev', 'lobby-0', { set: 'lobby' }),
];

test('cluster values for completion are distinct, sorted and include template images', () => {
  const values = clusterValuesOf(servers, sets);
  assert.deepEqual(values, {
    namespaces: ['dev', 'prod'],
    names: ['battle-10', 'battle-2', 'lobby-0'],
    images: ['game,game:1.0', 'game,game:2.0'],
    gssNames: ['battle', 'lobby'],
  });
});
