// Quick fixes for .kgpatch problems through the server: each engine replacement as an edit of the node
// it is about, a patch without that problem afterwards, and nothing for problems without one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyEdits, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function open(text: string, suffix: string): Promise<{ uri: string; diags: Diagnostic[] }> {
  const uri = h.open(`q${n++}${suffix}`, text);
  return { uri, diags: await h.diagnostics(uri) };
}

/** The fixes offered for the one diagnostic with `code`, with the text each leaves. */
async function fixes(text: string, code: string, suffix = '.kgpatch'): Promise<{ title: string; result: string; action: CodeAction }[]> {
  const { uri, diags } = await open(text, suffix);
  const matching = diags.filter((d) => d.code === code);
  assert.equal(matching.length, 1, `one ${code} diagnostic in ${text}: ${diags.map((d) => d.code).join(', ')}`);
  const actions = await h.codeActions(uri, matching);
  return actions.map((action) => ({ title: action.title, result: applyEdits(text, action.edit?.changes?.[uri] ?? []), action }));
}

const CASES: { name: string; text: string; code: string; fixed: string; title: string; suffix?: string }[] = [
  {
    name: 'a misspelt path segment',
    text: '[{"op":"replace","path":"/spec/opState","value":"Kill"}]',
    code: 'unknown-path-segment',
    fixed: '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]',
    title: 'Change to "/spec/opsState"',
  },
  {
    name: 'a near-miss opsState',
    text: '[{"op":"replace","path":"/spec/opsState","value":"kill"}]',
    code: 'opsstate-not-reserved',
    fixed: '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]',
    title: 'Change to "Kill"',
  },
  {
    name: 'a misspelt op',
    text: '[{"op":"relpace","path":"/spec/opsState","value":"Kill"}]',
    code: 'invalid-op',
    fixed: '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]',
    title: 'Change to "replace"',
  },
  {
    name: 'a pointer without its leading slash',
    text: '[{"op":"replace","path":"spec/opsState","value":"Kill"}]',
    code: 'invalid-pointer',
    fixed: '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]',
    title: 'Change to "/spec/opsState"',
  },
  {
    name: 'a near-miss enum value in a GameServerSet patch',
    text: '[{"op":"replace","path":"/spec/updateStrategy/rollingUpdate/podUpdatePolicy","value":"inplaceifpossible"}]',
    code: 'invalid-value',
    fixed: '[{"op":"replace","path":"/spec/updateStrategy/rollingUpdate/podUpdatePolicy","value":"InPlaceIfPossible"}]',
    title: 'Change to "InPlaceIfPossible"',
    suffix: '.gss.kgpatch',
  },
];

describe('.kgpatch quick fixes', () => {
  for (const c of CASES) {
    test(`${c.name}: the engine's replacement, and the problem is gone`, async () => {
      const all = await fixes(c.text, c.code, c.suffix);
      assert.deepEqual(
        all.map((f) => [f.title, f.result]),
        [[c.title, c.fixed]],
      );
      assert.equal(all[0].action.isPreferred, true, 'preferred');
      const after = await open(all[0].result, c.suffix ?? '.kgpatch');
      assert.deepEqual(
        after.diags.map((d) => d.code),
        [],
        `no problem left in ${all[0].result}`,
      );
    });
  }

  test('a misspelt member key is renamed, which also settles the missing value', async () => {
    const text = '[{"op":"replace","path":"/spec/opsState","vaule":"Kill"}]';
    const all = await fixes(text, 'unknown-op-member');
    assert.deepEqual(
      all.map((f) => f.result),
      ['[{"op":"replace","path":"/spec/opsState","value":"Kill"}]'],
    );
    assert.deepEqual((await open(all[0].result, '.kgpatch')).diags, []);
  });

  test('a lone operation object is wrapped into the array a patch is', async () => {
    const text = '{"op": "replace", "path": "/spec/opsState", "value": "Kill"}';
    const all = await fixes(text, 'root-not-array');
    assert.deepEqual(
      all.map((f) => [f.title, f.result, f.action.isPreferred]),
      [['Wrap it in [ ]', `[${text}]`, true]],
    );
    assert.deepEqual((await open(all[0].result, '.kgpatch')).diags, [], 'a clean patch afterwards');
    assert.deepEqual(await fixes('{"opsState": "Kill"}', 'root-not-array'), [], 'an object that is not an operation is not wrapped');
  });

  test('a member the op does not use is removed with its comma', async () => {
    const remove = await fixes('[{"op": "remove", "path": "/spec/networkDisabled", "value": true}]', 'unused-op-member');
    assert.deepEqual(
      remove.map((f) => [f.title, f.result]),
      [['Remove "value" (remove does not use it)', '[{"op": "remove", "path": "/spec/networkDisabled"}]']],
    );
    const first = await fixes('[{"from": "/spec/opsState", "op": "replace", "path": "/spec/opsState", "value": "None"}]', 'unused-op-member');
    const expected = '[{"op": "replace", "path": "/spec/opsState", "value": "None"}]';
    assert.deepEqual(
      first.map((f) => f.result),
      [expected],
      'the first member goes with the comma after it',
    );
    for (const f of [...remove, ...first]) assert.deepEqual((await open(f.result, '.kgpatch')).diags, [], `no problem left in ${f.result}`);
  });

  test('problems without a replacement, and diagnostics from other sources, get no fix', async () => {
    assert.deepEqual(await fixes('[{"op":"replace","path":"/spec/updatePriority","value":"12abc"}]', 'priority-not-integer'), []);
    const { uri, diags } = await open('[{"op":"replace","path":"/spec/opState","value":"Kill"}]', '.kgpatch');
    assert.deepEqual(
      await h.codeActions(
        uri,
        diags.map((d) => ({ ...d, source: 'other' })),
      ),
      [],
    );
  });
});
