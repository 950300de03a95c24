// applyPatch: a new object, inputs untouched, and clear errors naming the op.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatch, checkPatch, PatchApplyError, type PatchOp } from '../../server/src/engine/patch';

function gameServer() {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: { name: 'arena-3', namespace: 'games', labels: { 'game.kruise.io/owner-gss': 'arena' } },
    spec: { opsState: 'None', updatePriority: 0, deletionPriority: 0, networkDisabled: false, containers: [{ name: 'game', image: 'arena:1.0' }] },
  };
}

test('apply: returns the patched copy', () => {
  const out = applyPatch(gameServer(), [
    { op: 'test', path: '/spec/opsState', value: 'None' },
    { op: 'replace', path: '/spec/opsState', value: 'Kill' },
    { op: 'add', path: '/spec/containers/-', value: { name: 'sidecar', image: 'log:2' } },
    { op: 'remove', path: '/spec/containers/0' },
    { op: 'copy', from: '/metadata/name', path: '/metadata/annotations' },
  ]);
  assert.equal(out.spec.opsState, 'Kill');
  assert.deepEqual(out.spec.containers, [{ name: 'sidecar', image: 'log:2' }]);
  assert.equal((out.metadata as Record<string, unknown>).annotations, 'arena-3');
});

test('apply: never mutates the input object or the ops', () => {
  const input = gameServer();
  const before = structuredClone(input);
  const ops: PatchOp[] = [
    { op: 'replace', path: '/spec/opsState', value: 'Maintaining' },
    { op: 'add', path: '/metadata/labels/tier', value: 'gold' },
    { op: 'add', path: '/spec/containers/0/resources', value: { limits: { cpu: '2' } } },
    { op: 'move', from: '/spec/deletionPriority', path: '/spec/updatePriority' },
  ];
  const opsBefore = structuredClone(ops);
  const out = applyPatch(input, ops);
  assert.deepEqual(input, before, 'input object changed');
  assert.deepEqual(ops, opsBefore, 'ops changed');
  assert.notEqual(out, input);
  assert.notEqual(out.spec, input.spec);
  (out.spec.containers[0] as unknown as { resources: { limits: { cpu: string } } }).resources.limits.cpu = '9';
  assert.deepEqual(ops, opsBefore, 'result shares a value with the ops');
});

test('apply: a failed test names the op, its index, the value found and the value expected', () => {
  const input = gameServer();
  const before = structuredClone(input);
  assert.throws(
    () =>
      applyPatch(input, [
        { op: 'replace', path: '/spec/updatePriority', value: 5 },
        { op: 'test', path: '/spec/opsState', value: 'Allocated' },
      ]),
    (e: unknown) => {
      assert.ok(e instanceof PatchApplyError, String(e));
      assert.equal(e.index, 1);
      assert.deepEqual(e.op, { op: 'test', path: '/spec/opsState', value: 'Allocated' });
      assert.match(
        e.message,
        /^Operation 1 \{"op":"test","path":"\/spec\/opsState","value":"Allocated"\} failed: test failed: \/spec\/opsState is "None", not "Allocated"\.$/,
      );
      return true;
    },
  );
  assert.deepEqual(input, before, 'input changed by a failed patch');
});

const failures: { name: string; op: PatchOp; reason: RegExp }[] = [
  { name: 'replace below a missing member', op: { op: 'replace', path: '/spec/missing/x', value: 1 }, reason: /\/spec\/missing does not exist in the object/ },
  {
    name: 'replace past the end of an array',
    op: { op: 'replace', path: '/spec/containers/1', value: {} },
    reason: /index 1 is past the end of \/spec\/containers/,
  },
  { name: 'remove a missing label', op: { op: 'remove', path: '/metadata/labels/nope' }, reason: /path \/metadata\/labels\/nope does not exist/ },
  {
    name: 'add below a missing parent',
    op: { op: 'add', path: '/metadata/annotations/x', value: 'y' },
    reason: /parent of \/metadata\/annotations\/x does not exist/,
  },
  { name: 'move from a missing path', op: { op: 'move', from: '/spec/nothing', path: '/spec/opsState' }, reason: /from \/spec\/nothing does not exist/ },
  { name: 'add past the end of an array', op: { op: 'add', path: '/spec/containers/5', value: { name: 'x' } }, reason: /past the end/ },
  { name: 'test a missing path', op: { op: 'test', path: '/spec/ghost', value: 1 }, reason: /test failed: \/spec\/ghost is missing, not 1\./ },
];

