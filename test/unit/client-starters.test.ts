// The documents OKG: New Filter and OKG: New Patch open: the language server reports nothing on
// them, they mean what their comments say, and they survive the trip to kruisegamectl.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { kruisegamectlCommand } from '../../client/src/commands/kruisegamectl-command';
import { filterStarter, patchStarter } from '../../client/src/commands/starters';
import { compileFilter, checkPatch } from '../../server/src/engine/index';
import { filterDiagnostics } from '../../server/src/features/filter-diagnostics';
import { patchDiagnostics } from '../../server/src/features/patch-diagnostics';
import { gs } from './client-fixtures';

const untitled = (language: string, text: string) => TextDocument.create('untitled:Untitled-1', language, 1, text);
const described = (ds: { message: string; range: { start: { line: number } } }[]) => ds.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ');

test('the starter filter gets no diagnostic at all from the language server, as an untitled document', () => {
  const ds = filterDiagnostics(untitled('kgfilter', filterStarter()));
  assert.equal(ds.length, 0, `the starter filter has diagnostics: ${described(ds)}`);
});

test('the starter patch gets no diagnostic at all from the language server, as an untitled document', () => {
  const ds = patchDiagnostics(untitled('kgpatch', patchStarter()));
  assert.equal(ds.length, 0, `the starter patch has diagnostics: ${described(ds)}`);
});

test('the starter filter matches idle Ready GameServers and nothing else', () => {
  const compiled = compileFilter(filterStarter(), 'GameServer');
  assert.ok(compiled.ok, 'the starter filter does not compile');
  const cases: [string, string, boolean][] = [
    ['Ready', 'None', true],
    ['Ready', 'Maintaining', false],
    ['NotReady', 'None', false],
  ];
  for (const [state, opsState, expected] of cases) {
    assert.equal(compiled.matches(gs('default', 'g', { state, opsState })), expected, `${state}/${opsState}`);
  }
});

test('both starters explain themselves in comments and pass to kruisegamectl without them', () => {
  for (const [name, text] of [
    ['filter', filterStarter()],
    ['patch', patchStarter()],
  ]) {
    assert.match(text, /^\/\/ /, `the starter ${name} does not open with a comment`);
  }
  assert.deepEqual(checkPatch(patchStarter(), 'GameServer').ops, [{ op: 'replace', path: '/spec/updatePriority', value: 10 }]);
  const r = kruisegamectlCommand({ kind: 'GameServer', filterText: filterStarter(), patchText: patchStarter() });
  assert.deepEqual(r, {
    ok: true,
    command:
      `kruisegamectl -r gameserver -f '{"$and":[{"opsState":"None"},{"currentState":"Ready"}]}'` +
      ` -j '[{"op":"replace","path":"/spec/updatePriority","value":10}]'`,
  });
});
