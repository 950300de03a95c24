// Checks a parsed filter exactly as structured-filter-go validates it
// and produces the checked clauses; every rejection is an error problem at the offending node.
import { getNodeValue, type Node } from 'jsonc-parser';
import { RE2JS } from 're2js';
import * as l10n from '@vscode/l10n';
import { isScalarNode } from '../json';
import { nearMiss } from '../okg';
import { problem, type Problem, type Severity } from '../problem';
import type { FilterCode, ProblemData } from '../problems';
import type { LineIndex } from '../text';
import type { FieldDef, FieldType, Registry } from './fields';
import { FOREIGN_OPERATORS, operatorInfo, operatorsFor, type OperatorName } from './operators';
import { compareCodePoints } from './strings';

export type JsonScalar = string | number | boolean;
export type ClauseValue = JsonScalar | JsonScalar[];

export interface Clause {
  field: FieldDef;
  op: OperatorName;
  value: ClauseValue;
}

export type FilterAst = { kind: 'all' } | { kind: 'clause'; clause: Clause } | { kind: 'logic'; op: '$and' | '$or'; clauses: Clause[] };

const LOGIC = new Set(['$and', '$or']);

/** What a JSON node is, in words ("this is an array"). */
function typeName(node: Node): string {
  switch (node.type) {
    case 'object':
      return l10n.t('an object');
    case 'array':
      return l10n.t('an array');
    case 'string':
      return l10n.t('a string');
    case 'number':
      return l10n.t('a number');
    case 'boolean':
      return l10n.t('a boolean');
    default:
      return node.type;
  }
}

function elementType(type: FieldType): 'bool' | 'number' | 'string' {
  return type.replace('[]', '') as 'bool' | 'number' | 'string';
}

function jsonType(type: 'bool' | 'number' | 'string'): Node['type'] {
  return type === 'bool' ? 'boolean' : type;
}

function listOps(type: FieldType): string {
  return operatorsFor(type)
    .map((o) => o.name)
    .join(', ');
}

export class FilterChecker {
  readonly problems: Problem[] = [];
  private readonly noun: string;

  constructor(
    private readonly registry: Registry,
    private readonly lines: LineIndex,
  ) {
    this.noun =
      registry.kind === 'custom' ? l10n.t({ message: 'filter', comment: ['what custom fields belong to: "x is not a filter field"'] }) : registry.kind;
  }

  check(root: Node): FilterAst | undefined {
    if (root.type !== 'object') {
      this.report(
        'error',
        'root-not-object',
        root,
        l10n.t('A filter is a JSON object with one key, such as {0}; this is {1}', '{"opsState":"None"}', typeName(root)),
      );
      return undefined;
    }
    const props = this.properties(root);
    if (props.length !== 1) {
      this.rootKeyCount(root, props);
      return undefined;
    }
    const [key, value] = props[0].children as [Node, Node];
    if (LOGIC.has(key.value)) {
      const clauses = this.logic(key.value, value);
      return clauses && { kind: 'logic', op: key.value, clauses };
    }
    const clause = this.clause(props[0], true);
    return clause && { kind: 'clause', clause };
  }

  private report<C extends FilterCode>(severity: Severity, code: C, node: Node, message: string, data?: ProblemData<C>): void {
    this.problems.push(problem(severity, code, message, this.lines.range(node.offset, node.length), data));
  }

  /** An object's properties as Go's encoding/json sees them: with duplicate keys, the last one wins. */
  private properties(obj: Node): Node[] {
    const props = obj.children ?? [];
    const last = new Map<string, Node>();
    for (const p of props) last.set(p.children![0].value, p);
    for (const p of props) {
      const key = p.children![0];
      if (last.get(key.value) !== p) {
        this.report('warning', 'duplicate-key', key, l10n.t('Duplicate key "{0}": kruise-game-api uses only the last one', key.value));
      }
    }
    return [...last.values()];
  }

