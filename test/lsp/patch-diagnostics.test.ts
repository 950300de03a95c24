import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function diagnose(text: string, suffix = '.kgpatch'): Promise<{ uri: string; diags: Diagnostic[] }> {
  const uri = h.open(`d${n++}${suffix}`, text);
  return { uri, diags: await h.diagnostics(uri) };
}

const r = (sc: number, ec: number) => ({ start: { line: 0, character: sc }, end: { line: 0, character: ec } });
const codes = (diags: Diagnostic[]) => diags.map((d) => d.code);

describe('.kgpatch diagnostics', () => {
  test('engine problems at their ranges, with code and source', async () => {
    const { diags } = await diagnose('[{"op":"replace","path":"/spec/opState","value":"Kill"}]');
    assert.deepEqual(codes(diags), ['unknown-path-segment']);
    assert.deepEqual(diags[0].range, r(31, 38));
    assert.equal(diags[0].source, 'okg');
    assert.deepEqual(codes((await diagnose('[{"op":"rep","path":"/spec/opsState","value":"Kill"}]')).diags), ['invalid-op']);
    assert.deepEqual(codes((await diagnose('{}')).diags), ['root-not-array']);
    assert.deepEqual(codes((await diagnose('[{"op":"replace","path":"/spec/opsState","value":"Kill"}]')).diags), []);
  });

  test('the kind follows the file name', async () => {
    const text = '[{"op":"add","path":"/spec/replicas","value":"3"}]';
    assert.deepEqual(codes((await diagnose(text, '.gss.kgpatch')).diags), ['invalid-value']);
    assert.deepEqual(codes((await diagnose(text)).diags), ['unknown-path-segment']);
  });
});
