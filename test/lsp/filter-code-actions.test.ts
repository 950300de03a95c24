import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver';
import { compileFilter } from '../../server/src/engine';
import { applyEdits, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

/** The quick fixes for the document's diagnostic with `code`, and the text each produces. */
async function fixes(text: string, code: string, suffix = '.kgfilter'): Promise<{ title: string; result: string; preferred: boolean }[]> {
  const uri = h.open(`a${n++}${suffix}`, text);
  const diagnostics = (await h.diagnostics(uri)).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `one ${code} diagnostic in ${text}`);
  const actions: CodeAction[] = await h.codeActions(uri, diagnostics);
  return actions.map((a) => ({ title: a.title, result: applyEdits(text, a.edit?.changes?.[uri] ?? []), preferred: a.isPreferred === true }));
}

async function fixedText(text: string, code: string, suffix = '.kgfilter'): Promise<string> {
  const all = await fixes(text, code, suffix);
  assert.ok(all.length > 0, `a fix for ${code} in ${text}`);
  return all[0].result;
}

/** The filter compiles for its kind with no problem at all, as the engine (and so kgctl) reads it. */
function assertCompiles(text: string, kind: 'GameServer' | 'GameServerSet' = 'GameServer'): void {
  const compiled = compileFilter(text, kind);
  assert.deepEqual(
    compiled.problems.map((p) => `${p.code}: ${p.message}`),
    [],
    `${text} compiles cleanly`,
  );
  assert.equal(compiled.ok, true, `${text} compiles`);
}

