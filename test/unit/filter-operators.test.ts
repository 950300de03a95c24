// Every operator on every field type, with a custom registry of all five types: match or not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilter } from '../../server/src/engine/filter/compile';

const TYPES = { b: 'bool', n: 'number', s: 'string', na: 'number[]', sa: 'string[]' } as const;
const OBJ = { b: true, n: 10, s: 'mango', na: [1, 2, 3], sa: ['a', 'b', 'c'] };

const CASES: [filter: string, expected: boolean][] = [
  ['{"b":true}', true],
  ['{"b":false}', false],
  ['{"b":{"$eq":true}}', true],
  ['{"b":{"$ne":true}}', false],
  ['{"b":{"$ne":false}}', true],
  ['{"n":10}', true],
  ['{"n":10.0}', true],
  ['{"n":{"$eq":11}}', false],
  ['{"n":{"$ne":11}}', true],
  ['{"n":{"$ne":10}}', false],
  ['{"n":{"$lt":11}}', true],
  ['{"n":{"$lt":10}}', false],
  ['{"n":{"$le":10}}', true],
  ['{"n":{"$le":9}}', false],
  ['{"n":{"$gt":9}}', true],
  ['{"n":{"$gt":10}}', false],
  ['{"n":{"$gt":11}}', false],
  ['{"n":{"$ge":10}}', true],
  ['{"n":{"$ge":11}}', false],
  ['{"n":{"$in":[1,10]}}', true],
  ['{"n":{"$in":[1,2]}}', false],
  ['{"n":{"$range":[10,20]}}', true],
  ['{"n":{"$range":[0,10]}}', true],
  ['{"n":{"$range":[10,10]}}', true],
  ['{"n":{"$range":[11,20]}}', false],
  ['{"n":{"$range":[-5,9.5]}}', false],
  ['{"s":"mango"}', true],
  ['{"s":"Mango"}', false],
  ['{"s":{"$ne":"apple"}}', true],
  ['{"s":{"$in":["apple","mango"]}}', true],
  ['{"s":{"$in":["apple"]}}', false],
  ['{"s":{"$range":["m","n"]}}', true],
  ['{"s":{"$range":["a","m"]}}', false],
  ['{"s":{"$range":["mango","mango"]}}', true],
  ['{"s":{"$regex":"ang"}}', true],
  ['{"s":{"$regex":"^ang"}}', false],
  ['{"s":{"$regex":"^m.*o$"}}', true],
  ['{"s":{"$regex":"(?i)MANGO"}}', true],
  ['{"s":{"$regex":"("}}', false],
  ['{"na":[1,2,3]}', true],
  ['{"na":[3,2,1]}', false],
  ['{"na":[1,2]}', false],
  ['{"na":{"$eq":[1,2,3]}}', true],
  ['{"na":{"$all":[3,1]}}', true],
  ['{"na":{"$all":[2,2]}}', true],
  ['{"na":{"$all":[1,4]}}', false],
  ['{"sa":["a","b","c"]}', true],
  ['{"sa":{"$eq":["a","b"]}}', false],
  ['{"sa":{"$all":["c"]}}', true],
  ['{"sa":{"$all":["d"]}}', false],
  ['{"$and":[{"b":true},{"n":{"$ge":10}}]}', true],
  ['{"$and":[{"b":true},{"n":{"$lt":10}}]}', false],
  ['{"$and":[{"n":{"$ge":5}},{"n":{"$le":15}}]}', true],
  ['{"$and":[{"n":{"$ge":5}},{"n":{"$ge":11}}]}', false],
  ['{"$or":[{"b":false},{"s":"mango"}]}', true],
  ['{"$or":[{"b":false},{"n":0}]}', false],
  ['{"$and":[{"sa":{"$eq":["a","b","c"]}}]}', true],
];

describe('filter operators on a custom registry of all five types', () => {
  for (const [filter, expected] of CASES) {
    it(`${filter} ${expected ? 'matches' : 'does not match'}`, () => {
      const f = compileFilter(filter, TYPES);
      assert.equal(f.ok, true, `${filter} should compile: ${JSON.stringify(f.problems)}`);
      assert.equal(f.matches(OBJ), expected, `${filter} on ${JSON.stringify(OBJ)}`);
    });
  }

  it('reads a missing or mistyped custom field as its zero value', () => {
    for (const [filter, obj] of [
      ['{"n":0}', {}],
      ['{"s":""}', { s: 5 }],
      ['{"b":false}', { b: 'yes' }],
      ['{"na":{"$eq":[1]}}', { na: [1] }],
    ] as const) {
      assert.equal(compileFilter(filter, TYPES).matches(obj), true, `${filter} on ${JSON.stringify(obj)}`);
    }
  });

  it('compares $range strings in Go byte order (UTF-8), not UTF-16', () => {
    // U+FFFD sorts before U+1D49C in UTF-8 but after it in UTF-16 code units.
    const f = compileFilter('{"s":{"$range":["\uFFFD","\u{1D49C}\u{1D49C}"]}}', TYPES);
    assert.equal(f.ok, true, JSON.stringify(f.problems));
    assert.equal(f.matches({ s: '\u{1D49C}' }), true, 'astral value inside [U+FFFD, astral]');
    const g = compileFilter('{"s":{"$range":["\u{1D49C}","\u{1D49C}"]}}', TYPES);
    assert.equal(g.matches({ s: '\uFFFD' }), false, 'U+FFFD is below the astral range');
  });

  it('evaluates $regex in linear time: a catastrophic backtracking pattern returns at once', () => {
    const f = compileFilter('{"s":{"$regex":"^(a+)+$"}}', TYPES);
    const t0 = performance.now();
    assert.equal(f.matches({ s: `${'a'.repeat(5000)}!` }), false);
    assert.ok(performance.now() - t0 < 2000, 'hostile pattern took more than 2 s');
  });

  it('never matches when the filter has errors', () => {
    const f = compileFilter('{"n":{"$gte":1}}', TYPES);
    assert.equal(f.ok, false);
    assert.equal(f.matches(OBJ), false);
  });
});
