// Every case kruise-game-api rejects (InvalidFilter): an error with a
// stable code at the offending node.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilter } from '../../server/src/engine/filter/compile';
import { rangeOf } from './filter-helpers';

interface Case {
  filter: string;
  code: string;
  /** Text of the node the error must cover; the whole filter when absent. */
  at?: string;
  nth?: number;
  data?: Record<string, unknown>;
  /** A phrase the message must contain. */
  says?: string;
  target?: 'GameServer' | 'GameServerSet';
}

const CASES: Case[] = [
  // a.2 parsing
  { filter: '{"opsState":}', code: 'json-syntax', at: '}' },
  { filter: '{"opsState":"None",}', code: 'json-syntax', at: '}', says: 'trailing' },
  { filter: "{'opsState':'None'}", code: 'json-syntax', at: "'" },
  { filter: '{"opsState":"None"} {}', code: 'json-syntax', at: '{', nth: 1 },
  { filter: '[{"opsState":"None"}]', code: 'root-not-object', says: 'this is an array' },
  { filter: '"None"', code: 'root-not-object' },
  { filter: 'null', code: 'root-not-object' },
  { filter: '42', code: 'root-not-object' },
  { filter: '{}', code: 'object-key-count', says: 'leave the file empty' },
  { filter: '{"opsState":"None","currentState":"Ready"}', code: 'object-key-count', data: { fix: 'wrap-and' }, says: 'no implicit AND' },
  { filter: '{"opsState":"None","foo":1}', code: 'object-key-count' },
  // a.2 step 7: unknown keys
  { filter: '{"foo":1}', code: 'unknown-field', at: '"foo"' },
  { filter: '{"opstate":"None"}', code: 'unknown-field', at: '"opstate"', data: { replacement: 'opsState' } },
  { filter: '{"labels":{"$eq":"x"}}', code: 'unknown-field', at: '"labels"', says: 'namespace, name, opsState' },
  { filter: '{"$eq":1}', code: 'unknown-field', at: '"$eq"' },
  { filter: '{"$nor":[{"opsState":"None"}]}', code: 'unknown-field', at: '"$nor"' },
  { filter: '{"opsState":"None"}', code: 'unknown-field', at: '"opsState"', target: 'GameServerSet' },
  // a.4 logic
  { filter: '{"$and":{"opsState":"None"}}', code: 'logic-not-array', at: '{"opsState":"None"}', says: 'this is an object' },
  { filter: '{"$and":5}', code: 'logic-not-array', at: '5' },
  { filter: '{"$or":[]}', code: 'empty-array', at: '[]' },
  { filter: '{"$or":[false,"Scott"]}', code: 'logic-element', at: 'false' },
  { filter: '{"$and":[{"$or":[{"opsState":"None"}]}]}', code: 'logic-not-at-root', at: '"$or"' },
  { filter: '{"$and":[{"opsState":"None","currentState":"Ready"}]}', code: 'object-key-count', at: '{"opsState":"None","currentState":"Ready"}' },
  { filter: '{"$and":[{}]}', code: 'object-key-count', at: '{}' },
  { filter: '{"$and":[{"images":["nginx,nginx:1"]}]}', code: 'array-shorthand-not-root', at: '["nginx,nginx:1"]' },
  { filter: '{"$and":[{"opsState":"None"},{"nope":1}]}', code: 'unknown-field', at: '"nope"' },
  // a.4 field clauses
  { filter: '{"updatePriority":{"$ge":5,"$le":15}}', code: 'object-key-count', at: '{"$ge":5,"$le":15}', says: '$range' },
  { filter: '{"opsState":{}}', code: 'object-key-count', at: '{}' },
  { filter: '{"updatePriority":{"$gte":1}}', code: 'unknown-operator', at: '"$gte"', data: { replacement: '$ge' }, says: 'kruise-game-api uses "$ge"' },
  { filter: '{"updatePriority":{"$lte":1}}', code: 'unknown-operator', at: '"$lte"', data: { replacement: '$le' } },
  { filter: '{"opsState":{"$nin":["Kill"]}}', code: 'unknown-operator', at: '"$nin"', says: 'MongoDB' },
  { filter: '{"opsState":{"$exists":true}}', code: 'unknown-operator', at: '"$exists"' },
  { filter: '{"opsState":{"foo":1}}', code: 'unknown-operator', at: '"foo"' },
  { filter: '{"opsState":{"$xyz":1}}', code: 'unknown-operator', at: '"$xyz"' },
  // a.5 operators by type
  { filter: '{"updatePriority":{"$regex":"1"}}', code: 'operator-not-for-type', at: '"$regex"' },
  { filter: '{"opsState":{"$lt":"b"}}', code: 'operator-not-for-type', at: '"$lt"' },
  { filter: '{"opsState":{"$all":["None"]}}', code: 'operator-not-for-type', at: '"$all"' },
  { filter: '{"images":{"$ne":["a,b"]}}', code: 'operator-not-for-type', at: '"$ne"' },
  { filter: '{"images":{"$in":["a,b"]}}', code: 'operator-not-for-type', at: '"$in"' },
  // a.5 value types
  { filter: '{"opsState":1}', code: 'value-type', at: '1' },
  { filter: '{"opsState":null}', code: 'value-type', at: 'null' },
  { filter: '{"opsState":true}', code: 'value-type', at: 'true' },
  { filter: '{"updatePriority":"1"}', code: 'value-type', at: '"1"' },
  { filter: '{"opsState":{"$eq":{"x":1}}}', code: 'value-type', at: '{"x":1}', says: 'this is an object' },
  { filter: '{"opsState":{"$in":"None"}}', code: 'value-type', at: '"None"' },
  { filter: '{"opsState":{"$in":[]}}', code: 'empty-array', at: '[]' },
  { filter: '{"opsState":{"$in":["None",1]}}', code: 'value-type', at: '1' },
  { filter: '{"updatePriority":{"$range":[1]}}', code: 'range-length', at: '[1]' },
  { filter: '{"updatePriority":{"$range":[1,2,3]}}', code: 'range-length', at: '[1,2,3]' },
  { filter: '{"updatePriority":{"$range":[5,1]}}', code: 'range-order', at: '[5,1]', data: { replacement: [1, 5] } },
  { filter: '{"name":{"$range":["b","a"]}}', code: 'range-order', at: '["b","a"]' },
  { filter: '{"updatePriority":{"$range":[1,"5"]}}', code: 'value-type', at: '"5"' },
  { filter: '{"updatePriority":{"$range":5}}', code: 'value-type', at: '5' },
  { filter: '{"images":{"$all":[]}}', code: 'empty-array', at: '[]' },
  { filter: '{"images":{"$eq":"a,b"}}', code: 'value-type', at: '"a,b"' },
  { filter: '{"images":{"$all":["a,b",2]}}', code: 'value-type', at: '2' },
  { filter: '{"images":[{"a":1}]}', code: 'value-type', at: '[{"a":1}]' },
  { filter: '{"name":{"$regex":1}}', code: 'value-type', at: '1' },
  // a.2 step 3: Go's encoding/json cannot decode a number beyond float64
  { filter: '{"updatePriority":1e400}', code: 'number-out-of-range', at: '1e400', says: '64-bit float' },
  { filter: '{"updatePriority":{"$range":[-1e400,5]}}', code: 'number-out-of-range', at: '-1e400' },
  { filter: '{"updatePriority":1e999,"updatePriority":1}', code: 'number-out-of-range', at: '1e999' },
  { filter: '{"$or":[{"opsState":"None"},{"deletionPriority":{"$in":[1,2e308]}}]}', code: 'number-out-of-range', at: '2e308' },
];

