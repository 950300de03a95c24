import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kruisegamectlCommand, shellQuote } from '../../client/src/commands/kruisegamectl-command';

test('filter with comments and layout becomes compact JSON, single-quoted', () => {
  const r = kruisegamectlCommand({
    kind: 'GameServer',
    filterText: '// idle\n{ "$and": [ {"opsState": "None"}, {"images": {"$all": ["game,game:1.0"]}} ] }\n',
    kubeconfigPath: '/home/me/.kube/config',
  });
  assert.deepEqual(r, {
    ok: true,
    command: `kruisegamectl -k '/home/me/.kube/config' -r gameserver -f '{"$and":[{"opsState":"None"},{"images":{"$all":["game,game:1.0"]}}]}'`,
  });
});

test('set kind, patch, and an empty filter (no -f)', () => {
  const r = kruisegamectlCommand({ kind: 'GameServerSet', filterText: '  ', patchText: '[{"op":"replace","path":"/spec/replicas","value":3}]' });
  assert.deepEqual(r, { ok: true, command: `kruisegamectl -r gameserverset -j '[{"op":"replace","path":"/spec/replicas","value":3}]'` });
});

test('a filter of nothing but comments is the empty filter too (no -f), as the editor reads it', () => {
  const r = kruisegamectlCommand({ kind: 'GameServer', filterText: '// every server\n/* on purpose */\n' });
  assert.deepEqual(r, { ok: true, command: 'kruisegamectl -r gameserver' });
});

test('quotes inside values survive the shell', () => {
  assert.equal(shellQuote(`it's`), `'it'\\''s'`);
  const r = kruisegamectlCommand({ kind: 'GameServer', filterText: `{"name":"o'brien"}` });
  assert.deepEqual(r, { ok: true, command: `kruisegamectl -r gameserver -f '{"name":"o'\\''brien"}'` });
});

test('invalid JSON is reported, not copied', () => {
  const r = kruisegamectlCommand({ kind: 'GameServer', filterText: '{"name": }' });
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /^The filter is not valid JSON \(ValueExpected at offset \d+\)\.$/);
});
