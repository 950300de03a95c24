// The engine's parts that only the language server's features (schemas, pointers, JSON and YAML
// internals) and the sandbox use. They may change with any commit, so they stay out of index.ts, the
// API dist/engine.js documents. The client and kgctl import index.ts only: this file reaches the YAML
// checks and the Kubernetes models, which their bundles do not need. Code outside server/src/engine
// imports the engine only through index.ts or this file (test/unit/engine-boundary.test.ts).
export { MAX_DEPTH, isScalarNode, scanDepth } from './json';
export { applyPatchText } from './patch';
export { escapeSegment, unescapeSegment } from './patch/pointer';
export { childSchema, describeType, isArrayIndexSegment, schemaAtPointer, schemaKeys } from './schemas';
export type { JsonSchema } from './schemas';
export { checkChunk, checkManifestWithin, chunksToCheck, completionSiteAt, locateManifest, mayHoldOkg, OKG_API_VERSION, rememberFindings } from './manifest';
export type { CheckBudget, CompletionSite, Finding } from './manifest';
export { documentAt, parseYaml } from './manifest/documents';
export { keyText, locatePath } from './manifest/nodes';
export { arrayElement, modelAttributes, modelName } from './manifest/pod-models';
export type { ModelAttribute } from './manifest/pod-models';
export { splitDocuments } from './manifest/split';
export { ordinalsAsIntOrString } from './scale/ordinal-text';
