import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GS_STATES, NETWORK_STATES, OPS_STATES } from '../../server/src/engine';
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

describe('.kgfilter completion', () => {
  test('root keys: the GameServer fields plus $and / $or, each with type and path', async () => {
    const items = await complete('{|}');
    assert.deepEqual(labels(items).sort(), ['$and', '$or', 'currentNetworkState', 'currentState', 'deletionPriority', 'images', 'name', 'namespace', 'opsState', 'updatePriority'].sort());
    const ops = items.find((i) => i.label === 'opsState');
    assert.equal(ops?.detail, 'string · reads .spec.opsState', 'opsState detail');
    assert.equal(insertedText(ops!), '"opsState": ""', 'opsState insertion');
    assert.match(items.find((i) => i.label === '$and')?.detail ?? '', /logic/, '$and detail');
  });

  test('a *.gss.kgfilter completes the GameServerSet fields', async () => {
    const items = await complete('{"|"}', '.gss.kgfilter');
    assert.deepEqual(labels(items).sort(), ['$and', '$or', 'images', 'name', 'namespace'].sort());
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

  test('string and string[] fields get their own operators', async () => {
    const name = await complete('{"name": {|}}');
    assert.deepEqual(labels(name).sort(), ['$eq', '$in', '$ne', '$range', '$regex']);
    assert.equal(insertedText(name.find((i) => i.label === '$eq')!), '"$eq": ""', 'a string operand comes quoted');
    assert.equal(insertedText(name.find((i) => i.label === '$in')!), '"$in": []');
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
