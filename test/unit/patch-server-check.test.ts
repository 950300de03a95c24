// checkPatch on the forms the API server accepts and RFC 6902 does not (warnings, never errors), and on
// `test` values the API server compares as JSON text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPatch } from '../../server/src/engine/patch';
import { covered, runCase, type PatchCase } from './patch-fixtures';

const GSS = 'GameServerSet';
const IDS = '/spec/reserveGameServerIds';
const WARN_MINUS_1 = { severity: 'warning', at: '-1' } as const;

const cases: PatchCase[] = [
  { name: 'plain index', kind: GSS, patch: [{ op: 'remove', path: `${IDS}/1` }], code: 'negative-array-index' },
  { name: 'negative index in remove', kind: GSS, patch: [{ op: 'remove', path: `${IDS}/-1` }], code: 'negative-array-index', expect: WARN_MINUS_1 },
  {
    name: 'negative index inside the path',
    patch: [{ op: 'replace', path: '/spec/containers/-2/image', value: 'game:2' }],
    code: 'negative-array-index',
    expect: { severity: 'warning', at: '-2' },
  },
  {
    name: 'negative index in from',
    kind: GSS,
    patch: [{ op: 'copy', from: `${IDS}/-1`, path: `${IDS}/0` }],
    code: 'negative-array-index',
    expect: WARN_MINUS_1,
  },
  { name: 'negative index in an add', kind: GSS, patch: [{ op: 'add', path: `${IDS}/-1`, value: 3 }], code: 'negative-array-index', expect: WARN_MINUS_1 },
  { name: '-1 is a plain key in a map', patch: [{ op: 'add', path: '/metadata/labels/-1', value: 'x' }], code: 'negative-array-index' },
  {
    name: 'leading zero',
    kind: GSS,
    patch: [{ op: 'remove', path: `${IDS}/01` }],
    code: 'noncanonical-array-index',
    expect: { severity: 'warning', at: '01', data: { replacement: `${IDS}/1` } },
  },
  {
    name: 'plus sign',
    patch: [{ op: 'test', path: '/spec/containers/+0/name', value: 'game' }],
    code: 'noncanonical-array-index',
    expect: { severity: 'warning', at: '+0', data: { replacement: '/spec/containers/0/name' } },
  },
  {
    name: 'minus zero',
    kind: GSS,
    patch: [{ op: 'remove', path: `${IDS}/-0` }],
    code: 'noncanonical-array-index',
    expect: { severity: 'warning', at: '-0', data: { replacement: `${IDS}/0` } },
  },
  { name: 'zero', kind: GSS, patch: [{ op: 'remove', path: `${IDS}/0` }], code: 'noncanonical-array-index' },
  { name: 'test of a string', patch: [{ op: 'test', path: '/spec/opsState', value: 'None' }], code: 'test-null-passes-when-missing' },
  {
    name: 'test of null',
    patch: [{ op: 'test', path: '/metadata/annotations/x', value: null }],
    code: 'test-null-passes-when-missing',
    expect: { severity: 'warning', at: 'null' },
  },
  { name: 'replace with null', patch: [{ op: 'replace', path: '/metadata/annotations/x', value: null }], code: 'test-null-passes-when-missing' },
  { name: 'canonical number', patch: [{ op: 'test', path: '/spec/updatePriority', value: 1 }], code: 'test-value-written-differently' },
  { name: 'canonical fraction', patch: '[{"op":"test","path":"/metadata/annotations/x","value":{"f":0.000001}}]', code: 'test-value-written-differently' },
  {
    name: '1.0',
    patch: '[{"op":"test","path":"/spec/updatePriority","value":1.0}]',
    code: 'test-value-written-differently',
    expect: { severity: 'warning', at: '1.0', data: { replacement: 1 } },
  },
  {
    name: 'exponent',
    patch: '[{"op":"test","path":"/spec/updatePriority","value":1E2}]',
    code: 'test-value-written-differently',
    expect: { severity: 'warning', at: '1E2', data: { replacement: 100 } },
  },
  {
    name: 'escape in a string',
    patch: '[{"op":"test","path":"/spec/opsState","value":"\\u004eone"}]',
    code: 'test-value-written-differently',
    expect: { severity: 'warning', at: '"\\u004eone"', data: { replacement: 'None' } },
  },
  {
    name: 'inside an object',
    patch: '[{"op":"test","path":"/metadata/labels","value":{"tier":"gold","n":-0}}]',
    code: 'test-value-written-differently',
    expect: { severity: 'warning', at: '-0', data: { replacement: 0 } },
  },
  { name: 'only test values', patch: '[{"op":"replace","path":"/spec/updatePriority","value":1.0}]', code: 'test-value-written-differently' },
  { name: 'beyond 2^53', patch: '[{"op":"test","path":"/metadata/generation","value":9007199254740993}]', code: 'test-value-written-differently' },
  {
    name: '& in a string',
    patch: '[{"op":"test","path":"/metadata/annotations/url","value":"a?b=1&c=2"}]',
    code: 'test-value-escaped-by-server',
    expect: { severity: 'warning', at: '"a?b=1&c=2"' },
  },
  {
    name: 'escaped as the server writes it',
    code: 'test-value-escaped-by-server',
    patch: '[{"op":"test","path":"/metadata/annotations/x","value":"\\u003cb\\u003e"}]',
    expect: { severity: 'warning', at: '"\\u003cb\\u003e"' },
  },
  {
    name: 'server escapes are not written differently',
    code: 'test-value-written-differently',
    patch: '[{"op":"test","path":"/metadata/annotations/x","value":"\\u003c"}]',
  },
  { name: 'array without null', patch: [{ op: 'test', path: '/metadata/finalizers', value: ['a', 'b'] }], code: 'test-array-with-null' },
  {
    name: 'array with null',
    patch: [{ op: 'test', path: '/metadata/finalizers', value: ['a', null] }],
    code: 'test-array-with-null',
    expect: { severity: 'warning', at: '["a",null]' },
  },
  { name: 'null member of an object', patch: [{ op: 'test', path: '/metadata/annotations', value: { a: null } }], code: 'test-array-with-null' },
];

