import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hoverText, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function hover(marked: string, suffix = '.kgpatch') {
  const { uri, position } = h.openAt(`h${n++}${suffix}`, marked);
  return h.hover(uri, position);
}

describe('.kgpatch hover', () => {
  test('a path segment shows the schema description and type up to that segment', async () => {
    const result = await hover('[{"op": "replace", "path": "/spec/ops|State", "value": "Kill"}]');
    const text = hoverText(result);
    assert.match(text, /^\*\*\/spec\/opsState\*\* · `string`/, text);
    assert.match(text, /Reserved values: None, WaitToBeDeleted/, text);
    assert.deepEqual(result?.range, { start: { line: 0, character: 33 }, end: { line: 0, character: 42 } });
    const spec = hoverText(await hover('[{"op": "replace", "path": "/sp|ec/opsState", "value": "Kill"}]'));
    assert.match(spec, /^\*\*\/spec\*\* · `object`/, spec);
  });

  test('integer-or-string priorities and GameServerSet paths', async () => {
    assert.match(hoverText(await hover('[{"op": "replace", "path": "/spec/updatePri|ority", "value": 1}]')), /integer or string/);
    assert.match(hoverText(await hover('[{"op": "replace", "path": "/spec/repl|icas", "value": 1}]', '.gss.kgpatch')), /\/spec\/replicas/);
  });

  test('ops and member keys are explained; unknown paths are not', async () => {
    assert.match(hoverText(await hover('[{"op": "repl|ace", "path": "/spec/opsState", "value": "Kill"}]')), /fails when there is none/);
    assert.match(hoverText(await hover('[{"o|p": "replace"}]')), /The operation/);
    assert.equal(await hover('[{"op": "replace", "path": "/spec/nop|e", "value": 1}]'), null);
  });
});
