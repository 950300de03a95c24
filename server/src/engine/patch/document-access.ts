// Reading and writing a document the way kube-apiserver's JSON Patch library (evanphx/json-patch v4)
// does: a pointer is split on every `/`, an array index is read as a Go integer (a sign and leading
// zeros are accepted, and a negative index counts from the end), and a null member is no different
// from a missing one.
import { goAtoi } from '../okg';
import { describe } from './describe';
import { escapeSegment, unescapeSegment } from './pointer';

export type Container = Record<string, unknown> | unknown[];

/** Where an operation reads or writes: the container, the key in it, and the pointer to the container. */
export interface Place {
  container: Container;
  key: string;
  at: string;
}

export type AccessProblem =
  { kind: 'not-index'; key: string } | { kind: 'out-of-range'; index: number; length: number; adding: boolean } | { kind: 'no-member'; key: string };

/** A read or write that failed: what went wrong, and the library's own words for it. */
export class AccessError extends Error {
  constructor(
    readonly problem: AccessProblem,
    readonly goMessage: string,
  ) {
    super(goMessage);
  }
}

export function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

/**
 * The container and key `pointer` names, or undefined where the library finds none: for the empty
 * pointer, a pointer without `/`, or a step into something missing, null or not a container. The
 * text before the first `/` is ignored, as the library ignores it.
 */
export function locate(doc: unknown, pointer: string): Place | undefined {
  const parts = pointer.split('/');
  if (parts.length < 2 || !isContainer(doc)) return undefined;
  let container: Container = doc;
  let at = '';
  for (const raw of parts.slice(1, -1)) {
    let next: unknown;
    try {
      next = getAt({ container, key: unescapeSegment(raw), at });
    } catch {
      return undefined;
    }
    if (!isContainer(next)) return undefined;
    container = next;
    at += `/${raw}`;
  }
  return { container, key: unescapeSegment(parts[parts.length - 1]), at };
}

/** Why `locate` finds nothing for `pointer`; `creating` when the operation would create the last member. */
export function whyUnreachable(doc: unknown, pointer: string, creating: boolean): string {
  if (pointer === '') return 'the empty pointer names the whole document, which the API server lets only `replace` and `test` address.';
  const parts = pointer.split('/');
  if (parts.length < 2) return `${JSON.stringify(pointer)} is not a JSON Pointer: it must start with /.`;
  const inner = parts.slice(1, -1);
  let value = doc;
  let at = '';
  for (let i = 0; i < inner.length; i++) {
    const place: Place = { container: value as Container, key: unescapeSegment(inner[i]), at };
    at += `/${inner[i]}`;
    try {
      value = getAt(place);
    } catch (e) {
      return `${problemText(e, place)}, so ${pointer} cannot be reached.`;
    }
    if (value === undefined && creating && i === inner.length - 1) return `the parent of ${pointer} does not exist in the object; add the parent first.`;
    if (value === undefined) return `${at} does not exist in the object, so ${pointer} cannot be reached.`;
    if (!isContainer(value)) return `${at} is ${describe(value)}, so ${pointer} cannot be reached.`;
  }
  return `${pointer} cannot be reached.`;
}

/** An AccessError in words (without a final stop), `role` naming the pointer; any other error as its message. */
export function problemText(e: unknown, place: Place, role: 'path' | 'from' = 'path'): string {
  if (!(e instanceof AccessError)) return e instanceof Error ? e.message : String(e);
  const p = e.problem;
  const array = place.at || 'the document';
  switch (p.kind) {
    case 'not-index':
      return `\`${p.key}\` is not an array index, and ${array} is an array`;
    case 'no-member':
      return `${role} ${place.at}/${escapeSegment(p.key)} does not exist in the object`;
    case 'out-of-range': {
      const size = p.adding ? p.length + 1 : p.length;
      const has = p.length === 0 ? 'is empty' : `has ${p.length} element${p.length === 1 ? '' : 's'}`;
      const accepts = size === 0 ? 'no index' : `0 to ${size - 1}, or -${size} to -1 from the end`;
      const where = `${p.index < 0 ? 'before the start' : 'past the end'} of ${array}`;
      return `index ${p.index} is ${where}, which ${has} (${p.adding ? 'an `add` takes' : 'valid'}: ${accepts})`;
    }
  }
}

/** The value at a place: undefined for a missing member; an index the array does not have throws. */
export function getAt(place: Place): unknown {
  const { container, key } = place;
  if (!Array.isArray(container)) return Object.hasOwn(container, key) ? container[key] : undefined;
  return container[fromEnd(indexOf(key, ''), container.length, container.length, false)];
}

/** `replace` on a member: it need not exist (the library sets it all the same); an index must. */
export function replaceAt(place: Place, value: unknown): void {
  const { container, key } = place;
  if (!Array.isArray(container)) define(container, key, value);
  else container[fromEnd(indexOf(key, ''), container.length, container.length, false)] = value;
}

/** `add`: sets a member, or inserts before an index; `-`, or the index one past the end, appends. */
export function addAt(place: Place, value: unknown): void {
  const { container, key } = place;
  if (!Array.isArray(container)) define(container, key, value);
  else if (key === '-') container.push(value);
  else container.splice(fromEnd(indexOf(key, `value was not a proper array index: '${key}': `), container.length + 1, container.length, true), 0, value);
}

export function removeAt(place: Place): void {
  const { container, key } = place;
  if (Array.isArray(container)) {
    container.splice(fromEnd(indexOf(key, ''), container.length, container.length, false), 1);
  } else if (Object.hasOwn(container, key)) {
    delete container[key];
  } else {
    throw new AccessError({ kind: 'no-member', key }, `Unable to remove nonexistent key: ${key}: missing value`);
  }
}

/** A member set as data, so that a key such as `__proto__` is an ordinary member, never the prototype. */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The index Go's strconv.Atoi reads from `key`; `prefix` is how the library introduces Atoi's error. */
function indexOf(key: string, prefix: string): number {
  const n = goAtoi(key);
  if (n.error) {
    const why = n.error === 'range' ? 'value out of range' : 'invalid syntax';
    throw new AccessError({ kind: 'not-index', key }, `${prefix}strconv.Atoi: parsing ${JSON.stringify(key)}: ${why}`);
  }
  return n.value;
}

/** `index` within an array of `size` slots (one more than `length` for an add), negative ones counted from the end. */
function fromEnd(index: number, size: number, length: number, adding: boolean): number {
  if (index >= size || index < -size) {
    throw new AccessError({ kind: 'out-of-range', index, length, adding }, `Unable to access invalid index: ${index}: invalid index referenced`);
  }
  return index < 0 ? index + size : index;
}
