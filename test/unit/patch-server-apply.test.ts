// applyPatch and applyPatchText do what kube-apiserver's JSON Patch library (evanphx/json-patch v4.12.0)
// does where it departs from RFC 6902, and every failure is a PatchApplyError with the server's answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatch, applyPatchText, PatchApplyError, type PatchOp } from '../../server/src/engine/patch';

const doc = () => ({ spec: { list: ['a', 'b', 'c'], n: 1, s: 'a<b', o: { k: 'v', z: null as null | string } } });
type Doc = ReturnType<typeof doc>;

/** Applies `ops` (objects, or patch text) and returns the result, failing the test with the reason if it throws. */
function applied(ops: PatchOp[] | string, input: object = doc()): Doc {
  try {
    return (typeof ops === 'string' ? applyPatchText(input, ops) : applyPatch(input, ops)) as Doc;
  } catch (e) {
    throw new assert.AssertionError({ message: `expected ${typeof ops === 'string' ? ops : JSON.stringify(ops)} to apply, but: ${String(e)}` });
  }
}

/** The PatchApplyError `ops` fail with; anything else fails the test. */
function failure(ops: PatchOp[] | string, input: object = doc()): PatchApplyError {
  let result: unknown;
  try {
    result = typeof ops === 'string' ? applyPatchText(input, ops) : applyPatch(input, ops);
  } catch (e) {
    assert.ok(e instanceof PatchApplyError, `${String(ops)}: expected a PatchApplyError, got ${String(e)}`);
    return e;
  }
  const what = typeof ops === 'string' ? ops : JSON.stringify(ops);
  throw new assert.AssertionError({ message: `expected ${what} to fail, but it gave ${JSON.stringify(result)}` });
}

test('server apply: negative indices count from the end in replace, remove, test and inside a path', () => {
  assert.deepEqual(applied([{ op: 'replace', path: '/spec/list/-1', value: 'C' }]).spec.list, ['a', 'b', 'C']);
  assert.deepEqual(applied([{ op: 'remove', path: '/spec/list/-3' }]).spec.list, ['b', 'c']);
  applied([{ op: 'test', path: '/spec/list/-2', value: 'b' }]);
  const nested = applied([
    { op: 'add', path: '/spec/rows', value: [{ x: 1 }, { x: 2 }] },
    { op: 'replace', path: '/spec/rows/-1/x', value: 9 },
  ]);
  assert.deepEqual((nested.spec as Record<string, unknown>).rows, [{ x: 1 }, { x: 9 }]);
  const e = failure([{ op: 'remove', path: '/spec/list/-4' }]);
  assert.match(e.reason, /index -4 is before the start of \/spec\/list, which has 3 elements/);
  const message = "error in remove for path: '/spec/list/-4': Unable to access invalid index: -4: invalid index referenced";
  assert.deepEqual(e.apiServer, { status: 422, message });
});

test('server apply: in an add a negative index counts the new element, so -1 appends', () => {
  assert.deepEqual(applied([{ op: 'add', path: '/spec/list/-1', value: 'd' }]).spec.list, ['a', 'b', 'c', 'd']);
  assert.deepEqual(applied([{ op: 'add', path: '/spec/list/-2', value: 'x' }]).spec.list, ['a', 'b', 'x', 'c']);
  assert.deepEqual(applied([{ op: 'add', path: '/spec/list/-4', value: 'x' }]).spec.list, ['x', 'a', 'b', 'c']);
  const e = failure([{ op: 'add', path: '/spec/list/-5', value: 'x' }]);
  assert.match(e.reason, /an `add` takes: 0 to 3, or -4 to -1 from the end/);
});

test('server apply: a move to -1 appends after the source is removed', () => {
  assert.deepEqual(applied([{ op: 'move', from: '/spec/list/0', path: '/spec/list/-1' }]).spec.list, ['b', 'c', 'a']);
});

test('server apply: indices with leading zeros or a sign are read as Go integers', () => {
  assert.deepEqual(applied([{ op: 'replace', path: '/spec/list/01', value: 'B' }]).spec.list, ['a', 'B', 'c']);
  assert.deepEqual(applied([{ op: 'remove', path: '/spec/list/+2' }]).spec.list, ['a', 'b']);
  assert.deepEqual(applied([{ op: 'add', path: '/spec/list/-0', value: 'z' }]).spec.list, ['z', 'a', 'b', 'c']);
  const e = failure([{ op: 'remove', path: '/spec/list/1.0' }]);
  assert.match(e.reason, /`1\.0` is not an array index, and \/spec\/list is an array/);
  assert.equal(e.apiServer.message, 'error in remove for path: \'/spec/list/1.0\': strconv.Atoi: parsing "1.0": invalid syntax');
});

