import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveMatches } from '../../client/src/session/live-matches';
import type { KubeObject } from '../../client/src/cluster/resources';
import { gs } from './client-fixtures';

const waiting = (o: unknown) => (o as { spec: { opsState: string } }).spec.opsState === 'WaitToBeDeleted';

test('matches follow each change: in, out, deleted, and a key that is gone by the time it is read', () => {
  const objects = new Map<string, KubeObject>([
    ['a/x', gs('a', 'x', { opsState: 'WaitToBeDeleted' }) as KubeObject],
    ['a/y', gs('a', 'y') as KubeObject],
  ]);
  const live = new LiveMatches(waiting, objects.values());
  assert.equal(live.count, 1);
  objects.set('a/y', gs('a', 'y', { opsState: 'WaitToBeDeleted' }) as KubeObject);
  objects.set('a/x', gs('a', 'x') as KubeObject);
  live.apply({ added: [], modified: ['a/x', 'a/y'], deleted: [] }, (k) => objects.get(k));
  assert.ok(live.has('a/y') && !live.has('a/x'), 'x left the matches and y joined');
  live.apply({ added: ['a/z'], modified: [], deleted: ['a/y'] }, () => undefined);
  assert.equal(live.count, 0, 'a deleted match and an added key with no object leave nothing');
});