  private rootKeyCount(root: Node, props: Node[]): void {
    if (props.length === 0) {
      this.report(
        'error',
        'object-key-count',
        root,
        l10n.t('{} is not a filter: a filter has exactly one key. To match every {0}, leave the file empty', this.noun),
      );
      return;
    }
    const allFields = props.every((p) => this.registry.fields.has(p.children![0].value));
    this.report(
      'error',
      'object-key-count',
      root,
      l10n.t(
        'A filter has exactly one key, and this one has {0}: kruise-game-api has no implicit AND. Combine the clauses with {1}',
        props.length,
        '{"$and":[...]}',
      ),
      allFields ? { fix: 'wrap-and' } : undefined,
    );
  }

  private logic(op: string, value: Node): Clause[] | undefined {
    const example = `{"${op}":[{"opsState":"None"},{"currentState":"Ready"}]}`;
    if (value.type !== 'array') {
      this.report(
        'error',
        'logic-not-array',
        value,
        l10n.t('"{0}" takes a non-empty array of field clauses, such as {1}; this is {2}', op, example, typeName(value)),
      );
      return undefined;
    }
    const elements = value.children ?? [];
    if (elements.length === 0) {
      this.report('error', 'empty-array', value, l10n.t('"{0}" needs at least one field clause, such as {1}', op, example));
      return undefined;
    }
    const clauses: Clause[] = [];
    let ok = true;
    for (const el of elements) {
      const clause = this.logicElement(op, el);
      if (clause) clauses.push(clause);
      else ok = false;
    }
    return ok ? clauses : undefined;
  }

  private logicElement(op: string, el: Node): Clause | undefined {
    if (el.type !== 'object') {
      this.report(
        'error',
        'logic-element',
        el,
        l10n.t('Each element of "{0}" is an object with one field, such as {1}; this is {2}', op, '{"opsState":"None"}', typeName(el)),
      );
      return undefined;
    }
    const props = this.properties(el);
    if (props.length !== 1) {
      this.report(
        'error',
        'object-key-count',
        el,
        l10n.t('Each element of "{0}" has exactly one field, and this one has {1}; put each field in its own element', op, props.length),
      );
      return undefined;
    }
    const key = props[0].children![0];
    // Inside a logic operator, keys resolve against field names only (a custom field may be "$or").
    if (LOGIC.has(key.value) && !this.registry.fields.has(key.value)) {
      this.report(
        'error',
        'logic-not-at-root',
        key,
        l10n.t('"{0}" cannot be nested inside "{1}": kruise-game-api allows $and and $or only at the root', key.value, op),
      );
      return undefined;
    }
    return this.clause(props[0], false);
  }

  private unknownField(key: Node): void {
    const name: string = key.value;
    const fields = [...this.registry.fields.keys()];
    const known =
      fields.length === 0
        ? l10n.t('This filter has no fields to match on (the field registry is empty), so only the empty filter is valid')
        : this.registry.kind === 'custom'
          ? l10n.t('Fields: {0}, or $and / $or at the root', fields.join(', '))
          : l10n.t('{0} fields: {1}, or $and / $or at the root', this.noun, fields.join(', '));
    if (name.startsWith('$')) {
      this.report('error', 'unknown-field', key, l10n.t('"{0}" is not allowed here: a field name is expected. {1}', name, known));
      return;
    }
    const guess = nearMiss(name, fields);
    if (guess) {
      this.report('error', 'unknown-field', key, l10n.t('"{0}" is not a {1} field; did you mean "{2}"?', name, this.noun, guess), { replacement: guess });
    } else {
      this.report('error', 'unknown-field', key, l10n.t('"{0}" is not a {1} field. {2}', name, this.noun, known));
    }
  }

