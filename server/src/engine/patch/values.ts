// Checks an op's `value` against the schema at its path with ajv (validators compiled per schema node
// on first use and cached), reporting each error on the JSON node inside the value it is about.
import type { ErrorObject } from 'ajv';
import type { Node } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
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
    const where = op.path.text + error.instancePath || l10n.t('the document root');
    const { message, node, data } = explain(error, target, where, schemaAt(schema, segments));
    if (testOnly) {
      report.node(node, 'warning', 'test-value-invalid', l10n.t('{0} The object can never hold this value, so this test always fails.', message), data);
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
      return l10n.t('an object');
    case 'array':
      return l10n.t('an array');
    case 'number':
      return Number.isInteger(node.value) ? l10n.t('integer {0}', node.value) : l10n.t('number {0}', node.value);
    case 'string':
      return l10n.t('string {0}', JSON.stringify(node.value));
    default:
      return `${node.type} ${JSON.stringify(node.value)}`;
  }
}

/** The value as written, for messages. */
function shown(node: Node): string {
  if (node.type === 'object') return l10n.t('an object');
  return node.type === 'array' ? l10n.t('an array') : JSON.stringify(node.value);
}

interface Explained {
  message: string;
  node: Node;
  /** The value that fits, when one is surely meant. */
  data?: { replacement: string };
}

function explain(error: ErrorObject, node: Node, where: string, schema: JsonSchema | undefined): Explained {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return { node, message: l10n.t('{0} must be {1}, not {2}.', where, typeName(String(p.type)), found(node)) };
    case 'anyOf':
      return { node, message: l10n.t('{0} must be {1}, not {2}.', where, schema ? typeName(describeType(schema)) : l10n.t('another type'), found(node)) };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const near = typeof node.value === 'string' ? nearMiss(node.value, allowed) : undefined;
      return {
        node,
        message: near
          ? l10n.t('{0} is not allowed at {1}; did you mean "{2}"? Allowed: {3}.', shown(node), where, near, allowed.map((a) => JSON.stringify(a)).join(', '))
          : l10n.t('{0} is not allowed at {1}. Allowed: {2}.', shown(node), where, allowed.map((a) => JSON.stringify(a)).join(', ')),
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
        message: near
          ? l10n.t(
              '`{0}` is not a field of {1}; did you mean `{2}`? The API server drops unknown fields. Fields here: {3}.',
              key,
              where,
              near,
              known.join(', '),
            )
          : l10n.t('`{0}` is not a field of {1}. The API server drops unknown fields. Fields here: {2}.', key, where, known.join(', ')),
        data: near ? { replacement: near } : undefined,
      };
    }
    case 'required':
      return { node, message: l10n.t('{0} is missing the required field `{1}`.', where, String(p.missingProperty)) };
    case 'minimum':
    case 'maximum':
      return {
        node,
        message:
          error.keyword === 'minimum'
            ? l10n.t('{0} must be at least {1}, not {2}.', where, String(p.limit), shown(node))
            : l10n.t('{0} must be at most {1}, not {2}.', where, String(p.limit), shown(node)),
      };
    case 'format':
      return { node, message: l10n.t('{0} must be an RFC 3339 time such as "2026-01-12T02:30:05Z", not {1}.', where, shown(node)) };
    default:
      return { node, message: error.message ? `${where} ${error.message}.` : l10n.t('{0} is invalid.', where) };
  }
}

function typeName(type: string): string {
  return /^[aeiou]/.test(type)
    ? l10n.t({ message: 'an {0}', args: [type], comment: ['an English article before a type name'] })
    : l10n.t({ message: 'a {0}', args: [type], comment: ['an English article before a type name'] });
}
