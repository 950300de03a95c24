// A lazy view of an object for mingo: each field is a prototype getter, so a value is computed only
// when the query reads it (measurements.md: eager views cost 3x a hand-written predicate).
import type { Registry } from './fields';

export type ViewFactory = (obj: unknown) => Record<string, unknown>;

export function viewFactory(registry: Registry): ViewFactory {
  class View {
    constructor(readonly source: unknown) {}
  }
  for (const { name, get } of registry.fields.values()) {
    Object.defineProperty(View.prototype, name, {
      get(this: View) {
        return get(this.source);
      },
    });
  }
  return (obj) => new View(obj) as unknown as Record<string, unknown>;
}