  private clause(prop: Node, atRoot: boolean): Clause | undefined {
    const [key, value] = prop.children as [Node, Node];
    const field = this.registry.fields.get(key.value);
    if (!field) {
      this.unknownField(key);
      return undefined;
    }
    if (isScalarNode(value)) {
      if (field.name.startsWith('$')) {
        // Go's normalizer rewrites a bare value as {"$eq": value} only under keys without a `$`.
        const operand = value.type === 'null' ? '...' : JSON.stringify(value.value);
        const write = `{${JSON.stringify(field.name)}:{"$eq":${operand}}}`;
        const message = l10n.t('"{0}" starts with $, so kruise-game-api does not read a bare value as $eq for it: write {1}', field.name, write);
        this.report('error', 'dollar-field-shorthand', value, message, { wrapOp: '$eq' });
        return undefined;
      }
      return this.operand(field, '$eq', value, key);
    }
    if (value.type === 'array') {
      const flat = (value.children ?? []).every(isScalarNode);
      if (flat && atRoot) return this.operand(field, '$eq', value, key);
      if (flat) {
        this.report(
          'error',
          'array-shorthand-not-root',
          value,
          l10n.t('Inside $and / $or an array needs its operator: write {0}', `{${JSON.stringify(field.name)}:{"$eq":[...]}}`),
          { wrapOp: '$eq' },
        );
      } else {
        const example = `{"${operatorsFor(field.type)[0].name}": ...}`;
        this.report(
          'error',
          'value-type',
          value,
          l10n.t('"{0}" takes a value or an operator object such as {1}; this array holds objects or arrays', field.name, example),
        );
      }
      return undefined;
    }
    const ops = this.properties(value);
    if (ops.length !== 1) {
      const message =
        ops.length === 0
          ? l10n.t('A field clause takes an operator: {0}', listOps(field.type))
          : l10n.t('A field clause takes exactly one operator: for a range use $range, or combine clauses with $and at the root');
      this.report('error', 'object-key-count', value, message);
      return undefined;
    }
    const [opKey, opValue] = ops[0].children as [Node, Node];
    const opName: string = opKey.value;
    const info = operatorInfo(opName);
    if (!info) {
      this.unknownOperator(field, opKey);
      return undefined;
    }
    if (!info.types.includes(field.type)) {
      const message = l10n.t('"{0}" does not apply to "{1}", a {2} field. Operators for it: {3}', opName, field.name, field.type, listOps(field.type));
      this.report('error', 'operator-not-for-type', opKey, message);
      return undefined;
    }
    return this.operand(field, info.name, opValue, opKey);
  }

  private unknownOperator(field: FieldDef, opKey: Node): void {
    const name: string = opKey.value;
    const valid = l10n.t('Operators for "{0}" ({1}): {2}', field.name, field.type, listOps(field.type));
    if (!name.startsWith('$')) {
      this.report('error', 'unknown-operator', opKey, l10n.t('"{0}" is not an operator (operators start with $). {1}', name, valid));
    } else if (name in FOREIGN_OPERATORS) {
      const replacement = FOREIGN_OPERATORS[name];
      if (replacement && operatorsFor(field.type).some((o) => o.name === replacement)) {
        this.report('error', 'unknown-operator', opKey, l10n.t('"{0}" is not an operator; kruise-game-api uses "{1}"', name, replacement), { replacement });
      } else {
        this.report('error', 'unknown-operator', opKey, l10n.t('kruise-game-api has no "{0}" (it is a MongoDB operator). {1}', name, valid));
      }
    } else {
      this.report('error', 'unknown-operator', opKey, l10n.t('"{0}" is not an operator. {1}', name, valid));
    }
  }

  /** Checks an operator's value; `opNode` is where operator-level warnings go. */
  private operand(field: FieldDef, op: OperatorName, node: Node, opNode: Node): Clause | undefined {
    const shape = operatorInfo(op)!.operand(field.type);
    const elem = elementType(field.type);
    let ok: boolean;
    switch (shape) {
      case 'scalar':
      case 'pattern':
        ok = this.expectType(field, op, node, elem);
        break;
      case 'list':
      case 'array':
        ok = this.expectArray(field, op, node, elem);
        break;
      case 'pair':
        ok = this.expectPair(field, node, elem);
        break;
    }
    if (!ok) return undefined;
    const value = getNodeValue(node) as ClauseValue;
    this.warnings(field, op, node, opNode);
    return { field, op, value };
  }

  private expectType(field: FieldDef, op: string, node: Node, type: 'bool' | 'number' | 'string'): boolean {
    if (node.type === jsonType(type)) return true;
    const article = type === 'bool' ? l10n.t('a boolean') : type === 'number' ? l10n.t('a number') : l10n.t('a string');
    const message = l10n.t('"{0}" is a {1} field, so "{2}" needs {3}; this is {4}', field.name, field.type, op, article, typeName(node));
    this.report('error', 'value-type', node, message, { expected: type });
    return false;
  }

