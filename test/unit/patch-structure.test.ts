// RFC 6902 structure checks: syntax, root array, op objects, op names, pointers, value presence, extra members.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPatch } from '../../server/src/engine/patch';
import { runCase, type PatchCase } from './patch-fixtures';

const REPLACE = { op: 'replace', path: '/spec/opsState', value: 'None' };

const cases: PatchCase[] = [
  { name: 'valid JSON', patch: [REPLACE], code: 'json-syntax' },
  { name: 'comments are allowed', patch: '// set state\n[ /* one op */ {"op":"remove","path":"/spec/opsState"}]', code: 'json-syntax' },
  { name: 'missing comma', patch: '[{"op":"remove" "path":"/spec/opsState"}]', code: 'json-syntax', expect: { severity: 'error', at: '"path"' } },
  { name: 'trailing comma', patch: '[{"op":"remove","path":"/spec/opsState"},]', code: 'json-syntax', expect: { severity: 'error', at: ']' } },
  { name: 'array root', patch: [REPLACE], code: 'root-not-array' },
  { name: 'object root', patch: JSON.stringify(REPLACE), code: 'root-not-array', expect: { severity: 'error', at: JSON.stringify(REPLACE) } },
  { name: 'non-empty text', patch: '[]', code: 'empty-patch' },
  { name: 'empty text', patch: '  // nothing\n', code: 'empty-patch', expect: { severity: 'error', at: '' } },
  { name: 'some operations', patch: [REPLACE], code: 'no-operations' },
  { name: 'no operations', patch: '[]', code: 'no-operations', expect: { severity: 'warning', at: '[]' } },
  { name: 'op is an object', patch: [REPLACE], code: 'op-not-object' },
  { name: 'op is a string', patch: '["remove"]', code: 'op-not-object', expect: { severity: 'error', at: '"remove"' } },
  { name: 'op present', patch: [REPLACE], code: 'missing-op' },
  { name: 'op missing', patch: '[{"path":"/spec/opsState"}]', code: 'missing-op', expect: { severity: 'error', at: '{"path":"/spec/opsState"}' } },
  { name: 'known op', patch: [{ op: 'test', path: '/spec/opsState', value: 'None' }], code: 'invalid-op' },
  {
    name: 'op near miss',
    patch: [{ op: 'replce', path: '/spec/opsState', value: 'None' }],
    code: 'invalid-op',
    expect: { severity: 'error', at: '"replce"', data: { replacement: 'replace' } },
  },
  {
    name: 'op in upper case',
    patch: [{ op: 'Add', path: '/spec/opsState', value: 'None' }],
    code: 'invalid-op',
    expect: { severity: 'error', at: '"Add"', data: { replacement: 'add' } },
  },
  { name: 'op not a string', patch: [{ op: 1, path: '/spec/opsState' }], code: 'invalid-op', expect: { severity: 'error', at: '1' } },
  { name: 'path present', patch: [REPLACE], code: 'missing-path' },
  { name: 'path missing', patch: '[{"op":"remove"}]', code: 'missing-path', expect: { severity: 'error', at: '{"op":"remove"}' } },
  { name: 'from present for move', patch: [{ op: 'move', from: '/spec/opsState', path: '/metadata/labels/x' }], code: 'missing-from' },
  {
    name: 'from missing for copy',
    patch: '[{"op":"copy","path":"/spec/opsState"}]',
    code: 'missing-from',
    expect: { severity: 'error', at: '{"op":"copy","path":"/spec/opsState"}' },
  },
  { name: 'pointer with escapes', patch: [{ op: 'add', path: '/metadata/labels/app~1tier~0x', value: 'web' }], code: 'invalid-pointer' },
  { name: 'root pointer', patch: [{ op: 'test', path: '', value: {} }], code: 'invalid-pointer' },
  {
    name: 'pointer without leading slash',
    patch: [{ op: 'remove', path: 'spec/opsState' }],
    code: 'invalid-pointer',
    expect: { severity: 'error', at: 'spec/opsState', data: { replacement: '/spec/opsState' } },
  },
  { name: 'bad ~ escape', patch: [{ op: 'remove', path: '/metadata/labels/a~2b' }], code: 'invalid-pointer', expect: { severity: 'error', at: '~' } },
  {
    name: 'from not a pointer',
    patch: [{ op: 'copy', from: 'spec', path: '/spec/opsState' }],
    code: 'invalid-pointer',
    expect: { severity: 'error', at: 'spec' },
  },
  { name: 'path not a string', patch: [{ op: 'remove', path: 3 }], code: 'invalid-pointer', expect: { severity: 'error', at: '3' } },
  { name: 'value present', patch: [REPLACE], code: 'missing-value' },
  { name: 'value null is present', patch: [{ op: 'test', path: '/spec/opsState', value: null }], code: 'missing-value' },
  {
    name: 'value missing for add',
    patch: '[{"op":"add","path":"/spec/opsState"}]',
    code: 'missing-value',
    expect: { severity: 'error', at: '{"op":"add","path":"/spec/opsState"}' },
  },
  { name: 'move to a sibling', patch: [{ op: 'move', from: '/metadata/labels', path: '/metadata/annotations' }], code: 'move-into-child' },
  { name: 'move onto itself', patch: [{ op: 'move', from: '/metadata/labels', path: '/metadata/labels' }], code: 'move-into-child' },
  { name: 'move to a longer key, not a child', patch: [{ op: 'move', from: '/metadata/labels/a', path: '/metadata/labels/ab' }], code: 'move-into-child' },
  { name: 'copy into a child', patch: [{ op: 'copy', from: '/metadata/labels', path: '/metadata/labels/x' }], code: 'move-into-child' },
  {
    name: 'move into a child',
    patch: [{ op: 'move', from: '/metadata/labels', path: '/metadata/labels/x' }],
    code: 'move-into-child',
    expect: { severity: 'error', at: '{"op":"move","from":"/metadata/labels","path":"/metadata/labels/x"}' },
  },
  {
    name: 'move into a grandchild, escapes unescaped',
    patch: [{ op: 'move', from: '/metadata/annotations/a~1b', path: '/metadata/annotations/a~1b/c/d' }],
    code: 'move-into-child',
    expect: { severity: 'error', at: '{"op":"move","from":"/metadata/annotations/a~1b","path":"/metadata/annotations/a~1b/c/d"}' },
  },
  {
    name: 'move the whole document into itself',
    patch: [{ op: 'move', from: '', path: '/spec/x' }],
    code: 'move-into-child',
    expect: { severity: 'error', at: '{"op":"move","from":"","path":"/spec/x"}' },
  },
  { name: 'only known members', patch: [REPLACE], code: 'unknown-op-member' },
  {
    name: 'misspelt value member',
    patch: '[{"op":"remove","path":"/spec/opsState","valeu":1}]',
    code: 'unknown-op-member',
    expect: { severity: 'warning', at: '"valeu"', data: { replacement: 'value' } },
  },
  {
    name: 'value on remove',
    patch: '[{"op":"remove","path":"/spec/opsState","value":1}]',
    code: 'unused-op-member',
    expect: { severity: 'warning', at: '"value"' },
  },
  { name: 'distinct members', patch: [REPLACE], code: 'duplicate-member' },
  {
    name: 'duplicate op member',
    patch: '[{"op":"remove","op":"add","path":"/spec/opsState"}]',
    code: 'duplicate-member',
    expect: { severity: 'error', at: '"op"' },
  },
  {
    name: 'deep but bounded value',
    kind: 'GameServerSet',
    code: 'too-deep',
    patch: `[{"op":"add","path":"/spec/gameServerTemplate/spec/x","value":${'['.repeat(100)}${']'.repeat(100)}}]`,
  },
  {
    name: 'nesting beyond 256 levels',
    code: 'too-deep',
    patch: `[{"op":"add","path":"/metadata/annotations","value":${'['.repeat(300)}${']'.repeat(300)}}]`,
    expect: { severity: 'error', at: '[' },
  },
];

