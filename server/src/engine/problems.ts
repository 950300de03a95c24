// Every problem code the engine and the language server emit, once, with the quick-fix data each code
// carries. Producers are typed by it (a code not listed here, or data of the wrong shape, fails tsc), and
// the code actions read a diagnostic back through `readProblem`, which checks the data that came over the
// wire against the code's own guard, so a quick fix never trusts a cast.
import type { Segment } from './manifest/finding';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What every JSON document (filter or patch) can get before its own checks run. */
const JSON_CODES = ['json-syntax', 'too-deep', 'too-large', 'too-many-problems'] as const;

export const FILTER_CODES = [
  ...JSON_CODES,
  'array-shorthand-not-root',
  'dollar-field-shorthand',
  'duplicate-key',
  'empty-array',
  'empty-filter',
  'gt-portability',
  'image-format',
  'logic-element',
  'logic-not-array',
  'logic-not-at-root',
  'near-miss-value',
  'number-out-of-range',
  'object-key-count',
  'operator-not-for-type',
  'range-length',
  'range-order',
  'regex-invalid',
  'root-not-object',
  'unknown-field',
  'unknown-operator',
  'unknown-value',
  'value-type',
] as const;

export const PATCH_CODES = [
  ...JSON_CODES,
  'duplicate-member',
  'empty-patch',
  'immutable-field',
  'invalid-array-index',
  'invalid-dash',
  'invalid-label-value',
  'invalid-op',
  'invalid-pointer',
  'invalid-value',
  'missing-from',
  'missing-op',
  'missing-path',
  'missing-value',
  'move-into-child',
  'negative-array-index',
  'no-operations',
  'noncanonical-array-index',
  'number-out-of-range',
  'op-not-object',
  'opsstate-not-reserved',
  'path-into-scalar',
  'priority-not-int32',
  'priority-not-integer',
  'priority-out-of-range',
  'root-not-array',
  'status-ignored',
  'template-value',
  'test-array-with-null',
  'test-null-passes-when-missing',
  'test-value-escaped-by-server',
  'test-value-invalid',
  'test-value-written-differently',
  'unknown-op-member',
  'unknown-path-segment',
  'unused-op-member',
] as const;

/** GameServerSet and GameServer YAML. */
export const MANIFEST_CODES = [
  'too-large',
  'too-many-problems',
  'in-place-only',
  'label-value',
  'on-delete-with-rolling-update',
  'ops-state-custom',
  'ops-state-label-value',
  'ops-state-near-miss',
  'pod-template-enum',
  'pod-template-format',
  'pod-template-image-missing',
  'pod-template-invalid',
  'pod-template-oneOf',
  'pod-template-required',
  'pod-template-type',
  'pod-template-unknown-field',
  'priority-label-value',
  'priority-not-int32',
  'priority-not-integer',
  'priority-out-of-range',
  'reserve-id-duplicate',
  'reserve-id-malformed',
  'reserve-id-negative',
  'reserve-id-numeric-string',
  'reserve-id-overlap',
  'schema-enum',
  'schema-format',
  'schema-invalid',
  'schema-range',
  'schema-required',
  'schema-type',
  'schema-unknown-field',
  'sq-action-containers',
  'sq-catch-all-after-specific',
  'sq-container-missing',
  'sq-container-unknown',
  'sq-exec-command-empty',
  'sq-false-result',
  'sq-grpc',
  'sq-handler-missing',
  'sq-handler-multiple',
  'sq-http-path-missing',
  'sq-http-scheme-invalid',
  'sq-http-scheme-missing',
  'sq-name-duplicate',
  'sq-name-hash',
  'sq-name-invalid',
  'sq-name-missing',
  'sq-name-native-condition',
  'sq-timing-negative',
  'update-priority-ignored',
  'yaml-alias-limit',
  'yaml-syntax',
  'yaml-too-deep',
  'yaml-warning',
] as const;

