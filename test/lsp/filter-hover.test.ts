import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hoverText, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function hover(marked: string, suffix = '.kgfilter') {
  const { uri, position } = h.openAt(`h${n++}${suffix}`, marked);
  return h.hover(uri, position);
}

describe('.kgfilter hover', () => {
  test('a field shows its type, what it reads and an example', async () => {
    const result = await hover('{"ops|State": "None"}');
    const text = hoverText(result);
    assert.match(text, /\*\*opsState\*\* · `string` · reads `\.spec\.opsState`/, text);
    assert.match(text, /```json\n\{"opsState":"WaitToBeDeleted"\}\n```/, text);
    assert.deepEqual(result?.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 11 } });
  });

  test('a field inside $and, and the GameServerSet images field', async () => {
    assert.match(hoverText(await hover('{"$and": [{"currentNetwork|State": "Ready"}]}')), /reads `\.status\.networkStatus\.currentNetworkState`/);
    assert.match(hoverText(await hover('{"ima|ges": ["a,b"]}', '.gss.kgfilter')), /gameServerTemplate\.spec\.containers/);
  });

  test('an operator shows its meaning and where kruise-game-api differs', async () => {
    const gt = hoverText(await hover('{"updatePriority": {"$g|t": 5}}'));
    assert.match(gt, /Greater than\./, gt);
    assert.match(gt, /\*\*kruise-game-api:\*\* .*less-than/, gt);
    const regex = hoverText(await hover('{"$or": [{"name": {"$re|gex": "^a"}}]}'));
    assert.match(regex, /RE2/, regex);
    assert.match(regex, /never matches/, regex);
  });

  test('logic keys are explained; values, unknown keys and foreign operators are not', async () => {
    assert.match(hoverText(await hover('{"$a|nd": [{"opsState": "None"}]}')), /root only/);
    assert.equal(await hover('{"opsState": "No|ne"}'), null);
    assert.equal(await hover('{"unkn|own": 1}'), null);
    assert.equal(await hover('{"updatePriority": {"$gt|e": 5}}'), null);
    assert.equal(await hover('{"opsState": {"$a|ll": ["x"]}}'), null, 'an operator the field type lacks');
  });
});
