// Writes are checked against the project's schemas, the way a CRD's structural schema is applied:
// unknown fields are pruned (and reported for warnings or fieldValidation=Strict), the rest must match.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cause } from './status';
import type { Kind } from './store';

const FILES: Record<Kind, string> = {
  GameServer: 'gameserver.schema.json',
  GameServerSet: 'gameserverset.schema.json',
};

export interface CheckResult {
  causes: Cause[];
  /** Paths of fields the schema does not know, e.g. `spec.foo`; they have been removed. */
  unknownFields: string[];
}

function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

const show = (v: unknown) => JSON.stringify(v);

function toCause(e: ErrorObject, value: unknown): Cause {
  const field = fieldPath(e.instancePath);
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { reason: 'FieldValueRequired', message: 'Required value', field: fieldPath(e.instancePath, missing) };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(show).join(', ');
      return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${show(value)}: supported values: ${allowed}`, field };
    }
    case 'type':
    case 'anyOf':
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: ${show(value)}: ${field} in body ${e.keyword === 'anyOf' ? 'must be of type integer or string' : e.message}`,
        field,
      };
    default:
      return { reason: 'FieldValueInvalid', message: `Invalid value: ${show(value)}: ${field} in body ${e.message}`, field };
  }
}

function valueAt(obj: unknown, instancePath: string): unknown {
  let cur: any = obj;
  for (const p of instancePath.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

const loaded = new Map<string, Promise<SchemaValidator>>();

export class SchemaValidator {
  private constructor(
    private readonly strict: Record<Kind, ValidateFunction>,
    private readonly pruning: Record<Kind, ValidateFunction>,
  ) {}

  /** Loads both schemas from `dir` once per process (compiling them is the slow part of a start). */
  static load(dir: string, waitMs = 0): Promise<SchemaValidator> {
    let v = loaded.get(dir);
    if (!v) {
      v = SchemaValidator.compile(dir, waitMs);
      loaded.set(dir, v);
      v.catch(() => loaded.delete(dir));
    }
    return v;
  }

  /** Waits up to `waitMs` for both schemas to appear, then compiles them. */
  private static async compile(dir: string, waitMs: number): Promise<SchemaValidator> {
    const deadline = Date.now() + waitMs;
    const paths = Object.values(FILES).map((f) => join(dir, f));
    while (!paths.every((p) => existsSync(p))) {
      if (Date.now() >= deadline) throw new Error(`sandbox: schemas not found in ${dir} (${Object.values(FILES).join(', ')})`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const compile = (removeAdditional: boolean) => {
      const ajv = new Ajv({ allErrors: true, strict: false, removeAdditional });
      addFormats(ajv);
      const out = {} as Record<Kind, ValidateFunction>;
      for (const kind of Object.keys(FILES) as Kind[]) {
        out[kind] = ajv.compile(JSON.parse(readFileSync(join(dir, FILES[kind]), 'utf8')));
      }
      return out;
    };
    return new SchemaValidator(compile(false), compile(true));
  }

  /** Prunes unknown fields from `obj` in place and returns what is wrong with the rest. */
  check(kind: Kind, obj: unknown): CheckResult {
    this.strict[kind]!(obj);
    const unknownFields = (this.strict[kind]!.errors ?? [])
      .filter((e) => e.keyword === 'additionalProperties')
      .map((e) => fieldPath(e.instancePath, (e.params as { additionalProperty: string }).additionalProperty));
    const validate = this.pruning[kind]!;
    if (validate(obj)) return { causes: [], unknownFields };
    // anyOf reports each failed branch too; keep one cause per field, the anyOf one when there is one.
    const byPath = new Map<string, ErrorObject>();
    for (const e of validate.errors ?? []) {
      const k = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
      const seen = byPath.get(k);
      if (!seen || e.keyword === 'anyOf') byPath.set(k, e);
    }
    const causes = [...byPath.values()].map((e) => toCause(e, valueAt(obj, e.instancePath)));
    return { causes, unknownFields };
  }
}