export type FilterCode = (typeof FILTER_CODES)[number];
export type PatchCode = (typeof PATCH_CODES)[number];
export type ManifestCode = (typeof MANIFEST_CODES)[number];
export type ProblemCode = FilterCode | PatchCode | ManifestCode;

const ALL_CODES: ReadonlySet<string> = new Set<ProblemCode>([...FILTER_CODES, ...PATCH_CODES, ...MANIFEST_CODES]);

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && ALL_CODES.has(code);
}

/** Whether `code` is one of `codes`: how a code action picks the diagnostics of its document kind. */
export function isCodeOf<C extends ProblemCode>(codes: readonly C[], code: unknown): code is C {
  return typeof code === 'string' && (codes as readonly string[]).includes(code);
}

interface Replacement<T> {
  replacement: T;
}

/** A filter value of the wrong type: what the operator needs (`of`: the element type of a needed array). */
export type ValueTypeData = { expected: 'bool' | 'number' | 'string' } | { expected: 'array'; of: 'bool' | 'number' | 'string' };

/** Only codes may be keys, so a misspelt code here fails tsc. */
type CheckedData<T extends { [K in keyof T]: K extends ProblemCode ? object : never }> = T;

/** The data each code carries; a code missing here carries none. */
export type ProblemDataByCode = CheckedData<{
  'unknown-operator': Replacement<string>;
  'unknown-field': Replacement<string>;
  'near-miss-value': Replacement<string>;
  /** The two bounds of a `$range`, the other way round. */
  'range-order': Replacement<(string | number | boolean)[]>;
  'dollar-field-shorthand': { wrapOp: string };
  'array-shorthand-not-root': { wrapOp: string };
  'value-type': ValueTypeData;
  /** `wrap-and` when every key of the root object is a field, so the clauses can go into one $and. */
  'object-key-count': { fix: 'wrap-and' };
  'gt-portability': { field: string; value: JsonValue; integer?: true };
  // A patch's replacement is the JSON value that goes in place of the node at the problem's start.
  'invalid-op': Replacement<JsonValue>;
  'invalid-pointer': Replacement<JsonValue>;
  'invalid-value': Replacement<JsonValue>;
  'invalid-label-value': Replacement<JsonValue>;
  'noncanonical-array-index': Replacement<JsonValue>;
  'opsstate-not-reserved': Replacement<JsonValue>;
  'priority-not-integer': Replacement<JsonValue>;
  'priority-out-of-range': Replacement<JsonValue>;
  'test-value-invalid': Replacement<JsonValue>;
  'test-value-written-differently': Replacement<JsonValue>;
  'unknown-op-member': Replacement<JsonValue>;
  'unknown-path-segment': Replacement<JsonValue>;
  // YAML: a scalar written over the one the problem is on.
  'in-place-only': Replacement<string>;
  'ops-state-near-miss': Replacement<string>;
  'pod-template-unknown-field': Replacement<string>;
  'schema-enum': Replacement<string>;
  'schema-unknown-field': Replacement<string>;
  'sq-http-scheme-invalid': Replacement<string>;
  'reserve-id-numeric-string': Replacement<number>;
  'sq-timing-negative': Replacement<number>;
  /** Every container, nearest first, and the one surely meant when there is one. */
  'sq-container-unknown': { replacement?: string; alternatives: string[] };
  /** The key of the map at `path` to rename to `replacement`. */
  'sq-handler-missing': { key: string; replacement: string; path: Segment[] };
  /** A `key: value` line to add to the map under the problem's key. */
  'sq-http-scheme-missing': { insert: string };
}>;

export type CodeWithData = keyof ProblemDataByCode;
export type ProblemData<C extends ProblemCode> = C extends CodeWithData ? ProblemDataByCode[C] : never;
/** The data of any code, as a Problem holds it once its code is no longer known to the type. */
export type AnyProblemData = ProblemDataByCode[CodeWithData];

type Guard<T> = (v: unknown) => v is T;
type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isType = (v: unknown): v is 'bool' | 'number' | 'string' => v === 'bool' || v === 'number' || v === 'string';

