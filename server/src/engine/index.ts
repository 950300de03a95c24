// The engine's public API. The client, kgctl and the language server bundle it from source; esbuild
// also builds it alone as dist/engine.js, which no shipped program loads (the .vsix leaves it out): it is
// the API for scripts and for the tests of what is built (test/engine.ts). Parts only the language
// server and the sandbox need are in internal.ts.
export type { Problem, Range, Position, Severity } from './problem';
export { hasErrors } from './problem';
// Problem codes and their data are stable: the language server's fixes and kgctl's output rely on them.
export * from './problems';
export { LineIndex } from './text';
export { isBlankJson } from './json';
export { OPS_STATES, GS_STATES, NETWORK_STATES, isValidLabelValue, nearMiss, intOrStringValue } from './okg';
export { compileFilter, parseFilter } from './filter/compile';
export type { CompiledFilter, FilterTarget } from './filter/compile';
export { OPERATORS, operatorsFor } from './filter/operators';
export type { OperatorInfo } from './filter/operators';
export { registryFor, readPaths, GAME_SERVER_FIELDS, GAME_SERVER_SET_FIELDS } from './filter/fields';
export type { FieldType, FieldDef, Registry } from './filter/fields';
export { checkPatch, applyPatch, PatchApplyError } from './patch';
export { apiServerJson } from './patch/server-json';
export type { PatchOp, PatchKind, CheckedPatch } from './patch';
export { planScale } from './scale/plan';
export type { ScalePlan, ScaleStep, ScaleNote } from './scale/types';
