// Custom registries may name fields anything: names that collide with the engine's own properties,
// with JavaScript's, or with mingo's query syntax must mean only "read obj[name]".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilter } from '../../server/src/engine/filter/compile';
import type { FieldType } from '../../server/src/engine/filter/fields';
import { rangeOf } from './filter-helpers';

/** Field names that mean something to the view, to mingo or to JavaScript objects. */
const AWKWARD = [
  'source',
  'player.level',
  'a.b.c',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'f0',
  'f1',
  '',
  '$x',
  '$where',
  '$expr',
  '$eq',
  '0',
  'length',
];

/** An object whose own property `name` is `value`, even for `__proto__` (as JSON.parse makes it). */
function objWith(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** A clause on `name` that does not use the scalar shorthand, so it is valid for `$`-prefixed names too. */
function clause(name: string, op: string, value: unknown): string {
  return JSON.stringify({ [name]: { [op]: value } });
}

describe('custom field names', () => {
  for (const name of AWKWARD) {
    it(`a number field named ${JSON.stringify(name)} reads obj[${JSON.stringify(name)}] and nothing else`, () => {
      const registry: Record<string, FieldType> = { [name]: 'number', other: 'string' };
      const f = compileFilter(clause(name, '$ge', 5), registry);
      assert.equal(f.ok, true, `${name}: ${JSON.stringify(f.problems)}`);
      assert.equal(f.matches(objWith([[name, 7]])), true, `${name}: 7 >= 5`);
      assert.equal(f.matches(objWith([[name, 3]])), false, `${name}: 3 < 5`);
      assert.equal(f.matches({}), false, `${name}: missing reads as 0`);
      assert.equal(f.matches(null), false, `${name}: null object`);
    });

    it(`${JSON.stringify(name)} works inside $and and $or next to another field`, () => {
      const registry: Record<string, FieldType> = { [name]: 'string', other: 'string' };
      const and = compileFilter(`{"$and":[${clause(name, '$eq', 'x')},${clause('other', '$eq', 'y')}]}`, registry);
      const or = compileFilter(`{"$or":[${clause(name, '$eq', 'x')},${clause('other', '$eq', 'y')}]}`, registry);
      assert.equal(and.ok && or.ok, true, `${name}: ${JSON.stringify([...and.problems, ...or.problems])}`);
      const both = objWith([
        [name, 'x'],
        ['other', 'y'],
      ]);
      const one = objWith([
        [name, 'x'],
        ['other', 'z'],
      ]);
      const neither = objWith([
        [name, 'q'],
        ['other', 'z'],
      ]);
      assert.deepEqual([both, one, neither].map(and.matches), [true, false, false], `${name}: $and`);
      assert.deepEqual([both, one, neither].map(or.matches), [true, true, false], `${name}: $or`);
    });

    it(`${JSON.stringify(name)} as a string[] field (a lazily read field) matches $all`, () => {
      const f = compileFilter(clause(name, '$all', ['a', 'b']), { [name]: 'string[]' });
      assert.equal(f.ok, true, `${name}: ${JSON.stringify(f.problems)}`);
      assert.equal(f.matches(objWith([[name, ['b', 'c', 'a']]])), true, `${name}: has a and b`);
      assert.equal(f.matches(objWith([[name, ['a']]])), false, `${name}: lacks b`);
    });
  }

  it('the reported repro: {"player.level":{"$ge":5}} matches {"player.level":7}', () => {
    const f = compileFilter('{"player.level":{"$ge":5}}', { 'player.level': 'number' });
    assert.equal(f.matches({ 'player.level': 7 }), true, 'dotted name read as a nested path');
    assert.equal(f.matches({ player: { level: 7 } }), false, 'a nested object is not the flat field');
  });

  it('a field named "source" reads the object\'s own "source"', () => {
    const f = compileFilter('{"source":"api"}', { source: 'string' });
    assert.equal(f.matches({ source: 'api' }), true);
    assert.equal(f.matches({ source: 'cli' }), false);
  });

  it('compileFilter never throws, whatever the names and the filter', () => {
    const registry: Record<string, FieldType> = Object.fromEntries(
      AWKWARD.map((n, i) => [n, (['bool', 'number', 'string', 'number[]', 'string[]'] as const)[i % 5]]),
    );
    const filters = AWKWARD.flatMap((n) => [
      JSON.stringify({ [n]: 1 }),
      JSON.stringify({ [n]: [1] }),
      clause(n, '$eq', true),
      clause(n, '$in', ['a']),
      `{"$or":[${JSON.stringify({ [n]: 'a' })}]}`,
    ]);
    for (const text of filters) {
      let f: ReturnType<typeof compileFilter> | undefined;
      assert.doesNotThrow(() => {
        f = compileFilter(text, registry);
        f.matches(objWith(AWKWARD.map((n) => [n, 1])));
        f.matches(undefined);
      }, `${text} threw`);
      assert.equal(f!.ok, !f!.problems.some((p) => p.severity === 'error'), `${text}: ok agrees with the problems`);
    }
  });
});

describe('fields whose name starts with $ (no scalar shorthand)', () => {
  const registry: Record<string, FieldType> = { $x: 'number', $tags: 'string[]', plain: 'number' };

  for (const filter of ['{"$x":1}', '{"$x":null}', '{"$and":[{"$x":1},{"plain":1}]}']) {
    it(`${filter} is a type error: Go does not read a bare value as $eq for a $ key`, () => {
      const f = compileFilter(filter, registry);
      assert.equal(f.ok, false, `${filter} must be rejected`);
      const p = f.problems.find((x) => x.code === 'dollar-field-shorthand');
      assert.ok(p, `${filter}: expected dollar-field-shorthand, got ${JSON.stringify(f.problems)}`);
      assert.equal(p.severity, 'error');
      const at = filter.includes('null') ? 'null' : '1';
      assert.deepEqual(p.range, rangeOf(filter, at), `${filter}: range is the bare value`);
      assert.match(p.message, /\{"\$x":\{"\$eq":/, `${filter}: message shows the operator form`);
      assert.deepEqual(p.data, { wrapOp: '$eq' }, `${filter}: data`);
    });
  }

  it('{"$x":{"$eq":1}} is valid and matches', () => {
    const f = compileFilter('{"$x":{"$eq":1}}', registry);
    assert.equal(f.ok, true, JSON.stringify(f.problems));
    assert.equal(f.matches({ $x: 1 }), true);
    assert.equal(f.matches({ $x: 2 }), false);
  });

  it('the root array shorthand still applies to a $ key, as in Go', () => {
    const f = compileFilter('{"$tags":["a","b"]}', registry);
    assert.equal(f.ok, true, JSON.stringify(f.problems));
    assert.equal(f.matches({ $tags: ['a', 'b'] }), true);
    assert.equal(f.matches({ $tags: ['b', 'a'] }), false);
  });

  it('inside $and a key resolves against fields only, so a custom field named "$or" is a field there', () => {
    const f = compileFilter('{"$and":[{"$or":{"$eq":1}},{"plain":2}]}', { $or: 'number', plain: 'number' });
    assert.equal(f.ok, true, JSON.stringify(f.problems));
    assert.equal(f.matches({ $or: 1, plain: 2 }), true);
    assert.equal(f.matches({ $or: 2, plain: 2 }), false);
    const builtIn = compileFilter('{"$and":[{"$or":[{"opsState":"None"}]}]}', 'GameServer');
    assert.deepEqual(
      builtIn.problems.map((p) => p.code),
      ['logic-not-at-root'],
      'without such a field, nested $or is still refused',
    );
  });

  it('a plain name keeps the scalar shorthand', () => {
    assert.equal(compileFilter('{"plain":1}', registry).matches({ plain: 1 }), true);
  });
});

describe('an empty custom registry', () => {
  it('says there are no fields instead of listing none', () => {
    for (const filter of ['{"x":1}', '{"$y":1}']) {
      const f = compileFilter(filter, {});
      const p = f.problems.find((x) => x.code === 'unknown-field');
      assert.ok(p, `${filter}: expected unknown-field, got ${JSON.stringify(f.problems)}`);
      assert.doesNotMatch(p.message, /Fields: ,/, `${filter}: lists an empty set of fields`);
      assert.match(p.message, /no fields/, `${filter}: says there are no fields`);
    }
  });
});
