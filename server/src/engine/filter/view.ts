// The object mingo reads for one compiled filter: a property per field the filter reads, computed
// from the object being tested. Scalar fields are plain data properties filled before each test (a
// few property loads, and mingo's keyed lookups of data properties are fast); array fields are
// prototype getters, computed only when the query reaches them (building values the filter never
// reads, such as the images of objects that already failed on opsState, cost 3x a hand-written
// predicate in an early version of test/bench/filter.bench.ts).
//
// Properties are named by internal keys (f0, f1, ...), never by field names: a field may be called
// anything (`source`, `__proto__`, `a.b`, `$x`), and only these keys are safe as both JavaScript
// property names and mingo field paths.
import type { FieldDef } from './fields';

/** Tests `obj` with `test`, which reads the fields from the view it is given. */
export type ViewTester = (obj: unknown, test: (view: Record<string, unknown>) => boolean) => boolean;

/** The internal key of each field, in the order given. */
export function fieldKeys(fields: readonly FieldDef[]): Map<FieldDef, string> {
  return new Map(fields.map((f, i) => [f, `f${i}`]));
}

const SOURCE = Symbol('source');

export function viewTester(keys: ReadonlyMap<FieldDef, string>): ViewTester {
  class View {
    [SOURCE]: unknown = undefined;
  }
  const entries = [...keys];
  for (const [{ type, get }, key] of entries) {
    if (!type.endsWith('[]')) continue;
    Object.defineProperty(View.prototype, key, {
      get(this: View) {
        return get(this[SOURCE]);
      },
    });
  }
  const eager = entries.filter(([f]) => !f.type.endsWith('[]'));
  // One view, pointed at each object in turn: matching is synchronous, so it cannot be re-entered,
  // and no allocation per object keeps the garbage collector out of large scans.
  const view = new View() as View & Record<string, unknown>;
  const names = eager.map(([, key]) => key);
  const getters = eager.map(([f]) => f.get);
  for (const name of names) view[name] = undefined;
  return (obj, test) => {
    view[SOURCE] = obj;
    for (let i = 0; i < names.length; i++) view[names[i]] = getters[i](obj);
    try {
      return test(view);
    } finally {
      view[SOURCE] = undefined;
    }
  };
}