/** Data came over the wire as JSON, so only its depth needs a bound; `undefined` (absent) is not JSON. */
function isJson(v: unknown, depth = 0): v is JsonValue {
  if (depth > 64) return false;
  if (v === null || isScalar(v)) return true;
  if (Array.isArray(v)) return v.every((x) => isJson(x, depth + 1));
  return isFields(v) && Object.values(v).every((x) => isJson(x, depth + 1));
}

const replacementOf =
  <T>(is: (v: unknown) => v is T): Guard<Replacement<T>> =>
  (v): v is Replacement<T> =>
    isFields(v) && is(v.replacement);

const stringReplacement = replacementOf(isString);
const jsonReplacement = replacementOf(isJson);
const numberReplacement = replacementOf(isNumber);
const wrapOp: Guard<{ wrapOp: string }> = (v): v is { wrapOp: string } => isFields(v) && isString(v.wrapOp);

/** Each code's guard: the data a diagnostic brings back is used only when it has the code's shape. */
const DATA_CHECKS: { [C in CodeWithData]: Guard<ProblemDataByCode[C]> } = {
  'unknown-operator': stringReplacement,
  'unknown-field': stringReplacement,
  'near-miss-value': stringReplacement,
  'range-order': replacementOf((v): v is (string | number | boolean)[] => Array.isArray(v) && v.every(isScalar)),
  'dollar-field-shorthand': wrapOp,
  'array-shorthand-not-root': wrapOp,
  'value-type': (v): v is ValueTypeData => isFields(v) && (isType(v.expected) || (v.expected === 'array' && isType(v.of))),
  'object-key-count': (v): v is { fix: 'wrap-and' } => isFields(v) && v.fix === 'wrap-and',
  'gt-portability': (v): v is ProblemDataByCode['gt-portability'] =>
    isFields(v) && isString(v.field) && isJson(v.value) && (v.integer === undefined || v.integer === true),
  'invalid-op': jsonReplacement,
  'invalid-pointer': jsonReplacement,
  'invalid-value': jsonReplacement,
  'invalid-label-value': jsonReplacement,
  'noncanonical-array-index': jsonReplacement,
  'opsstate-not-reserved': jsonReplacement,
  'priority-not-integer': jsonReplacement,
  'priority-out-of-range': jsonReplacement,
  'test-value-invalid': jsonReplacement,
  'test-value-written-differently': jsonReplacement,
  'unknown-op-member': jsonReplacement,
  'unknown-path-segment': jsonReplacement,
  'in-place-only': stringReplacement,
  'ops-state-near-miss': stringReplacement,
  'pod-template-unknown-field': stringReplacement,
  'schema-enum': stringReplacement,
  'schema-unknown-field': stringReplacement,
  'sq-http-scheme-invalid': stringReplacement,
  'reserve-id-numeric-string': numberReplacement,
  'sq-timing-negative': numberReplacement,
  'sq-container-unknown': (v): v is ProblemDataByCode['sq-container-unknown'] =>
    isFields(v) && (v.replacement === undefined || isString(v.replacement)) && Array.isArray(v.alternatives) && v.alternatives.every(isString),
  'sq-handler-missing': (v): v is ProblemDataByCode['sq-handler-missing'] =>
    isFields(v) && isString(v.key) && isString(v.replacement) && Array.isArray(v.path) && v.path.every((s) => isString(s) || isNumber(s)),
  'sq-http-scheme-missing': (v): v is { insert: string } => isFields(v) && isString(v.insert),
};

export function hasData(code: ProblemCode): code is CodeWithData {
  return Object.hasOwn(DATA_CHECKS, code);
}

/** The data of a diagnostic with this code, or undefined when it is absent or not of the code's shape. */
export function dataOf<C extends CodeWithData>(code: C, data: unknown): ProblemDataByCode[C] | undefined {
  const check: Guard<ProblemDataByCode[C]> = DATA_CHECKS[code];
  return check(data) ? data : undefined;
}
