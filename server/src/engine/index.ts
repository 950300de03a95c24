// The engine's public API, also built as dist/engine.js for the client, kgctl and the language server.
export type { Problem, Range, Position, Severity } from './problem';
export { hasErrors } from './problem';
export { LineIndex } from './text';
export { isBlankJson } from './json';
export { OPS_STATES, GS_STATES, NETWORK_STATES, isValidLabelValue, nearMiss, intOrStringValue } from './okg';
export { compileFilter, parseFilter } from './filter/compile';
export type { CompiledFilter, FilterTarget } from './filter/compile';
export { OPERATORS, operatorsFor } from './filter/operators';
export type { OperatorInfo } from './filter/operators';
export { registryFor, GAME_SERVER_FIELDS, GAME_SERVER_SET_FIELDS } from './filter/fields';
export type { FieldType, FieldDef, Registry } from './filter/fields';
export { checkPatch, applyPatch, PatchApplyError } from './patch';
export type { PatchOp, PatchKind, CheckedPatch } from './patch';
export { planScale } from './scale/plan';
export type { ScalePlan, ScaleStep, ScaleNote } from './scale/types';
