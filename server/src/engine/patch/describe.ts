// Values in words, for the messages of a patch that does not apply.

/** A value for a message: JSON where it has one, a description otherwise. */
export function show(v: unknown): string {
  try {
    return JSON.stringify(v) ?? describe(v);
  } catch {
    return describe(v);
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
    case 'number':
    case 'bigint':
      return `the number ${String(v)}`;
    case 'boolean':
      return `the boolean ${String(v)}`;
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** The type Go's encoding/json names when a JSON value does not fit where it was decoded. */
export function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

/** JSON text with object keys sorted, so two JSON values are the same value exactly when these agree. */
export function canonical(v: unknown): string {
  return (
    JSON.stringify(v, (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    ) ?? 'undefined'
  );
}

export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