for (const f of failures) {
  test(`apply: ${f.name} fails with a clear message`, () => {
    assert.throws(
      () => applyPatch(gameServer(), [f.op]),
      (e: unknown) => {
        assert.ok(e instanceof PatchApplyError, `${f.name}: ${String(e)}`);
        assert.equal(e.index, 0, f.name);
        assert.match(e.message, f.reason, f.name);
        assert.ok(e.message.includes(JSON.stringify(f.op)), `${f.name}: message names the op`);
        return true;
      },
    );
  });
}

test('apply: ~1 and ~0 escapes address keys with / and ~', () => {
  const out = applyPatch(gameServer(), [
    { op: 'add', path: '/metadata/labels/gs-sync~1delete-block', value: 'true' },
    { op: 'add', path: '/metadata/labels/a~0b', value: 'tilde' },
    { op: 'replace', path: '/metadata/labels/game.kruise.io~1owner-gss', value: 'other' },
  ]);
  assert.deepEqual(out.metadata.labels, { 'game.kruise.io/owner-gss': 'other', 'gs-sync/delete-block': 'true', 'a~b': 'tilde' });
});

test('apply: ops from checkPatch apply as written, comments ignored', () => {
  const checked = checkPatch(
    `// raise the update priority of the chosen servers
[
  {"op": "test", "path": "/spec/opsState", "value": "None"}, /* guard */
  {"op": "replace", "path": "/spec/updatePriority", "value": 3},
  {"op": "add", "path": "/metadata/labels/game.kruise.io~1batch", "value": "b7"}
]`,
    'GameServer',
  );
  assert.equal(checked.ok, true, JSON.stringify(checked.problems));
  const out = applyPatch(gameServer(), checked.ops);
  assert.equal(out.spec.updatePriority, 3);
  assert.equal((out.metadata.labels as Record<string, string>)['game.kruise.io/batch'], 'b7');
});

