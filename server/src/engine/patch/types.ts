// The patch engine's public types.
import type { Problem } from '../problem';
import type { SchemaKind } from '../schemas';

export type PatchKind = SchemaKind;

export const OP_NAMES = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const;
export type PatchOpName = (typeof OP_NAMES)[number];

/** One RFC 6902 operation, as checked: only the members its `op` uses. */
export type PatchOp =
  { op: 'add' | 'replace' | 'test'; path: string; value: unknown } | { op: 'remove'; path: string } | { op: 'move' | 'copy'; from: string; path: string };

export interface CheckedPatch {
  /** False exactly when a problem has severity 'error'. */
  ok: boolean;
  problems: Problem[];
  /** The well-formed operations, in order. Apply them only when `ok` is true. */
  ops: PatchOp[];
}