describe('.kgfilter quick fixes', () => {
  test('$gte → $ge and $lte → $le', async () => {
    assert.equal(await fixedText('{"updatePriority": {"$gte": 10}}', 'unknown-operator'), '{"updatePriority": {"$ge": 10}}');
    assert.equal(await fixedText('{"$or": [{"deletionPriority": {"$lte": 1}}]}', 'unknown-operator'), '{"$or": [{"deletionPriority": {"$le": 1}}]}');
  });

  test('$gt at the root → $ge and $ne in $and, or $ge n+1 for an integer field', async () => {
    const all = await fixes('{"updatePriority": {"$gt": 5}}', 'gt-portability');
    assert.deepEqual(all, [
      { title: 'Rewrite as "$ge" and "$ne" in "$and"', result: '{"$and": [{"updatePriority": {"$ge": 5}}, {"updatePriority": {"$ne": 5}}]}', preferred: true },
      { title: 'Rewrite as "$ge": 6 (updatePriority is an integer)', result: '{"updatePriority": {"$ge": 6}}', preferred: false },
    ]);
  });

  test('$gt inside $and splits in place; inside $or only the integer form applies', async () => {
    assert.equal(
      await fixedText('{"$and": [{"opsState": "None"}, {"deletionPriority": {"$gt": 2}}]}', 'gt-portability'),
      '{"$and": [{"opsState": "None"}, {"deletionPriority": {"$ge": 2}}, {"deletionPriority": {"$ne": 2}}]}',
    );
    const inOr = await fixes('{"$or": [{"updatePriority": {"$gt": 2.5}}]}', 'gt-portability');
    assert.deepEqual(
      inOr.map((f) => [f.result, f.preferred]),
      [['{"$or": [{"updatePriority": {"$ge": 3}}]}', true]],
    );
  });

  test('two keys in one root object → wrapped in $and', async () => {
    assert.equal(
      await fixedText('{"opsState": "None", "currentState": "Ready"}', 'object-key-count'),
      '{"$and": [{"opsState": "None"}, {"currentState": "Ready"}]}',
    );
    assert.deepEqual(await fixes('{"opsState": "None", "bogus": 1}', 'object-key-count'), [], 'no wrap when a key is not a field');
  });

  test('wrapping in $and writes array shorthand out as $eq, which $and requires', async () => {
    const fixed = await fixedText('{"images":["game,a:1"],"opsState":"None"}', 'object-key-count');
    assert.equal(fixed, '{"$and": [{"images": {"$eq": ["game,a:1"]}}, {"opsState": "None"}]}');
    assertCompiles(fixed);
    const gss = await fixedText('{"images":["game,a:1", "sidecar,b:2"],"namespace":"games"}', 'object-key-count', '.gss.kgfilter');
    assert.equal(gss, '{"$and": [{"images": {"$eq": ["game,a:1", "sidecar,b:2"]}}, {"namespace": "games"}]}');
    assertCompiles(gss, 'GameServerSet');
  });

  test('two fields in one $and element → one element each, titled as the same meaning', async () => {
    const all = await fixes('{"$and": [{"opsState": "None", "images": ["game,a:1"]}, {"currentState": "Ready"}]}', 'object-key-count');
    assert.deepEqual(all, [
      {
        title: 'Split into 2 elements of "$and" (same meaning: "$and" needs every element to match)',
        result: '{"$and": [{"opsState": "None"}, {"images": {"$eq": ["game,a:1"]}}, {"currentState": "Ready"}]}',
        preferred: true,
      },
    ]);
    assertCompiles(all[0].result);
  });

  test('two fields in one $or element get no split: it would match more', async () => {
    assert.deepEqual(await fixes('{"$or": [{"opsState": "None", "currentState": "Ready"}]}', 'object-key-count'), []);
  });

  test('no split when a key of the element is not a field', async () => {
    assert.deepEqual(await fixes('{"$and": [{"opsState": "None", "$or": []}]}', 'object-key-count'), [], 'a nested logic key');
    assert.deepEqual(await fixes('{"$and": [{"opsState": "None", "bogus": 1}]}', 'object-key-count'), [], 'an unknown key');
  });

  test('near-miss values, misspelt fields, swapped ranges, array shorthand in $and', async () => {
    assert.equal(await fixedText('{"opsState": "waittobedeleted"}', 'near-miss-value'), '{"opsState": "WaitToBeDeleted"}');
    assert.equal(await fixedText('{"$and": [{"currentState": "ready"}]}', 'near-miss-value'), '{"$and": [{"currentState": "Ready"}]}');
    assert.equal(await fixedText('{"opsStat": "None"}', 'unknown-field'), '{"opsState": "None"}');
    assert.equal(await fixedText('{"updatePriority": {"$range": [10, 1]}}', 'range-order'), '{"updatePriority": {"$range": [1, 10]}}');
    assert.equal(await fixedText('{"$and": [{"images": ["a,b"]}]}', 'array-shorthand-not-root'), '{"$and": [{"images": {"$eq": ["a,b"]}}]}');
  });

  test('a duplicate key: the one kruise-game-api ignores is removed', async () => {
    const all = await fixes('{"$and": [{"opsState": "None", "opsState": "Allocated"}]}', 'duplicate-key');
    assert.deepEqual(all, [{ title: 'Remove this "opsState" (only the last one is read)', result: '{"$and": [{"opsState": "Allocated"}]}', preferred: true }]);
    assertCompiles(all[0].result);
  });

  test('a value of the wrong type, where the text says which value was meant', async () => {
    assert.deepEqual(await fixes('{"updatePriority": "10"}', 'value-type'), [{ title: 'Change to 10', result: '{"updatePriority": 10}', preferred: true }]);
    assert.equal(await fixedText('{"deletionPriority": {"$in": [1, "-2.5"]}}', 'value-type'), '{"deletionPriority": {"$in": [1, -2.5]}}');
    assert.equal(await fixedText('{"name": {"$ne": 12}}', 'value-type'), '{"name": {"$ne": "12"}}');
    assert.deepEqual(await fixes('{"opsState": {"$in": "None"}}', 'value-type'), [
      { title: 'Wrap it in [ ]', result: '{"opsState": {"$in": ["None"]}}', preferred: true },
    ]);
    assert.equal(await fixedText('{"updatePriority": {"$in": 3}}', 'value-type'), '{"updatePriority": {"$in": [3]}}');
    const unclear = ['{"updatePriority": "ten"}', '{"updatePriority": " 10"}', '{"opsState": null}', '{"opsState": {"$in": 1}}'];
    unclear.push('{"updatePriority": {"$range": 5}}');
    for (const text of unclear) {
      assert.deepEqual(await fixes(text, 'value-type'), [], `no fix for ${text}: nothing says which value was meant`);
    }
  });

  test('$and or $or given an object gets its fields as the array of clauses', async () => {
    assert.deepEqual(await fixes('{"$and": {"opsState": "None", "currentState": "Ready"}}', 'logic-not-array'), [
      { title: 'Make each field its own element of the array', result: '{"$and": [{"opsState": "None"}, {"currentState": "Ready"}]}', preferred: true },
    ]);
    assert.deepEqual(await fixes('{"$or": {"opsState": "None"}}', 'logic-not-array'), [
      { title: 'Wrap it in [ ]', result: '{"$or": [{"opsState": "None"}]}', preferred: true },
    ]);
    assert.deepEqual(await fixes('{"$or": "None"}', 'logic-not-array'), [], 'a string says nothing about the clauses meant');
  });

  test('each fix leaves a filter without that problem', async () => {
    for (const [text, code] of [
      ['{"updatePriority": {"$gt": 5}}', 'gt-portability'],
      ['{"opsState": "None", "currentState": "Ready"}', 'object-key-count'],
      ['{"images": ["game,a:1"], "opsState": "None"}', 'object-key-count'],
      ['{"$and": [{"images": ["game,a:1"], "opsState": "None"}]}', 'object-key-count'],
      ['{"updatePriority": {"$gte": 10}}', 'unknown-operator'],
      ['{"opsState": "None", "opsState": "Allocated"}', 'duplicate-key'],
      ['{"updatePriority": {"$range": [1, "5"]}}', 'value-type'],
      ['{"opsState": {"$in": "None"}}', 'value-type'],
      ['{"$or": {"opsState": "None", "name": "a"}}', 'logic-not-array'],
    ] as const) {
      const fixed = await fixedText(text, code);
      const after = await h.diagnostics(h.open(`after${n++}.kgfilter`, fixed));
      assert.deepEqual(
        after.map((d) => d.code),
        [],
        `${code} fixed in ${fixed}`,
      );
      assertCompiles(fixed);
    }
  });

  test('diagnostics from other sources get no fixes', async () => {
    const uri = h.open('foreign.kgfilter', '{"updatePriority": {"$gte": 10}}');
    const [d] = await h.diagnostics(uri);
    assert.deepEqual(await h.codeActions(uri, [{ ...d, source: 'other' }]), []);
  });
});
