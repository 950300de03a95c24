// The journal's record of an apply and its inverse, against the engine's JSON Patch (the API
// server's): applying a patch, recording it, then applying the inverse must give back the object
// exactly, and an object changed since must be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch } from '../../server/src/engine/patch/apply';
import type { PatchOp } from '../../server/src/engine/patch/types';
import type { JsonPatchOp } from '../../client/src/cluster/api';
import type { KubeObject } from '../../client/src/cluster/resources';
import { comparable, recordedChanges } from '../../client/src/journal/changes';
import type { RecordedObject } from '../../client/src/journal/entry';
import { holdsWhatWasWritten, inverseOf } from '../../client/src/journal/inverse';

function gameServer(): KubeObject {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: {
      name: 'gs-0',
      namespace: 'default',
      uid: 'uid-0',
      resourceVersion: '10',
      generation: 3,
      labels: { 'game.kruise.io/owner-gss': 'gs', app: 'battle' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"huge":true}',
      },
      managedFields: [{ manager: 'kubectl' }],
    },
    spec: {
      opsState: 'None',
      updatePriority: 1,
      containers: [
        { name: 'game', image: 'game:1' },
        { name: 'sidecar', image: 'side:1' },
      ],
      networkDisabled: false,
    },
    status: { currentState: 'Ready' },
  };
}

/** What the server answers: the patch applied, resourceVersion and generation moved, status churned. */
function serverAfter(before: KubeObject, ops: JsonPatchOp[]): KubeObject {
  const after = applyPatch(before, ops as PatchOp[]);
  after.metadata.resourceVersion = '11';
  after.metadata.generation = 4;
  after.status = { currentState: 'NotReady' };
  return after;
}

function record(before: KubeObject, after: KubeObject): RecordedObject {
  return {
    namespace: 'default',
    name: 'gs-0',
    uid: 'uid-0',
    outcome: 'changed',
    changes: recordedChanges(before, after),
  };
}

/** Applies the patch, records it, reverts it: the object must come back as it was (what the apply may write). */
function roundTrip(ops: JsonPatchOp[], name: string): void {
  const before = gameServer();
  const after = serverAfter(before, ops);
  const rec = record(before, after);
  const inv = inverseOf(rec);
  assert.ok(inv.ok, `${name}: no inverse: ${inv.ok ? '' : inv.reason}`);
  assert.ok(holdsWhatWasWritten(after, inv.ops), `${name}: the object as the apply left it fails the inverse's guard`);
  const reverted = applyPatch(after, inv.ops as PatchOp[]);
  assert.deepEqual(comparable(reverted), comparable(before), `${name}: the revert did not restore the object exactly`);
}

test('replace, add and remove are inverted exactly', () => {
  roundTrip([{ op: 'replace', path: '/spec/opsState', value: 'Kill' }], 'replace');
  roundTrip([{ op: 'add', path: '/spec/deletionPriority', value: 5 }], 'add of a new member');
  roundTrip([{ op: 'remove', path: '/spec/updatePriority' }], 'remove');
  roundTrip([{ op: 'add', path: '/spec/updatePriority', value: 9 }], 'add over an existing member');
});

test('move and copy are inverted from what they did, not from the ops', () => {
  roundTrip(
    [
      {
        op: 'move',
        from: '/spec/updatePriority',
        path: '/spec/deletionPriority',
      },
    ],
    'move',
  );
  roundTrip([{ op: 'copy', from: '/spec/containers/0', path: '/spec/containers/-' }], 'copy into an array');
});