test('server apply: a test of null passes for a missing member and for a null one, not for a missing parent or index', () => {
  applied([{ op: 'test', path: '/spec/o/missing', value: null }]);
  applied([{ op: 'test', path: '/spec/o/z', value: null }]);
  assert.match(failure([{ op: 'test', path: '/spec/o/missing', value: 'x' }]).reason, /^test failed: \/spec\/o\/missing is missing, not "x"\.$/);
  assert.match(failure([{ op: 'test', path: '/spec/nothing/x', value: null }]).reason, /\/spec\/nothing does not exist in the object/);
  assert.match(failure([{ op: 'test', path: '/spec/list/3', value: null }]).reason, /index 3 is past the end of \/spec\/list/);
});

test('server apply: replace of a missing member adds it; copy from a missing member writes null', () => {
  assert.equal((applied([{ op: 'replace', path: '/spec/o/new', value: 1 }]).spec.o as Record<string, unknown>).new, 1);
  const copied = applied([{ op: 'copy', from: '/spec/o/missing', path: '/spec/o/c' }]).spec.o as Record<string, unknown>;
  assert.ok(Object.hasOwn(copied, 'c') && copied.c === null, `copy of a missing member: ${JSON.stringify(copied)}`);
  assert.match(failure([{ op: 'move', from: '/spec/o/missing', path: '/spec/o/c' }]).reason, /from \/spec\/o\/missing does not exist in the object/);
});

test('server apply: the empty pointer can only be replaced (by an object or array) or tested', () => {
  assert.deepEqual(applied([{ op: 'replace', path: '', value: { fresh: true } }]), { fresh: true });
  assert.deepEqual(applied([{ op: 'replace', path: '', value: 5 }]), doc(), 'a scalar leaves the document as it is (the library loses its own error)');
  applied([{ op: 'test', path: '', value: { a: [1] } }], { a: [1] });
  for (const op of [
    { op: 'add', path: '', value: {} },
    { op: 'remove', path: '' },
    { op: 'copy', from: '', path: '/spec/x' },
  ] as PatchOp[]) {
    assert.match(failure([op]).reason, /the empty pointer names the whole document/, JSON.stringify(op));
  }
});

test('server apply: a test compares scalars as JSON text, as the value was sent', () => {
  // Sent as JSON.stringify writes it (what kgctl and the extension do): 1.0 is just 1.
  applied([{ op: 'test', path: '/spec/n', value: 1.0 }]);
  applied('[{"op":"test","path":"/spec/n","value":1}]');
  const text = failure('[{"op":"test","path":"/spec/n","value":1.0}]');
  assert.match(text.reason, /^test failed: \/spec\/n is 1, but the API server compares JSON text: it writes that as 1, and the test sent 1\.0\.$/);
  assert.deepEqual(text.apiServer, { status: 422, message: 'testing value /spec/n failed: test failed' });
  assert.match(failure('[{"op":"test","path":"/spec/o/k","value":"\\u0076"}]').reason, /it writes that as "v", and the test sent "\\u0076"/);
  applied('[{"op":"test","path":"/spec/o/k","value":"v"}]');
});

test('server apply: < > & in strings match only when sent escaped as the API server writes them', () => {
  assert.match(failure([{ op: 'test', path: '/spec/s', value: 'a<b' }]).reason, /it writes that as "a\\u003cb", and the test sent "a<b"/);
  applied('[{"op":"test","path":"/spec/s","value":"a\\u003cb"}]');
  failure('[{"op":"test","path":"/spec/s","value":"a<b"}]');
});

test('server apply: objects and arrays are compared member by member, whatever the order and spacing', () => {
  applied('[{"op":"test","path":"/spec/o","value":{ "z" : null, "k" : "v" }}]');
  applied('[{"op":"test","path":"/spec/list","value":[ "a", "b", "c" ]}]');
  failure('[{"op":"test","path":"/spec/o","value":{"k":"v"}}]');
  failure('[{"op":"test","path":"/spec","value":{"list":["a","b","c"],"n":1.0,"s":"a\\u003cb","o":{"k":"v","z":null}}}]');
  applied('[{"op":"test","path":"/spec","value":{"list":["a","b","c"],"n":1,"s":"a\\u003cb","o":{"k":"v","z":null}}}]');
});

test('server apply: comparing arrays that hold null crashes the library, so the answer is a 500', () => {
  const input = { spec: { l: ['a', null] } };
  for (const ops of [[{ op: 'test', path: '/spec/l', value: ['a', null] }], [{ op: 'test', path: '/spec/l', value: ['a', 'b'] }]] as PatchOp[][]) {
    const e = failure(ops, input);
    assert.equal(e.apiServer.status, 500, JSON.stringify(ops));
    assert.match(e.reason, /crash/, JSON.stringify(ops));
  }
  assert.equal(failure([{ op: 'test', path: '/spec/l', value: ['a'] }], input).apiServer.status, 422, 'arrays of other lengths are simply different');
});

