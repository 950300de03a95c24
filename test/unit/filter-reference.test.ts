// The compiled filter against a reference written from structured-filter-go's operator table,
// on generated filters and objects: every operator of all five field
// types, alone and inside $and / $or. The reference is deliberately naive: direct comparisons, no
// mingo, UTF-8 byte order for string ranges.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compileFilter } from '../../server/src/engine/index';

const REGISTRY = { flag: 'bool', level: 'number', user: 'string', ids: 'number[]', tags: 'string[]' } as const;
type Field = keyof typeof REGISTRY;
type Obj = { flag: boolean; level: number; user: string; ids: number[]; tags: string[] };
interface Clause {
  field: Field;
  op: string;
  value: unknown;
}

// Small pools, so generated values and targets often meet.
const NUMBERS = [-1, 0, 1, 2, 2.5, 10];
const STRINGS = ['', 'a', 'b', 'ab', 'Z', 'é', '😀', '\uFFFD'];
const TAGS = ['a', 'b', 'c'];
// Patterns that mean the same in RE2 and in a JavaScript `u` RegExp, so the reference can use the latter.
const PATTERNS = ['a', '^a', 'b$', '^$', '.', 'é', '^.$', 'a|Z', '[ab]+'];

const num = fc.constantFrom(...NUMBERS);
const str = fc.constantFrom(...STRINGS);
const ids = fc.array(fc.constantFrom(0, 1, 2), { maxLength: 3 });
const tags = fc.array(fc.constantFrom(...TAGS), { maxLength: 3 });
const nonEmpty = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: 1, maxLength: 3 });

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function range<T>(a: fc.Arbitrary<T>, order: (x: T, y: T) => number): fc.Arbitrary<[T, T]> {
  return fc.tuple(a, a).map(([x, y]) => (order(x, y) <= 0 ? [x, y] : [y, x]));
}

const clause: fc.Arbitrary<Clause> = fc.oneof(
  fc.record({ field: fc.constant<Field>('flag'), op: fc.constantFrom('$eq', '$ne'), value: fc.boolean() }),
  fc.record({ field: fc.constant<Field>('level'), op: fc.constantFrom('$eq', '$ne', '$lt', '$le', '$gt', '$ge'), value: num }),
  fc.record({ field: fc.constant<Field>('level'), op: fc.constant('$in'), value: nonEmpty(num) }),
  fc.record({ field: fc.constant<Field>('level'), op: fc.constant('$range'), value: range(num, (x, y) => x - y) }),
  fc.record({ field: fc.constant<Field>('user'), op: fc.constantFrom('$eq', '$ne'), value: str }),
  fc.record({ field: fc.constant<Field>('user'), op: fc.constant('$in'), value: nonEmpty(str) }),
  fc.record({ field: fc.constant<Field>('user'), op: fc.constant('$range'), value: range(str, byteOrder) }),
  fc.record({ field: fc.constant<Field>('user'), op: fc.constant('$regex'), value: fc.constantFrom(...PATTERNS) }),
  fc.record({ field: fc.constant<Field>('ids'), op: fc.constantFrom('$eq', '$all'), value: nonEmpty(fc.constantFrom(0, 1, 2)) }),
  fc.record({ field: fc.constant<Field>('tags'), op: fc.constantFrom('$eq', '$all'), value: nonEmpty(fc.constantFrom(...TAGS)) }),
);

const object: fc.Arbitrary<Obj> = fc.record({ flag: fc.boolean(), level: num, user: str, ids, tags });

function holds(c: Clause, o: Obj): boolean {
  const target = o[c.field];
  const v = c.value as never;
  switch (c.op) {
    case '$eq':
      return Array.isArray(target) ? target.length === (v as unknown[]).length && target.every((x, i) => x === (v as unknown[])[i]) : target === v;
    case '$ne':
      return target !== v;
    case '$lt':
      return (target as number) < v;
    case '$le':
      return (target as number) <= v;
    case '$gt':
      return (target as number) > v;
    case '$ge':
      return (target as number) >= v;
    case '$in':
      return (v as unknown[]).includes(target);
    case '$range': {
      const [lo, hi] = v as [number, number] | [string, string];
      if (typeof lo === 'number') return lo <= (target as number) && (target as number) <= (hi as number);
      return byteOrder(lo, target as string) <= 0 && byteOrder(target as string, hi as string) <= 0;
    }
    case '$regex':
      return new RegExp(v, 'u').test(target as string);
    case '$all':
      return (v as unknown[]).every((x) => (target as unknown[]).includes(x));
    default:
      throw new Error(`the reference has no ${c.op}`);
  }
}

const json = (c: Clause) => ({ [c.field]: { [c.op]: c.value } });

const filter = fc.oneof(
  clause.map((c) => ({ text: JSON.stringify(json(c)), matches: (o: Obj) => holds(c, o) })),
  fc
    .array(clause, { minLength: 1, maxLength: 4 })
    .map((cs) => ({ text: JSON.stringify({ $and: cs.map(json) }), matches: (o: Obj) => cs.every((c) => holds(c, o)) })),
  fc
    .array(clause, { minLength: 1, maxLength: 4 })
    .map((cs) => ({ text: JSON.stringify({ $or: cs.map(json) }), matches: (o: Obj) => cs.some((c) => holds(c, o)) })),
);

test('reference: every operator of every field type, alone and in $and / $or, matches as structured-filter-go documents', () => {
  fc.assert(
    fc.property(filter, fc.array(object, { minLength: 1, maxLength: 8 }), (f, objects) => {
      const compiled = compileFilter(f.text, REGISTRY);
      assert.equal(compiled.ok, true, `${f.text} was rejected: ${JSON.stringify(compiled.problems)}`);
      for (const o of objects) {
        assert.equal(compiled.matches(o), f.matches(o), `${f.text} on ${JSON.stringify(o)}: ours ${compiled.matches(o)}, the reference ${f.matches(o)}`);
      }
    }),
    { numRuns: 3000 },
  );
});
