// Checks an op's `value` against the schema at its path with ajv (validators compiled per schema node
// on first use and cached), reporting each error on the JSON node inside the value it is about.
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import { nearMiss } from '../okg';
import { childSchema, describeType, schemaKeys, validatorFor, type JsonSchema } from '../schemas';
import type { Reporter } from './context';
import { unescapeSegment } from './pointer';
import type { StructuredOp } from './structure';

export function checkValue(op: StructuredOp, schema: JsonSchema, report: Reporter): void {
  if (!op.value) return;
  const validate = validatorFor(schema);
  if (validate(op.value.value)) return;
  const errors = withoutAnyOfBranches(validate.errors ?? []);
  const testOnly = op.op === 'test';
  for (const error of errors) {
    const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(unescapeSegment);
    const target = nodeAt(op.value.node, segments) ?? op.value.node;
    const where = op.path.text + error.instancePath || 'the document root';
    const { message, node, data } = explain(error, target, where, schemaAt(schema, segments));
    if (testOnly) {
      report.node(node, 'warning', 'test-value-invalid', `${message} The object can never hold this value, so this test always fails.`, data);
    } else {
      report.node(node, 'error', 'invalid-value', message, data);
    }
  }
}

/** ajv reports each failed anyOf branch besides the anyOf itself; the anyOf error alone says it. */
function withoutAnyOfBranches(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  return errors.filter((e) => !anyOfPaths.some((p) => e.schemaPath.startsWith(p)));
}

function schemaAt(schema: JsonSchema, segments: readonly string[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = schema;
  for (const seg of segments) s = s && childSchema(s, seg);
  return s;
}

function nodeAt(root: Node, segments: readonly string[]): Node | undefined {
  let node: Node | undefined = root;
  for (const seg of segments) {
    if (!node) return undefined;
    if (node.type === 'array') node = node.children?.[Number(seg)];
    else if (node.type === 'object') node = node.children?.find((p) => p.children?.[0].value === seg)?.children?.[1];
    else return undefined;
  }
  return node;
}

/** What the value is, for messages: `null`, `an object`, `string "x"`, `integer 3`, ... */
function found(node: Node): string {
  switch (node.type) {
    case 'null':
      return 'null';
    case 'object':
    case 'array':
      return `an ${node.type}`;
    case 'number':
      return `${Number.isInteger(node.value) ? 'integer' : 'number'} ${node.value}`;
    default:
      return `${node.type} ${JSON.stringify(node.value)}`;
  }
}

/** The value as written, for messages. */
function shown(node: Node): string {
  return node.type === 'object' || node.type === 'array' ? `an ${node.type}` : JSON.stringify(node.value);
}

interface Explained {
  message: string;
  node: Node;
  data?: Record<string, unknown>;
}

function explain(error: ErrorObject, node: Node, where: string, schema: JsonSchema | undefined): Explained {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { node, message: `${where} must be ${typeName(String(p.type))}, not ${found(node)}.` };
    case 'anyOf':
      return { node, message: `${where} must be ${schema ? typeName(describeType(schema)) : 'another type'}, not ${found(node)}.` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const near = typeof node.value === 'string' ? nearMiss(node.value, allowed) : undefined;
      return {
        node,
        message: `${shown(node)} is not allowed at ${where}${near ? `; did you mean "${near}"?` : '.'} Allowed: ${allowed.map((a) => JSON.stringify(a)).join(', ')}.`,
        data: near ? { replacement: near } : undefined,
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const keyNode = node.children?.find((c) => c.children?.[0].value === key)?.children?.[0] ?? node;
      const known = schema ? schemaKeys(schema).map((k) => k.name) : [];
      const near = nearMiss(key, known);
      return {
        node: keyNode,
        message: `\`${key}\` is not a field of ${where}${near ? `; did you mean \`${near}\`?` : '.'} The API server drops unknown fields. Fields here: ${known.join(', ')}.`,
        data: near ? { replacement: near } : undefined,
      };
    }
    case 'required':
      return { node, message: `${where} is missing the required field \`${String(p.missingProperty)}\`.` };
    case 'minimum':
    case 'maximum':
      return { node, message: `${where} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)}, not ${shown(node)}.` };
    case 'format':
      return { node, message: `${where} must be an RFC 3339 time such as "2026-01-12T02:30:05Z", not ${shown(node)}.` };
    default:
      return { node, message: `${where} ${error.message ?? 'is invalid'}.` };
  }
}

function typeName(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