test('server apply: the copies of one patch may add at most 3 MiB', () => {
  const input = { s: 'x'.repeat(1024 * 1024), t: {} };
  const copy = (k: string): PatchOp => ({ op: 'copy', from: '/s', path: `/t/${k}` });
  applied([copy('a'), copy('b')], input);
  const e = failure([copy('a'), copy('b'), copy('c')], input);
  assert.equal(e.index, 2);
  assert.equal(e.apiServer.message, 'Unable to complete the copy, the accumulated size increase of copy is 3145734, exceeding the limit 3145728');
});

test('server apply: a pointer is split the way the library splits it', () => {
  assert.equal((applied([{ op: 'add', path: 'spec/top', value: 1 }]) as unknown as Record<string, unknown>).top, 1, 'the text before the first / is ignored');
  assert.match(failure([{ op: 'add', path: 'top', value: 1 }]).reason, /"top" is not a JSON Pointer: it must start with \//);
  assert.equal((applied([{ op: 'add', path: '/spec/o/a~2b', value: 1 }]).spec.o as Record<string, unknown>)['a~2b'], 1, 'an unknown ~ escape stays as written');
  const proto = applied([{ op: 'add', path: '/spec/o/__proto__', value: { polluted: 1 } }]).spec.o as Record<string, unknown>;
  assert.equal(proto.polluted, undefined, '__proto__ is a plain member, not the prototype');
  assert.deepEqual(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value, { polluted: 1 });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('server apply: operations without a value write null, and a test without one fails', () => {
  const op = { op: 'add', path: '/spec/x' } as unknown as PatchOp;
  assert.equal((applied([op]).spec as Record<string, unknown>).x, null);
  assert.equal(failure([{ op: 'test', path: '/spec/o/missing' } as unknown as PatchOp]).apiServer.status, 500, 'v4.12.0 crashes on a missing value there');
  assert.match(failure([{ op: 'test', path: '/spec/n' } as unknown as PatchOp]).reason, /the operation has no `value`/);
});

test('server apply: an undecodable operation or body is a 400, as the API server decodes the patch first', () => {
  const e = failure([{ op: 'test', path: '/spec/n', value: 5 }, 7 as unknown as PatchOp]);
  assert.equal(e.index, 1, 'the bad operation is named even though an earlier one fails too');
  assert.deepEqual(e.apiServer, { status: 400, message: 'json: cannot unmarshal number into Go value of type jsonpatch.Operation' });
  assert.deepEqual(failure('{"op":"add"}').apiServer, { status: 400, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
  assert.equal(failure('[{"op":').apiServer.status, 400);
  assert.deepEqual(failure([{ op: 'frob', path: '/x' } as unknown as PatchOp]).apiServer, { status: 422, message: 'Unexpected kind: frob' });
});

test('server apply: a value repeated in an operation counts once, the last one, as Go decodes it', () => {
  applied('[{"op":"test","path":"/spec/n","value":2,"value":1}]');
  applied('[{"op":"test","path":"/spec/o","value":{"k":"x","k":"v","z":null}}]');
});

test('server apply: whatever the input, only PatchApplyError is thrown and the inputs are untouched', () => {
  const pointers = ['', '/', '/spec', '/spec/list', '/spec/list/-', '/spec/list/-1', '/spec/list/9', '/spec/list/01', '/spec/o/z', '/spec/o/z/x', '/spec/s/x'];
  pointers.push('x', '/spec/o/~', '/spec/o/__proto__');
  const values: unknown[] = [null, 1, -0, 'x', [], {}, [null], { a: [1, null] }, Number.NaN, undefined];
  const kinds = ['add', 'remove', 'replace', 'move', 'copy', 'test', 'frob', 7, undefined];
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)];
  let failed = 0;
  for (let i = 0; i < 2000; i++) {
    const one = () => ({ op: pick(kinds), path: pick(pointers), from: pick(pointers), value: pick(values) });
    const ops = Array.from({ length: 1 + next(3) }, one);
    const input = doc();
    const opsBefore = JSON.stringify(ops);
    try {
      applyPatch(input, ops as PatchOp[]);
      applyPatchText(input, JSON.stringify(ops));
    } catch (e) {
      assert.ok(e instanceof PatchApplyError, `${opsBefore}: ${String(e)}`);
      assert.doesNotMatch(e.message, /\n/, `${opsBefore}: one line`);
      failed++;
    }
    assert.deepEqual(input, doc(), `${opsBefore} changed the input`);
    assert.equal(JSON.stringify(ops), opsBefore, 'the ops changed');
  }
  assert.ok(failed > 200 && failed < 1900, `a mix of outcomes, not ${failed} failures of 2000`);
});