describe('InvalidFilter rules', () => {
  for (const c of CASES) {
    it(`${c.filter} -> ${c.code}`, () => {
      const f = compileFilter(c.filter, c.target ?? 'GameServer');
      assert.equal(f.ok, false, `${c.filter} must be rejected`);
      const errors = f.problems.filter((p) => p.severity === 'error');
      const p = errors.find((e) => e.code === c.code);
      assert.ok(p, `${c.filter}: expected ${c.code}, got ${JSON.stringify(errors)}`);
      const expected = c.at ? rangeOf(c.filter, c.at, c.nth) : rangeOf(c.filter, c.filter);
      if (c.code === 'json-syntax') assert.deepEqual(p.range.start, expected.start, `${c.filter}: start of ${c.code}`);
      else assert.deepEqual(p.range, expected, `${c.filter}: range of ${c.code}`);
      if (c.data) assert.deepEqual(p.data, c.data, `${c.filter}: data of ${c.code}`);
      if (c.says) assert.match(p.message, new RegExp(c.says.replace(/[$()[\]{}.*+?^|\\]/g, '\\$&')), `${c.filter}: message`);
    });
  }

  it('a number too small for float64 reads as 0, as in Go, and the largest float64 is fine', () => {
    const tiny = compileFilter('{"updatePriority":1e-400}', 'GameServer');
    assert.equal(tiny.ok, true, JSON.stringify(tiny.problems));
    assert.equal(tiny.matches({ spec: { updatePriority: 0 } }), true, '1e-400 is 0');
    assert.equal(compileFilter('{"updatePriority":{"$le":1.7976931348623157e308}}', 'GameServer').ok, true, 'max float64');
  });

  it('a number beyond float64 in a 300,000-element array is found without overflowing the stack', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i).join(',');
    const f = compileFilter(`{"updatePriority":{"$in":[${items},1e400]}}`, 'GameServer');
    assert.deepEqual(
      f.problems.map((p) => p.code),
      ['number-out-of-range'],
    );
  });

  it('a filter nested 10,000 deep is rejected without recursion', () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const f = compileFilter(deep, 'GameServer');
    assert.equal(f.ok, false);
    assert.equal(f.problems[0].code, 'too-deep');
    const arrays = compileFilter('['.repeat(10_000), 'GameServer');
    assert.equal(arrays.problems[0].code, 'too-deep');
  });

  it('reports every error of a filter, not only the first', () => {
    const f = compileFilter('{"$and":[{"opsState":1},{"updatePriority":{"$gte":2}}]}', 'GameServer');
    assert.deepEqual(
      f.problems.map((p) => p.code),
      ['value-type', 'unknown-operator'],
    );
  });

  it('positions problems on later lines, LSP style (0-based line and character)', () => {
    const text = '{\n  "$and": [\n    {"opsState": "None"},\n    {"updatePriority": {"$gte": 1}}\n  ]\n}';
    const p = compileFilter(text, 'GameServer').problems[0];
    assert.deepEqual(p.range, { start: { line: 3, character: 24 }, end: { line: 3, character: 30 } });
  });
});
