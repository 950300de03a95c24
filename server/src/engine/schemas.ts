// The GameServer / GameServerSet JSON Schemas (schemas/*.json), walked along JSON Pointers for path
// checks, completion and hover, and validated with ajv one sub-schema at a time.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as l10n from '@vscode/l10n';
import gameServerSchema from '../../../schemas/gameserver.schema.json';
import gameServerSetSchema from '../../../schemas/gameserverset.schema.json';

export type SchemaKind = 'GameServer' | 'GameServerSet';

/** The subset of draft-07 our schemas use, plus the custom `x-` keywords they carry. */
export interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  format?: string;
  /** Kubernetes IntOrString: an integer or a string. */
  'x-kubernetes-int-or-string'?: boolean;
  /** Kept by the API server as written (not pruned); keys not listed in `properties` are allowed. */
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  /** A free string whose listed values OKG gives a meaning (opsState). */
  'x-okg-reserved'?: string[];
  /** The pod label the OKG controller copies this value into, so it must be a valid label value. */
  'x-okg-pod-label'?: string;
  /** A priority: an integer, or a string read with strconv.Atoi (non-integers sort as 0). */
  'x-okg-priority'?: boolean;
  /** A service-quality action field that OKG master renders as a Go template (`{{.Result}}`). */
  'x-okg-template'?: boolean;
}

/** Custom keywords in our schemas; any other ajv instance validating them must declare these. */
export const SCHEMA_KEYWORDS = [
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-okg-reserved',
  'x-okg-pod-label',
  'x-okg-priority',
  'x-okg-template',
] as const;

const SCHEMAS: Record<SchemaKind, JsonSchema> = {
  GameServer: gameServerSchema as JsonSchema,
  GameServerSet: gameServerSetSchema as JsonSchema,
};

/** Accepts any value: what lies below a loosely described object (pod template, podStatus). */
const ANYTHING: JsonSchema = Object.freeze({});

export function schemaFor(kind: SchemaKind): JsonSchema {
  return SCHEMAS[kind];
}

/** An RFC 6901 array index (no leading zeros) or `-`, the position after the last element. */
export function isArrayIndexSegment(segment: string): boolean {
  return segment === '-' || /^(?:0|[1-9][0-9]*)$/.test(segment);
}

/** True for a schema that accepts any value (what lies below a loosely described object). */
export function isUnconstrained(schema: JsonSchema): boolean {
  return schema.type === undefined && schema.anyOf === undefined && schema.enum === undefined;
}

/** The schema one segment below `schema`, or undefined when `schema` has no such child. */
export function childSchema(schema: JsonSchema, segment: string): JsonSchema | undefined {
  if (isUnconstrained(schema)) return ANYTHING;
  if (schema.anyOf) {
    for (const branch of schema.anyOf) {
      const child = childSchema(branch, segment);
      if (child) return child;
    }
    return undefined;
  }
  if (schema.type === 'array') return isArrayIndexSegment(segment) ? (schema.items ?? ANYTHING) : undefined;
  if (schema.type !== 'object') return undefined;
  const listed = schema.properties && Object.hasOwn(schema.properties, segment) ? schema.properties[segment] : undefined;
  if (listed) return listed;
  if (typeof schema.additionalProperties === 'object') return schema.additionalProperties;
  return schema.additionalProperties === false ? undefined : ANYTHING;
}

export type SchemaWalk =
  | { ok: true; schema: JsonSchema }
  /** `at` is the index of the first segment with no schema; `parent` is the schema it was looked up in. */
  | { ok: false; at: number; parent: JsonSchema };

/** Walks the kind's schema along already-unescaped JSON Pointer segments. */
export function walkSchema(root: JsonSchema, segments: readonly string[]): SchemaWalk {
  let schema = root;
  for (let i = 0; i < segments.length; i++) {
    const child = childSchema(schema, segments[i]);
    if (!child) return { ok: false, at: i, parent: schema };
    schema = child;
  }
  return { ok: true, schema };
}

/** The sub-schema at a JSON Pointer (as unescaped segments), or undefined when the path leaves the schema. */
export function schemaAtPointer(kind: SchemaKind, segments: readonly string[]): JsonSchema | undefined {
  const walk = walkSchema(SCHEMAS[kind], segments);
  return walk.ok ? walk.schema : undefined;
}

export interface SchemaKey {
  name: string;
  description: string | undefined;
  required: boolean;
  schema: JsonSchema;
}

/** The keys an object schema lists, with their descriptions, for completion and hover. */
export function schemaKeys(schema: JsonSchema): SchemaKey[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, child]) => ({
    name,
    description: child.description,
    required: required.has(name),
    schema: child,
  }));
}

/** A short human name of a schema's type, e.g. "integer or string", "map of string". */
export function describeType(schema: JsonSchema): string {
  if (schema['x-kubernetes-int-or-string']) return l10n.t('integer or string');
  if (schema.anyOf) return schema.anyOf.map(describeType).reduce((a, b) => l10n.t('{0} or {1}', a, b));
  if (schema.type === 'array') return l10n.t('array of {0}', describeType(schema.items ?? ANYTHING));
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties) {
    return l10n.t('map of {0}', describeType(schema.additionalProperties));
  }
  return schema.type ?? l10n.t('any value');
}

/** An ajv instance that understands our schemas: draft-07, formats, and our custom keywords. */
export function createSchemaAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv, ['date-time']);
  for (const keyword of SCHEMA_KEYWORDS) ajv.addKeyword({ keyword });
  return ajv;
}

let sharedAjv: Ajv | undefined;
const validators = new WeakMap<JsonSchema, ValidateFunction>();

/** A compiled validator for one node of our schemas, compiled on first use and cached. */
export function validatorFor(schema: JsonSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    sharedAjv ??= createSchemaAjv();
    validate = sharedAjv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}