test('arrays: appends, removals and inserts restore the whole array; same-length edits stay narrow', () => {
  roundTrip(
    [
      {
        op: 'add',
        path: '/spec/containers/-',
        value: { name: 'x', image: 'x:1' },
      },
    ],
    'append',
  );
  roundTrip([{ op: 'remove', path: '/spec/containers/0' }], 'remove the first element');
  roundTrip(
    [
      {
        op: 'add',
        path: '/spec/containers/1',
        value: { name: 'mid', image: 'm:1' },
      },
    ],
    'insert in the middle',
  );
  const before = gameServer();
  const after = serverAfter(before, [{ op: 'replace', path: '/spec/containers/1/image', value: 'side:2' }]);
  assert.deepEqual(
    recordedChanges(before, after),
    [{ path: '/spec/containers/1/image', before: 'side:1', after: 'side:2' }],
    'a same-length edit is not kept narrow',
  );
  roundTrip([{ op: 'replace', path: '/spec/containers/1/image', value: 'side:2' }], 'same-length edit');
});

test('labels with a / in the key are escaped as ~1, and metadata the server moves is never recorded', () => {
  const ops: JsonPatchOp[] = [
    {
      op: 'replace',
      path: '/metadata/labels/game.kruise.io~1owner-gss',
      value: 'other',
    },
  ];
  roundTrip(ops, 'label with /');
  const before = gameServer();
  const changes = recordedChanges(before, serverAfter(before, ops));
  assert.deepEqual(
    changes,
    [
      {
        path: '/metadata/labels/game.kruise.io~1owner-gss',
        before: 'gs',
        after: 'other',
      },
    ],
    'the label change was recorded wrongly',
  );
  roundTrip([{ op: 'add', path: '/metadata/labels/a~1b', value: 'new' }], 'new label with /');
});

test('a value changed since the apply is refused: by the preview check, and by the API server', () => {
  const before = gameServer();
  const after = serverAfter(before, [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }]);
  const inv = inverseOf(record(before, after));
  assert.ok(inv.ok);
  const changedSince = applyPatch(after, [{ op: 'replace', path: '/spec/opsState', value: 'Maintaining' }] as PatchOp[]);
  assert.equal(holdsWhatWasWritten(changedSince, inv.ops), false, 'an object whose opsState changed since was not refused');
  assert.throws(() => applyPatch(changedSince, inv.ops as PatchOp[]), /test/, 'the inverse would overwrite an object changed since');
  // Status churn and unrelated changes do not count: the guard holds only the places the apply wrote.
  const churned = applyPatch(after, [
    { op: 'replace', path: '/status/currentState', value: 'Ready' },
    { op: 'replace', path: '/spec/updatePriority', value: 7 },
  ] as PatchOp[]);
  assert.ok(holdsWhatWasWritten(churned, inv.ops), 'status churn or an unrelated field blocked the revert');
});

test('a member the apply removed and someone added back since is refused; so is an object recreated under the name', () => {
  const before = gameServer();
  const after = serverAfter(before, [{ op: 'remove', path: '/spec/updatePriority' }]);
  const inv = inverseOf(record(before, after));
  assert.ok(inv.ok);
  const readded = applyPatch(after, [{ op: 'add', path: '/spec/updatePriority', value: 3 }] as PatchOp[]);
  assert.equal(holdsWhatWasWritten(readded, inv.ops), false, 'a removed member added back since was overwritten');
  const recreated = { ...after, metadata: { ...after.metadata, uid: 'uid-1' } };
  assert.equal(holdsWhatWasWritten(recreated, inv.ops), false, 'an object recreated under the same name was not refused');
});

test('objects not changed, changed to the same, or holding values the journal does not keep have no inverse', () => {
  const base: RecordedObject = {
    namespace: 'default',
    name: 'gs-0',
    outcome: 'failed',
    error: 'default/gs-0: forbidden',
  };
  assert.equal(inverseOf(base).ok, false, 'a failed object got an inverse');
  assert.equal(inverseOf({ ...base, outcome: 'changed', changes: [] }).ok, false, 'an object the apply left as it was got an inverse');
  const redacted = inverseOf({
    ...base,
    outcome: 'changed',
    changes: [{ path: '/spec/containers/0/env/0/value', redacted: true }],
  });
  assert.ok(!redacted.ok && /restore it by hand/.test(redacted.reason), 'an object with values not kept got an inverse');
});
