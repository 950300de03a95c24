// The object mingo reads for one compiled filter: a field per clause, computed from the object
// being tested. Scalar fields are plain data properties filled before each test (a few property
// loads, and mingo's keyed lookups of data properties are fast); array fields are prototype getters,
// computed only when the query reaches them (measurements.md: building values the filter never
// reads, such as the images of objects that already failed on opsState, costs 3x a hand-written
// predicate).
import type { FieldDef } from './fields';

/** Tests `obj` with `test`, which reads the fields from the view it is given. */
export type ViewTester = (obj: unknown, test: (view: Record<string, unknown>) => boolean) => boolean;

export function viewTester(fields: readonly FieldDef[]): ViewTester {
  class View {
    source: unknown = undefined;
  }
  const eager = fields.filter((f) => !f.type.endsWith('[]'));
  for (const { name, get } of fields.filter((f) => f.type.endsWith('[]'))) {
    Object.defineProperty(View.prototype, name, {
      get(this: View) {
        return get(this.source);
      },
    });
  }
  // One view, pointed at each object in turn: matching is synchronous, so it cannot be re-entered,
  // and no allocation per object keeps the garbage collector out of large scans.
  const view = new View() as View & Record<string, unknown>;
  const names = eager.map((f) => f.name);
  const getters = eager.map((f) => f.get);
  for (const name of names) view[name] = undefined;
  return (obj, test) => {
    view.source = obj;
    for (let i = 0; i < names.length; i++) view[names[i]] = getters[i](obj);
    try {
      return test(view);
    } finally {
      view.source = undefined;
    }
  };
}
