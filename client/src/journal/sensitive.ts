// What the journal never writes to disk. GameServers and GameServerSets hold no Secrets, but a
// set's pod template may carry credentials in plain `env` values, and anyone may name a label or
// annotation `...token`. The journal file is plain text on the user's disk, so a changed place
// whose path or value could hold one is recorded without its values.
import type { JsonPatchOp } from '../cluster/api';

/** Key names that usually hold a credential. */
const SECRET_LIKE = /token|passw(or)?d|secret|credential|api[-_]?key|private[-_]?key|authorization/i;

/** `env` lists hold values in the clear; `envFrom` only names ConfigMaps and Secrets. */
const isSensitiveKey = (key: string) => key === 'env' || SECRET_LIKE.test(key);

const segments = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

export function isSensitivePath(pointer: string): boolean {
  return segments(pointer).some(isSensitiveKey);
}

/** Whether a value holds a sensitive key anywhere inside (objects from the server are finite trees). */
export function holdsSensitive(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSensitive);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([k, v]) => isSensitiveKey(k) || holdsSensitive(v));
}

/** Written instead of a value the journal does not keep. */
export const NOT_STORED = '<not stored>';

/** The op as the journal keeps it: its value masked when it could be a secret. */
export function maskOp(op: JsonPatchOp): JsonPatchOp {
  if (!('value' in op) || !(isSensitivePath(op.path) || holdsSensitive(op.value))) return { ...op };
  return { ...op, value: NOT_STORED };
}
