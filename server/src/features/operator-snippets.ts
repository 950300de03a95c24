// Snippets of filter operators with an operand shaped by the field's type (quoted strings, a number
// placeholder, a list), and the operator objects a field key completes to besides its plain value.
import { operatorsFor, type FieldDef, type FieldType, type OperatorInfo } from '../engine';
import { literal } from './snippet';

/** The operand of `op` on a field of `type`, as snippet text. */
function operandSnippet(op: OperatorInfo, type: FieldType): string {
  const scalar = type === 'string' || type === 'string[]' ? '"$1"' : type === 'bool' ? '${1|true,false|}' : '${1:0}';
  switch (op.operand(type)) {
    case 'scalar':
      return scalar;
    case 'list':
    case 'array':
      return `[${scalar}]`;
    case 'pair':
      return type === 'string' ? '["$1", "$2"]' : '[${1:0}, ${2:10}]';
    case 'pattern':
      return '"${1:^}"';
  }
}

/** `"$op": operand` for a field, as snippet text. */
export function operatorSnippet(op: OperatorInfo, field: FieldDef): string {
  return `"${literal(op.name)}": ${operandSnippet(op, field.type)}`;
}

/**
 * Operators a field key also completes to, as `{"$op": …}`: the plain value already means $eq, and $gt
 * is left out because kruise-game-api v0.1.0 evaluates it as less-than.
 */
const VARIANTS: Partial<Record<FieldType, readonly string[]>> = {
  number: ['$ge', '$le', '$lt', '$ne', '$in', '$range'],
  string: ['$ne', '$in', '$regex'],
};

export function operatorVariants(field: FieldDef): OperatorInfo[] {
  const ops = operatorsFor(field.type);
  return (VARIANTS[field.type] ?? []).flatMap((name) => ops.filter((op) => op.name === name));
}

/** After these the caret sits where a value goes that completion can offer (a reserved value, a name). */
export function offersValueNext(op: OperatorInfo, field: FieldDef): boolean {
  return (field.type === 'string' || field.type === 'string[]') && op.name !== '$regex' && op.name !== '$range';
}
