// The guard put before each patch, and telling our own landed patch from someone else's change,
// at the places the patch writes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonPatchOp } from '../../client/src/cluster/api';
import { checkPatch } from '../../server/src/engine';
import { expectedAfter, failedGuardTest, holdsOurPatch, landedVerdict, writeGuard } from '../../client/src/cluster/patch-landed';
import type { KubeObject } from '../../client/src/cluster/resources';

function gs(spec: Record<string, unknown>, extra: { rv?: string; labels?: Record<string, string> } = {}): KubeObject {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: { name: 'gs-0', namespace: 'default', resourceVersion: extra.rv ?? '10', labels: extra.labels ?? { a: '1' } },
    spec,
  };
}

/** Whether `now` holds `ops` applied to `before`, with the expectation computed locally. */
function holds(before: KubeObject, ops: JsonPatchOp[], now: KubeObject): boolean {
  const expected = expectedAfter(before, ops);
  assert.ok(expected, 'the patch applies to the object it was meant for');
  return holdsOurPatch(before, expected, now, ops);
}

describe('patch landed', () => {
  const spec0 = { opsState: 'None', updatePriority: 0, containers: [{ name: 'log-agent', image: 'a:1' }] };
  const before = gs(spec0);

  it("ignores the user's test ops: test-then-replace landed is ours", () => {
    const ops: JsonPatchOp[] = [
      { op: 'test', path: '/spec/opsState', value: 'None' },
      { op: 'replace', path: '/spec/opsState', value: 'Allocated' },
    ];
    assert.equal(holds(before, ops, gs({ ...spec0, opsState: 'Allocated' }, { rv: '11' })), true);
  });

  it('compares the whole array for add .../-: appended once is ours, twice or not at all is not', () => {
    const ops: JsonPatchOp[] = [{ op: 'add', path: '/spec/containers/-', value: { name: 'game', image: 'g:2' } }];
    const once = gs(
      {
        ...spec0,
        containers: [
          { name: 'log-agent', image: 'a:1' },
          { name: 'game', image: 'g:2' },
        ],
      },
      { rv: '11' },
    );
    const twice = gs(
      {
        ...spec0,
        containers: [
          { name: 'log-agent', image: 'a:1' },
          { name: 'game', image: 'g:2' },
          { name: 'game', image: 'g:2' },
        ],
      },
      { rv: '12' },
    );
    assert.equal(holds(before, ops, once), true, 'appended once');
    assert.equal(holds(before, ops, twice), false, 'appended twice');
    assert.equal(holds(before, ops, gs(spec0, { rv: '11' })), false, 'not appended');
  });

  it('a removal by index compares the array; a removed key must be gone', () => {
    const byIndex: JsonPatchOp[] = [{ op: 'remove', path: '/spec/containers/0' }];
    assert.equal(holds(before, byIndex, gs({ ...spec0, containers: [] }, { rv: '11' })), true);
    const label: JsonPatchOp[] = [{ op: 'remove', path: '/metadata/labels/a' }];
    assert.equal(holds(before, label, gs(spec0, { rv: '11', labels: {} })), true, 'label gone');
    assert.equal(holds(before, label, gs(spec0, { rv: '11' })), false, 'label still there');
  });

  it('a move writes both ends', () => {
    const ops: JsonPatchOp[] = [{ op: 'move', from: '/metadata/labels/a', path: '/metadata/labels/b' }];
    assert.equal(holds(before, ops, gs(spec0, { rv: '11', labels: { b: '1' } })), true);
    assert.equal(holds(before, ops, gs(spec0, { rv: '11', labels: { a: '1', b: '1' } })), false, 'the source was not removed');
  });

  it('a change elsewhere does not hide our change; another value at our place is not ours', () => {
    const ops: JsonPatchOp[] = [{ op: 'replace', path: '/spec/updatePriority', value: 5 }];
    assert.equal(holds(before, ops, gs({ ...spec0, updatePriority: 5, opsState: 'Kill' }, { rv: '12' })), true, 'ours, plus a change elsewhere');
    assert.equal(holds(before, ops, gs({ ...spec0, updatePriority: 7 }, { rv: '12' })), false, 'overwritten since');
  });

  it('a patch that changes nothing at its places is never ours (the resourceVersion moved for another reason)', () => {
    const ops: JsonPatchOp[] = [{ op: 'replace', path: '/spec/opsState', value: 'None' }];
    assert.equal(holds(before, ops, gs({ ...spec0, updatePriority: 3 }, { rv: '11' })), false);
  });

  it('uses the given expectation (the dry-run result), where the server may differ from a local replay', () => {
    const ops: JsonPatchOp[] = [{ op: 'replace', path: '/spec/opsState', value: 'Allocated' }];
    const dryRun = gs({ ...spec0, opsState: 'Allocated', updatePriority: 1 });
    const now = gs({ ...spec0, opsState: 'Allocated' }, { rv: '11' });
    assert.equal(holdsOurPatch(before, dryRun, now, ops), true, 'only the written place is compared');
    assert.equal(
      expectedAfter(before, [{ op: 'replace', path: '/spec/nosuch/deeper', value: 1 }]),
      undefined,
      'a patch that does not apply has no expectation',
    );
  });

  it('compares values as JSON: object and array values from the patch parser (null prototypes) landed are ours', () => {
    const patch = checkPatch('[{"op":"add","path":"/spec/containers/-","value":{"name":"game","image":"g:2"}}]', 'GameServer');
    assert.ok(patch.ok, 'the patch checks');
    assert.equal(Object.getPrototypeOf((patch.ops[0] as { value: unknown }).value), null, 'the parser builds null-prototype objects');
    const once = gs(
      {
        ...spec0,
        containers: [
          { name: 'log-agent', image: 'a:1' },
          { name: 'game', image: 'g:2' },
        ],
      },
      { rv: '11' },
    );
    assert.equal(holds(before, patch.ops, once), true);
  });

  const withStatus = (extra: { generation?: number; uid?: string; currentState?: string; network?: string } = {}): KubeObject => ({
    ...gs(spec0),
    metadata: { ...gs(spec0).metadata, uid: extra.uid ?? 'u-1', generation: extra.generation ?? 3 },
    status: {
      currentState: extra.currentState ?? 'Ready',
      networkStatus: { currentNetworkState: extra.network ?? 'Ready' },
      podStatus: { containerStatuses: [{ name: 'game', image: 'g:1', ready: true }] },
    },
  });

  it('guards uid, generation, the written places outside the spec and the filtered status values; never resourceVersion when there is a generation', () => {
    const ops: JsonPatchOp[] = [
      { op: 'replace', path: '/spec/opsState', value: 'Kill' },
      { op: 'add', path: '/metadata/labels/b', value: '2' },
      { op: 'replace', path: '/metadata/labels/a', value: '3' },
    ];
    const g = writeGuard('GameServer', withStatus(), ops);
    assert.deepEqual(
      g.tests.map((t) => [t.op.path, t.role]),
      [
        ['/metadata/uid', 'identity'],
        ['/metadata/generation', 'identity'],
        ['/metadata/labels', 'identity'],
        ['/metadata/labels/a', 'identity'],
        ['/status/currentState', 'read'],
        ['/status/networkStatus/currentNetworkState', 'read'],
        ['/status/podStatus/containerStatuses', 'read'],
      ],
      'a new label is guarded through its map; spec places through generation',
    );
    assert.equal(g.ops[1].value, 3, 'the generation as read');
    assert.deepEqual(
      writeGuard('GameServerSet', withStatus(), ops).tests.filter((t) => t.role === 'read'),
      [],
      'a set filter reads only its spec',
    );
    const noGeneration = writeGuard('GameServer', gs(spec0), ops);
    assert.deepEqual(
      noGeneration.ops.map((o) => o.path),
      ['/metadata/resourceVersion'],
      'without a generation: the resourceVersion',
    );
  });

  it("knows its own failed test from the user's, by the whole path", () => {
    const g = writeGuard('GameServer', withStatus(), [{ op: 'replace', path: '/metadata/labels/a', value: '3' }]);
    const failed = (path: string) => ({
      code: 'invalid' as const,
      status: 422,
      message: 'x',
      detail: `testing value ${path} failed: test failed (operation 2)`,
    });
    assert.equal(failedGuardTest(failed('/status/currentState'), g)?.role, 'read');
    assert.equal(failedGuardTest(failed('/metadata/generation'), g)?.op.path, '/metadata/generation');
    assert.equal(failedGuardTest(failed('/metadata/labels/a/x'), g), undefined, 'a deeper path is not ours');
    assert.equal(failedGuardTest(failed('/spec/opsState'), g), undefined, "the user's own test");
  });

  it('after a lost answer: ours, absent (places as read, or the generation did not move), replaced, or unknown', () => {
    const ops: JsonPatchOp[] = [{ op: 'replace', path: '/spec/updatePriority', value: 5 }];
    const b = withStatus();
    const expected = expectedAfter(b, ops)!;
    const at = (updatePriority: number, generation: number, uid = 'u-1') => ({
      ...b,
      metadata: { ...b.metadata, generation, uid },
      spec: { ...spec0, updatePriority },
    });
    assert.equal(landedVerdict(b, expected, at(5, 4), ops), 'ours');
    assert.equal(landedVerdict(b, expected, at(0, 5), ops), 'absent', 'the written place is as read');
    assert.equal(landedVerdict(b, expected, at(9, 3), ops), 'absent', 'the generation did not move');
    assert.equal(landedVerdict(b, expected, at(9, 5), ops), 'unknown', 'ours may have landed and been overwritten');
    assert.equal(landedVerdict(b, expected, at(5, 1, 'u-2'), ops), 'replaced');
  });
});
