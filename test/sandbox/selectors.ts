// labelSelector (equality and set-based) and the fieldSelector keys every custom resource supports.
import { badRequest } from './status';

type Requirement =
  { op: 'eq' | 'neq'; key: string; value: string } | { op: 'in' | 'notin'; key: string; values: string[] } | { op: 'exists' | 'absent'; key: string };

export type Matcher = (obj: any) => boolean;

/** Splits on commas that are not inside a `( ... )` value set. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

function parseRequirement(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) return { op: set[2] as 'in' | 'notin', key: set[1]!, values: set[3]!.split(',').map((v) => v.trim()) };
  const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (eq) return { op: eq[2] === '!=' ? 'neq' : 'eq', key: eq[1]!, value: eq[3]! };
  const absent = /^!\s*(\S+)$/.exec(term);
  if (absent) return { op: 'absent', key: absent[1]! };
  if (/^[A-Za-z0-9._/-]+$/.test(term)) return { op: 'exists', key: term };
  throw badRequest(`unable to parse requirement: ${term}`);
}

function matches(r: Requirement, values: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, r.key);
  const v = values[r.key];
  switch (r.op) {
    case 'eq':
      return has && v === r.value;
    case 'neq':
      return !has || v !== r.value;
    case 'in':
      return has && r.values.includes(v!);
    case 'notin':
      return !has || !r.values.includes(v!);
    case 'exists':
      return has;
    case 'absent':
      return !has;
  }
}

export function labelMatcher(selector: string | null): Matcher {
  if (!selector) return () => true;
  const reqs = splitTerms(selector).map(parseRequirement);
  return (obj) => reqs.every((r) => matches(r, obj.metadata?.labels ?? {}));
}

export type FieldTable = Record<string, (obj: any) => string>;

const FIELDS: FieldTable = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
};

/** `fields`: the keys the kind supports (events have more than custom resources). */
export function fieldMatcher(selector: string | null, fields: FieldTable = FIELDS): Matcher {
  if (!selector) return () => true;
  const reqs = splitTerms(selector).map(parseRequirement);
  for (const r of reqs) {
    if (!fields[r.key] || (r.op !== 'eq' && r.op !== 'neq')) {
      throw badRequest(
        `"${r.key}" is not a known field selector: only ${Object.keys(fields)
          .map((k) => `"${k}"`)
          .join(', ')}`,
      );
    }
  }
  return (obj) => reqs.every((r) => matches(r, { [r.key]: fields[r.key]!(obj) }));
}
