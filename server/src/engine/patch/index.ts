// The patch engine: check `.kgpatch` text against the GameServer / GameServerSet schemas, and apply it.
export { checkPatch } from './check';
export { applyPatch, applyPatchText, PatchApplyError } from './apply';
export type { ApiServerAnswer } from './apply';
export type { PatchOp, PatchKind, CheckedPatch } from './types';