  private expectArray(field: FieldDef, op: string, node: Node, elem: 'bool' | 'number' | 'string'): boolean {
    if (node.type !== 'array') {
      this.report('error', 'value-type', node, l10n.t('"{0}" on "{1}" needs a non-empty array of {2}s; this is {3}', op, field.name, elem, typeName(node)), {
        expected: 'array',
        of: elem,
      });
      return false;
    }
    const items = node.children ?? [];
    if (items.length === 0) {
      this.report('error', 'empty-array', node, l10n.t('"{0}" needs at least one {1}; kruise-game-api rejects an empty array', op, elem));
      return false;
    }
    let ok = true;
    for (const item of items) {
      if (item.type !== jsonType(elem)) {
        const message = l10n.t('Every element of "{0}" on "{1}" must be a {2}; this is {3}', op, field.name, elem, typeName(item));
        this.report('error', 'value-type', item, message, { expected: elem });
        ok = false;
      }
    }
    return ok;
  }

  private expectPair(field: FieldDef, node: Node, elem: 'bool' | 'number' | 'string'): boolean {
    if (node.type !== 'array') {
      this.report('error', 'value-type', node, l10n.t('"$range" needs an array of two {0}s, [low, high]; this is {1}', elem, typeName(node)));
      return false;
    }
    const items = node.children ?? [];
    if (items.length !== 2) {
      this.report('error', 'range-length', node, l10n.t('"$range" needs exactly two {0}s, [low, high]; this has {1}', elem, items.length));
      return false;
    }
    if (!this.expectArray(field, '$range', node, elem)) return false;
    const [lo, hi] = items.map((i) => i.value as number | string);
    const inverted = typeof lo === 'number' ? (hi as number) < lo : compareCodePoints(hi as string, lo as string) < 0;
    if (inverted) {
      const message = l10n.t(
        'The second element of "$range" must be >= the first: {0} matches nothing and kruise-game-api rejects it',
        `[${JSON.stringify(lo)}, ${JSON.stringify(hi)}]`,
      );
      this.report('error', 'range-order', node, message, { replacement: [hi, lo] });
      return false;
    }
    return true;
  }

  private warnings(field: FieldDef, op: OperatorName, node: Node, opNode: Node): void {
    if (op === '$gt') {
      this.report(
        'warning',
        'gt-portability',
        opNode,
        l10n.t(
          '"$gt" means greater-than here, as kruise-game-api documents, but kruise-game-api v0.1.0 evaluates it as less-than. ' +
            'Use "$ge" with "$ne" (or "$range") for a filter that means the same everywhere',
        ),
        { field: field.name, value: node.value, ...(field.integer && { integer: true }) },
      );
    }
    if (op === '$regex') {
      try {
        RE2JS.compile(node.value);
      } catch (e) {
        this.report(
          'warning',
          'regex-invalid',
          node,
          l10n.t('This pattern is not valid RE2 (Go) syntax, so it never matches, as in kruise-game-api: {0}', (e as Error).message),
        );
      }
      return;
    }
    const strings = node.type === 'string' ? [node] : (node.children ?? []).filter((c) => c.type === 'string');
    for (const s of strings) this.valueWarnings(field, s);
  }

  private valueWarnings(field: FieldDef, node: Node): void {
    const value: string = node.value;
    const known = field.knownValues;
    if (known && value !== '' && !known.includes(value)) {
      const guess = nearMiss(value, known);
      if (guess) {
        const message = l10n.t('"{0}" is not a reserved {1} value and OKG compares case-sensitively; did you mean "{2}"?', value, field.name, guess);
        this.report('warning', 'near-miss-value', node, message, { replacement: guess });
      } else if (field.closedValues) {
        this.report('warning', 'unknown-value', node, l10n.t('"{0}" is never "{1}"; it is one of {2} (or empty)', field.name, value, known.join(', ')));
      }
    }
    if (field.containerImagePairs && !value.includes(',')) {
      const message = l10n.t(
        '"images" entries are "container,image" (for example "game,registry.example.com/game:1.2"); "{0}" has no comma and never matches',
        value,
      );
      this.report('warning', 'image-format', node, message);
    }
  }
}