for (const c of cases) test(`server forms: ${c.name}`, () => runCase(c));

test('server forms: the warnings leave the patch ok, and say the API server accepts what other tools reject', () => {
  const text = '[{"op":"remove","path":"/spec/reserveGameServerIds/-1"},{"op":"remove","path":"/spec/reserveGameServerIds/007"}]';
  const r = checkPatch(text, 'GameServerSet');
  assert.equal(r.ok, true, JSON.stringify(r.problems));
  const found = r.problems.map((p) => `${p.severity} ${p.code} @${covered(text, p)}`);
  assert.deepEqual(found, ['warning negative-array-index @-1', 'warning noncanonical-array-index @007']);
  for (const p of r.problems) {
    assert.match(p.message, /API server/, `${p.code} names the API server: ${p.message}`);
    assert.match(p.message, /other JSON Patch tools reject this patch/, `${p.code} says other tools reject it: ${p.message}`);
  }
  assert.match(r.problems[1].message, /reads `007` as index 7/);
  assert.deepEqual(
    r.ops.map((o) => o.path),
    ['/spec/reserveGameServerIds/-1', '/spec/reserveGameServerIds/007'],
    'the ops keep the indices as written',
  );
});

test('server forms: a negative index in an add says that -1 appends', () => {
  const r = checkPatch('[{"op":"add","path":"/spec/reserveGameServerIds/-1","value":4}]', 'GameServerSet');
  const p = r.problems.find((x) => x.code === 'negative-array-index');
  assert.ok(p, JSON.stringify(r.problems));
  assert.match(p.message, /-1 appends/);
  const replace = checkPatch('[{"op":"replace","path":"/spec/reserveGameServerIds/-1","value":4}]', 'GameServerSet').problems[0];
  assert.match(replace.message, /reads -1 as the last element/);
});

test('server forms: a test of null names the missing member and RFC 6902', () => {
  const r = checkPatch('[{"op":"test","path":"/metadata/annotations/lock","value":null}]', 'GameServer');
  const p = r.problems.find((x) => x.code === 'test-null-passes-when-missing');
  assert.ok(p, JSON.stringify(r.problems));
  assert.match(p.message, /when \/metadata\/annotations\/lock is missing as well as when it is null/);
  assert.match(p.message, /RFC 6902/);
});

test('server forms: a string with < > & says which senders fail', () => {
  const message = (text: string) => checkPatch(text, 'GameServer').problems.find((p) => p.code === 'test-value-escaped-by-server')?.message ?? 'no warning';
  assert.match(message('[{"op":"test","path":"/metadata/annotations/x","value":"a&b"}]'), /it never matches/);
  assert.match(message('[{"op":"test","path":"/metadata/annotations/x","value":"a\\u0026b"}]'), /matches only when the text is sent exactly as written/);
});
