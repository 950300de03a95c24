import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GS_STATES, NETWORK_STATES, OPS_STATES } from '../../server/src/engine';
import type { CompletionItem } from 'vscode-languageserver';
import { insertedText, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function complete(marked: string, suffix = '.kgfilter') {
  const { uri, position } = h.openAt(`c${n++}${suffix}`, marked);
  return h.completion(uri, position);
}

const labels = (items: { label: string }[]) => items.map((i) => i.label);
/** Each label once: a field is also offered with operator objects, under the same label. */
const fields = (items: { label: string }[]) => [...new Set(labels(items))];
/** The item for `label` with the label detail `detail` (none: the plain one). */
const variant = (items: CompletionItem[], label: string, detail?: string) => items.find((i) => i.label === label && i.labelDetails?.detail === detail);

describe('.kgfilter completion', () => {
  test('root keys: the GameServer fields plus $and / $or, each with type and path', async () => {
    const items = await complete('{|}');
    const all = ['$and', '$or', 'currentNetworkState', 'currentState', 'deletionPriority', 'images', 'name', 'namespace', 'opsState', 'updatePriority'];
    assert.deepEqual(fields(items).sort(), all.sort());
    const ops = variant(items, 'opsState');
    assert.equal(ops?.detail, 'string · reads .spec.opsState', 'opsState detail');
    assert.equal(insertedText(ops!), '"opsState": ""', 'opsState insertion');
    assert.match(items.find((i) => i.label === '$and')?.detail ?? '', /logic/, '$and detail');
  });

  test('a *.gss.kgfilter completes the GameServerSet fields', async () => {
    const items = await complete('{"|"}', '.gss.kgfilter');
    assert.deepEqual(fields(items).sort(), ['$and', '$or', 'images', 'name', 'namespace'].sort());
    const images = items.find((i) => i.label === 'images');
    assert.equal(images?.detail, 'string[] · reads .spec.gameServerTemplate.spec.containers[*] as "name,image"');
  });

  test('inside a quoted key only the key is replaced when a colon follows', async () => {
    const items = await complete('{"ops|": "None"}');
    const ops = items.find((i) => i.label === 'opsState');
    assert.equal(insertedText(ops!), '"opsState"', 'key-only insertion');
    assert.deepEqual(ops?.textEdit && 'range' in ops.textEdit && ops.textEdit.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 6 } });
  });

  test('an empty document offers whole filters', async () => {
    const items = await complete('|');
    assert.equal(insertedText(items.find((i) => i.label === 'currentState')!), '{"currentState": ""}');
    assert.equal(insertedText(items.find((i) => i.label === '$or')!), '{"$or": [{}]}');
  });

  test('number field: only its operators, as snippets, never $gte; $gt flagged', async () => {
    const items = await complete('{"updatePriority": {|}}');
    assert.deepEqual(labels(items).sort(), ['$eq', '$ge', '$gt', '$in', '$le', '$lt', '$ne', '$range'].sort());
    const gt = items.find((i) => i.label === '$gt')!;
    assert.deepEqual(gt.tags, [1], '$gt carries the deprecated tag');
    assert.match(String(gt.detail), /less-than/, '$gt detail names the bug');
    assert.equal(insertedText(items.find((i) => i.label === '$ge')!), '"$ge": 0');
    assert.equal(items.find((i) => i.label === '$ge')!.insertTextFormat, 2, 'snippet format');
  });

  test('a number field key also completes to operator objects, after the plain value and never with $gt', async () => {
    const items = await complete('{|}');
    const dp = items.filter((i) => i.label === 'deletionPriority');
    assert.deepEqual(
      dp.map((i) => [i.labelDetails?.detail ?? '', insertedText(i)]),
      [
        ['', '"deletionPriority": 0'],
        [' {"$ge": …}', '"deletionPriority": {"$ge": 0}'],
        [' {"$le": …}', '"deletionPriority": {"$le": 0}'],
        [' {"$lt": …}', '"deletionPriority": {"$lt": 0}'],
        [' {"$ne": …}', '"deletionPriority": {"$ne": 0}'],
        [' {"$in": …}', '"deletionPriority": {"$in": [0]}'],
        [' {"$range": …}', '"deletionPriority": {"$range": [0, 10]}'],
      ],
      'the plain value, then one operator object per operator kruise-game-api supports on numbers',
    );
    const sorted = [...dp].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.equal(sorted[0], dp[0], 'the plain value sorts first');
    assert.ok(
      dp.every((i) => i.insertTextFormat === 2 && i.filterText === 'deletionPriority'),
      'snippets, all found by typing the field name',
    );
    assert.ok(!items.some((i) => i.labelDetails?.detail?.includes('$gt') || i.labelDetails?.detail?.includes('$gte')), 'no $gt or $gte object');
    const ge = variant(items, 'deletionPriority', ' {"$ge": …}')!;
    assert.match(String(ge.detail), /Greater than or equal/, 'the detail says what the operator does');
    const empty = await complete('|');
    const range = variant(empty, 'updatePriority', ' {"$range": …}')!;
    assert.equal(insertedText(range), '{"updatePriority": {"$range": [0, 10]}}', 'a whole filter in an empty document');
  });

  test('a string field key also completes to $ne, $in and $regex objects; those with values reopen the list', async () => {
    const items = await complete('{"|"}');
    const ops = items.filter((i) => i.label === 'opsState');
    assert.deepEqual(
      ops.map((i) => [i.labelDetails?.detail ?? '', insertedText(i), i.command?.command ?? '']),
      [
        ['', '"opsState": ""', 'editor.action.triggerSuggest'],
        [' {"$ne": …}', '"opsState": {"$ne": ""}', 'editor.action.triggerSuggest'],
        [' {"$in": …}', '"opsState": {"$in": [""]}', 'editor.action.triggerSuggest'],
        [' {"$regex": …}', '"opsState": {"$regex": "^"}', ''],
      ],
    );
    assert.ok(
      ops.every((i) => i.filterText === '"opsState"'),
      'inside a key string the filter text carries the quote',
    );
    const inAnd = await complete('{"$and": [{|}]}');
    assert.ok(variant(inAnd, 'name', ' {"$regex": …}'), 'offered inside $and elements too');
  });

  test('a key that already has its value part gets only the key, no operator objects', async () => {
    const items = await complete('{"dele|": 3}');
    assert.deepEqual(items.filter((i) => i.label === 'deletionPriority').map(insertedText), ['"deletionPriority"']);
    assert.ok(
      items.every((i) => i.labelDetails === undefined),
      'no item with a label detail',
    );
  });

  test('string and string[] fields get their own operators', async () => {
    const name = await complete('{"name": {|}}');
    assert.deepEqual(labels(name).sort(), ['$eq', '$in', '$ne', '$range', '$regex']);
    assert.equal(insertedText(name.find((i) => i.label === '$eq')!), '"$eq": ""', 'a string operand comes quoted');
    assert.equal(insertedText(name.find((i) => i.label === '$in')!), '"$in": [""]', 'a string list comes with a quoted element');
    assert.deepEqual(labels(await complete('{"images": {|}}')).sort(), ['$all', '$eq']);
    assert.deepEqual(labels(await complete('{"$and": [{"currentState": {|}}]}')).sort(), ['$eq', '$in', '$ne', '$range', '$regex']);
  });

  test('opsState values: the reserved values, replacing the string', async () => {
    const items = await complete('{"opsState": "Wa|"}');
    assert.deepEqual(labels(items), [...OPS_STATES]);
    const wait = items.find((i) => i.label === 'WaitToBeDeleted')!;
    assert.equal(insertedText(wait), '"WaitToBeDeleted"');
    assert.deepEqual(wait.textEdit && 'range' in wait.textEdit && wait.textEdit.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } });
  });

  test('a bare value position also offers operator objects', async () => {
    const items = await complete('{"opsState": |}');
    assert.ok(labels(items).includes('None'), 'None offered');
    assert.equal(insertedText(items.find((i) => i.label === '$regex')!), '{"$regex": "^"}');
  });

  test('state values inside $and, $in and $eq', async () => {
    assert.deepEqual(labels(await complete('{"$and": [{"currentState": "|"}]}')), [...GS_STATES]);
    assert.deepEqual(labels(await complete('{"currentNetworkState": {"$eq": "|"}}')), [...NETWORK_STATES]);
    assert.deepEqual(labels(await complete('{"opsState": {"$in": ["None", "|"]}}')), [...OPS_STATES]);
    assert.deepEqual(labels(await complete('{"opsState": {"$regex": "|"}}')), [], 'no values for a pattern');
  });

  test('inside $and elements only fields, no nested logic', async () => {
    const items = await complete('{"$and": [{"opsState": "None"}, {|}]}');
    assert.ok(!labels(items).includes('$and') && !labels(items).includes('$or'), `no logic keys in ${labels(items)}`);
    assert.ok(labels(items).includes('currentState'), 'fields offered');
    const element = await complete('{"$or": [|]}');
    assert.equal(insertedText(element.find((i) => i.label === 'opsState')!), '{"opsState": ""}');
  });

  test('unknown fields and operators get nothing', async () => {
    assert.deepEqual(await complete('{"nope": {|}}'), []);
    assert.deepEqual(await complete('{"opsState": {"$gte": |}}'), []);
  });
});
