// The operators of kruise-game-api's filter language, by field type.
import * as l10n from '@vscode/l10n';
import type { FieldType } from './fields';

export type OperatorName = '$eq' | '$ne' | '$lt' | '$le' | '$gt' | '$ge' | '$in' | '$range' | '$regex' | '$all';

/** What an operator's value must be, relative to the field's type. */
export type OperandShape = 'scalar' | 'list' | 'pair' | 'pattern' | 'array';

export interface OperatorInfo {
  name: OperatorName;
  types: readonly FieldType[];
  meaning: string;
  /** Where kruise-game-api behaves differently from its docs or from MongoDB, if anywhere. */
  kgaNote?: string;
  /** A snippet for the operator's value, in LSP snippet syntax. */
  snippet: string;
  /** The value shape for each field type (array fields use 'array'). */
  operand: (type: FieldType) => OperandShape;
}

const scalarOrArray = (t: FieldType): OperandShape => (t.endsWith('[]') ? 'array' : 'scalar');

// The words are getters, so a hover reads them in the locale chosen after this module loaded.
export const OPERATORS: readonly OperatorInfo[] = [
  {
    name: '$eq',
    types: ['bool', 'number', 'string', 'number[]', 'string[]'],
    get meaning() {
      return l10n.t('Equal. On array fields: the same elements in the same order. A bare value means $eq.');
    },
    snippet: '"\\$eq": ${1}',
    operand: scalarOrArray,
  },
  {
    name: '$ne',
    types: ['bool', 'number', 'string'],
    get meaning() {
      return l10n.t('Not equal.');
    },
    get kgaNote() {
      return l10n.t('Not available on array fields.');
    },
    snippet: '"\\$ne": ${1}',
    operand: () => 'scalar',
  },
  {
    name: '$lt',
    types: ['number'],
    get meaning() {
      return l10n.t('Less than.');
    },
    snippet: '"\\$lt": ${1:0}',
    operand: () => 'scalar',
  },
  {
    name: '$le',
    types: ['number'],
    get meaning() {
      return l10n.t('Less than or equal.');
    },
    get kgaNote() {
      return l10n.t("Spelled $le, not MongoDB's $lte.");
    },
    snippet: '"\\$le": ${1:0}',
    operand: () => 'scalar',
  },
  {
    name: '$gt',
    types: ['number'],
    get meaning() {
      return l10n.t('Greater than.');
    },
    get kgaNote() {
      return l10n.t(
        'kruise-game-api v0.1.0 evaluates $gt as less-than (a bug in structured-filter-go). ' +
          'Use {"$ge": n} with {"$ne": n}, or $range, for a filter that means the same everywhere.',
      );
    },
    snippet: '"\\$gt": ${1:0}',
    operand: () => 'scalar',
  },
  {
    name: '$ge',
    types: ['number'],
    get meaning() {
      return l10n.t('Greater than or equal.');
    },
    get kgaNote() {
      return l10n.t("Spelled $ge, not MongoDB's $gte.");
    },
    snippet: '"\\$ge": ${1:0}',
    operand: () => 'scalar',
  },
  {
    name: '$in',
    types: ['number', 'string'],
    get meaning() {
      return l10n.t('Equal to any element of a non-empty array.');
    },
    snippet: '"\\$in": [${1}]',
    operand: () => 'list',
  },
  {
    name: '$range',
    types: ['number', 'string'],
    get meaning() {
      return l10n.t('Within [first, second], both ends included; strings compare byte by byte (UTF-8).');
    },
    get kgaNote() {
      return l10n.t('The second element must be >= the first.');
    },
    snippet: '"\\$range": [${1:0}, ${2:10}]',
    operand: () => 'pair',
  },
  {
    name: '$regex',
    types: ['string'],
    get meaning() {
      return l10n.t('Matches an RE2 (Go) regular expression anywhere in the value; anchor with ^ and $.');
    },
    get kgaNote() {
      return l10n.t('No flags or $options. A pattern Go cannot compile never matches instead of being rejected.');
    },
    snippet: '"\\$regex": "${1:^}"',
    operand: () => 'pattern',
  },
  {
    name: '$all',
    types: ['number[]', 'string[]'],
    get meaning() {
      return l10n.t('Every listed element is present, in any order; the field may have more.');
    },
    snippet: '"\\$all": [${1}]',
    operand: () => 'array',
  },
];

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

export function operatorInfo(name: string): OperatorInfo | undefined {
  return BY_NAME.get(name as OperatorName);
}

export function operatorsFor(type: FieldType): OperatorInfo[] {
  return OPERATORS.filter((o) => o.types.includes(type));
}

/** Operators users bring from MongoDB, and what kruise-game-api offers instead. */
export const FOREIGN_OPERATORS: Readonly<Record<string, string | undefined>> = {
  $gte: '$ge',
  $lte: '$le',
  $nin: undefined,
  $not: undefined,
  $nor: undefined,
  $exists: undefined,
  $size: undefined,
  $elemMatch: undefined,
  $type: undefined,
  $options: undefined,
  $contains: undefined,
};