test('apply: __proto__ paths are refused as an error value, not applied', () => {
  assert.throws(() => applyPatch(gameServer(), [{ op: 'add', path: '/__proto__/polluted', value: 1 }]), PatchApplyError);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('apply: a move into its own child is refused, not turned into a cycle', () => {
  const cases: { from: string; path: string }[] = [
    { from: '/metadata/labels', path: '/metadata/labels/x' },
    { from: '/metadata', path: '/metadata/labels/z' },
    { from: '', path: '/spec/x' },
  ];
  for (const { from, path } of cases) {
    const op: PatchOp = { op: 'move', from, path };
    assert.throws(
      () => applyPatch(gameServer(), [{ op: 'test', path: '/spec/opsState', value: 'None' }, op]),
      (e: unknown) => {
        assert.ok(e instanceof PatchApplyError, `${from} -> ${path}: ${String(e)}`);
        assert.equal(e.index, 1, `${from} -> ${path}: index`);
        assert.match(e.reason, /cannot be moved into its own child/, `${from} -> ${path}: reason`);
        return true;
      },
    );
  }
  const sibling = applyPatch(gameServer(), [{ op: 'move', from: '/metadata/labels', path: '/metadata/annotations' }]);
  assert.deepEqual((sibling.metadata as Record<string, unknown>).annotations, { 'game.kruise.io/owner-gss': 'arena' }, 'a move to a sibling still works');
});

const badInputs: { name: string; input: unknown; says: RegExp }[] = [
  { name: 'null', input: null, says: /the object to patch is null, not a JSON object/ },
  { name: 'undefined', input: undefined, says: /the object to patch is undefined, not a JSON object/ },
  { name: 'a number', input: 5, says: /the object to patch is the number 5, not a JSON object/ },
  { name: 'a string', input: 'gs', says: /the object to patch is the string "gs", not a JSON object/ },
  { name: 'an array', input: [], says: /the object to patch is an array, not a JSON object/ },
];

for (const b of badInputs) {
  test(`apply: ${b.name} as the object fails at operation 0 with a clear reason`, () => {
    const op: PatchOp = { op: 'add', path: '/spec', value: {} };
    assert.throws(
      () => applyPatch(b.input, [op]),
      (e: unknown) => {
        assert.ok(e instanceof PatchApplyError, `${b.name}: ${String(e)}`);
        assert.equal(e.index, 0, `${b.name}: index`);
        assert.deepEqual(e.op, op, `${b.name}: op`);
        assert.match(e.message, /^Operation 0 /, `${b.name}: message names the op`);
        assert.match(e.message, b.says, `${b.name}: reason`);
        return true;
      },
    );
  });
}

test('apply: bad input with no operations still fails clearly, without naming an op', () => {
  assert.throws(
    () => applyPatch(null, []),
    (e: unknown) => {
      assert.ok(e instanceof PatchApplyError, String(e));
      assert.equal(e.index, undefined);
      assert.match(e.message, /^The patch cannot be applied: the object to patch is null/);
      return true;
    },
  );
});

test('apply: an object that cannot be copied as JSON fails as an error value', () => {
  const circular: Record<string, unknown> = { spec: {} };
  circular.self = circular;
  assert.throws(
    () => applyPatch(circular, [{ op: 'add', path: '/spec/x', value: 1 }]),
    (e: unknown) => {
      assert.ok(e instanceof PatchApplyError, String(e));
      assert.equal(e.index, 0);
      assert.match(e.reason, /cannot be copied as JSON/);
      assert.doesNotMatch(e.message, /\n/, 'one line');
      return true;
    },
  );
});

test('apply: malformed operations get a one-line reason', () => {
  const cases: { name: string; op: unknown; says: RegExp }[] = [
    { name: 'op is null', op: null, says: /not an object/ },
    { name: 'op is a number', op: 7, says: /the operation is the number 7, not an object/ },
    { name: 'op name unknown', op: { op: 'frob', path: '/spec' }, says: /"frob" is not a JSON Patch op/ },
    { name: 'path not a string', op: { op: 'remove', path: 3 }, says: /`path` must be a string holding a JSON Pointer, not the number 3/ },
    { name: 'from missing', op: { op: 'copy', path: '/spec/x' }, says: /the operation has no `from`/ },
  ];
  for (const c of cases) {
    assert.throws(
      () => applyPatch(gameServer(), [c.op as PatchOp]),
      (e: unknown) => {
        assert.ok(e instanceof PatchApplyError, `${c.name}: ${String(e)}`);
        assert.equal(e.index, 0, c.name);
        assert.match(e.reason, c.says, c.name);
        assert.doesNotMatch(e.message, /\n/, `${c.name}: one line`);
        return true;
      },
    );
  }
  assert.throws(
    () => applyPatch(gameServer(), 5 as unknown as PatchOp[]),
    (e: unknown) => {
      assert.ok(e instanceof PatchApplyError, `ops not an array: ${String(e)}`);
      assert.match(e.message, /operations must be an array/);
      return true;
    },
  );
});

test('apply: a test on an inherited name such as toString reports it missing', () => {
  assert.throws(
    () => applyPatch(gameServer(), [{ op: 'test', path: '/spec/toString', value: 'x' }]),
    (e: unknown) => {
      assert.ok(e instanceof PatchApplyError, String(e));
      assert.match(e.reason, /^test failed: \/spec\/toString is missing, not "x"\.$/);
      return true;
    },
  );
});

test('apply: a pointer that runs through null or a missing member says where it stops', () => {
  const cases: { from: string; says: RegExp }[] = [
    { from: '/spec/n/x', says: /^\/spec\/n is null, so \/spec\/n\/x cannot be reached\.$/ },
    { from: '/spec/e/x/y', says: /^\/spec\/e\/x does not exist in the object, so \/spec\/e\/x\/y cannot be reached\.$/ },
  ];
  for (const c of cases) {
    const op: PatchOp = { op: 'move', from: c.from, path: '' };
    assert.throws(
      () => applyPatch({ spec: { n: null, e: {} } }, [op]),
      (e: unknown) => {
        assert.ok(e instanceof PatchApplyError, `${c.from}: ${String(e)}`);
        assert.equal(e.index, 0, c.from);
        assert.match(e.reason, c.says, c.from);
        return true;
      },
    );
  }
});