for (const c of cases) test(`structure: ${c.name}`, () => runCase(c));

test('structure: ops come back in order with only their own members', () => {
  const r = checkPatch(
    '[{"op":"test","path":"/spec/opsState","value":"None"},{"op":"move","from":"/spec/opsState","path":"/metadata/annotations/x","value":1},{"op":"remove","path":"/spec/updatePriority"}]',
    'GameServer',
  );
  assert.deepEqual(r.ops, [
    { op: 'test', path: '/spec/opsState', value: 'None' },
    { op: 'move', from: '/spec/opsState', path: '/metadata/annotations/x' },
    { op: 'remove', path: '/spec/updatePriority' },
  ]);
  assert.equal(r.ok, true, JSON.stringify(r.problems));
});

test('structure: a move into a child says what is wrong and what to do instead', () => {
  const r = checkPatch('[{"op":"move","from":"/metadata/labels","path":"/metadata/labels/x"}]', 'GameServer');
  const p = r.problems.find((x) => x.code === 'move-into-child');
  assert.ok(p, JSON.stringify(r.problems));
  assert.equal(r.ok, false);
  for (const phrase of ['/metadata/labels into its own child /metadata/labels/x', 'RFC 6902', '`copy`']) {
    assert.ok(p.message.includes(phrase), `message lacks ${JSON.stringify(phrase)}: ${p.message}`);
  }
});

test('structure: ok is false exactly when a problem is an error', () => {
  const warningOnly = checkPatch('[{"op":"replace","path":"/spec/opsState","value":"kill"}]', 'GameServer');
  assert.equal(warningOnly.problems.length, 1, JSON.stringify(warningOnly.problems));
  assert.equal(warningOnly.ok, true);
  const withError = checkPatch('[{"op":"nope","path":"/spec/opsState"}]', 'GameServer');
  assert.equal(withError.ok, false);
});

test('structure: ranges are 0-based line and character across lines', () => {
  const text = '[\n  {"op": "remove",\n   "path": "spec"}\n]';
  const [p] = checkPatch(text, 'GameServer').problems;
  assert.equal(p.code, 'invalid-pointer');
  assert.deepEqual(p.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 16 } });
});

test('structure: hostile input never throws', () => {
  for (const text of [
    '[',
    '{',
    ']]]',
    '['.repeat(100000),
    '{"a":'.repeat(50000),
    '[{"op":',
    '[{"op":"add","path":"/spec","value":',
    '\u0000',
    '[[[[[[[]]]]]]]',
    'null',
    '"x"',
    '[null, 1, true]',
  ]) {
    const r = checkPatch(text, 'GameServerSet');
    assert.equal(r.ok, false, `${JSON.stringify(text)} must not be ok`);
  }
});
