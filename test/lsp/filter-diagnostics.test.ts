import assert from 'node:assert/strict';
import { eventually } from '../wait';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function diagnose(text: string, suffix = '.kgfilter'): Promise<Diagnostic[]> {
  return h.diagnostics(h.open(`d${n++}${suffix}`, text));
}

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function only(diags: Diagnostic[], code: string): Diagnostic {
  assert.deepEqual(
    diags.map((d) => d.code),
    [code],
    `expected exactly one ${code}, got ${JSON.stringify(diags)}`,
  );
  assert.equal(diags[0].source, 'okg', `${code} source`);
  return diags[0];
}

describe('.kgfilter diagnostics', () => {
  test('an empty filter is an info that it matches every GameServer everywhere', async () => {
    const d = only(await diagnose('  \n'), 'empty-filter');
    assert.equal(d.severity, 3, 'information severity');
    assert.match(d.message, /every GameServer in every namespace/);
  });

  test('a near-miss opsState value is a warning at the string', async () => {
    const d = only(await diagnose('{"opsState": "waittobedeleted"}'), 'near-miss-value');
    assert.equal(d.severity, 2, 'warning severity');
    assert.deepEqual(d.range, r(0, 13, 0, 30));
    assert.deepEqual(d.data, { replacement: 'WaitToBeDeleted' });
  });

  test('$gte is an error at the operator key, on the line it is on', async () => {
    const d = only(await diagnose('{\n  "updatePriority": {\n    "$gte": 10\n  }\n}'), 'unknown-operator');
    assert.equal(d.severity, 1, 'error severity');
    assert.deepEqual(d.range, r(2, 4, 2, 10));
    assert.match(d.message, /\$ge/);
  });

  test('two keys at the root, $gt, unknown fields, GameServerSet fields', async () => {
    assert.deepEqual(only(await diagnose('{"opsState":"None","currentState":"Ready"}'), 'object-key-count').range, r(0, 0, 0, 42));
    assert.deepEqual(only(await diagnose('{"deletionPriority":{"$gt":3}}'), 'gt-portability').range, r(0, 21, 0, 26));
    assert.deepEqual(only(await diagnose('{"opsState":"None"}', '.gss.kgfilter'), 'unknown-field').range, r(0, 1, 0, 11));
    assert.deepEqual(await diagnose('{"images":{"$all":["game,nginx:1.27"]}}', '.gss.kgfilter'), []);
  });

  test('syntax errors and absurd nesting are errors, not crashes', async () => {
    assert.equal(only(await diagnose('{"opsState": }'), 'json-syntax').severity, 1);
    only(await diagnose('['.repeat(10_000)), 'too-deep');
  });

  test('incremental edits re-check the document; closing clears it', async () => {
    const uri = h.open('edit.kgfilter', '{"opsState": "None"}');
    assert.deepEqual(await h.diagnostics(uri), []);
    h.change(uri, 'none', r(0, 14, 0, 18));
    assert.equal(h.text(uri), '{"opsState": "none"}');
    assert.deepEqual(only(await h.diagnostics(uri), 'near-miss-value').range, r(0, 13, 0, 19));
    const before = h.publishes.length;
    h.closeDocument(uri);
    const cleared = async () => h.publishes.slice(before).find((p) => p.uri === uri);
    await eventually(async () => ((await cleared()) ? '' : 'no publish after close'), 2000);
    assert.deepEqual((await cleared())?.diagnostics, [], 'diagnostics cleared on close');
  });
});

describe('diagnostics are debounced per document', () => {
  test('quick edits publish once, for the last version', async () => {
    const slow = await LspHarness.start({ diagnosticsDelayMs: 300 });
    try {
      const uri = slow.open('burst.kgfilter', '{"opsState": "None"}');
      for (const v of ['Kil', 'Kill', 'kill', 'Maintaining']) slow.change(uri, `{"opsState": "${v}"}`);
      const other = slow.open('other.kgfilter', '{"opsState": "nne"}');
      assert.deepEqual(await slow.diagnostics(uri), []);
      only(await slow.diagnostics(other), 'near-miss-value');
      const versions = slow.publishes.filter((p) => p.uri === uri).map((p) => p.version);
      assert.deepEqual(versions, [5], 'one publish for the final version');
    } finally {
      slow.close();
    }
  });
});
