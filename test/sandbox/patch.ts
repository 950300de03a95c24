// The two patch types a custom resource accepts: RFC 6902 JSON Patch and RFC 7386 merge patch.
import { applyPatch, type Operation } from 'fast-json-patch';
import { ApiError, badRequest, unsupportedMediaType } from './status';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** The 422 a real apiserver answers when a JSON Patch does not apply (a failed `test` among others). */
function notApplicable(message: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message }],
  });
}

function decodeJsonPatch(body: unknown): Operation[] {
  if (!Array.isArray(body)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  for (const op of body) {
    if (op === null || typeof op !== 'object' || !OPS.has(op.op) || typeof op.path !== 'string') {
      throw badRequest(`invalid JSON Patch operation: ${JSON.stringify(op)}`);
    }
    if ((op.op === 'move' || op.op === 'copy') && typeof op.from !== 'string') throw badRequest(`invalid JSON Patch operation: ${JSON.stringify(op)}: missing from`);
    if ((op.op === 'add' || op.op === 'replace' || op.op === 'test') && !('value' in op)) {
      throw badRequest(`invalid JSON Patch operation: ${JSON.stringify(op)}: missing value`);
    }
  }
  return body as Operation[];
}

function applyJsonPatch(doc: unknown, body: unknown): unknown {
  const ops = decodeJsonPatch(body);
  for (const [i, op] of ops.entries()) {
    try {
      doc = applyPatch(doc, [op], true, true).newDocument;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'TEST_OPERATION_FAILED') throw notApplicable(`testing value ${op.path} failed: test failed (operation ${i})`);
      throw notApplicable(`${op.op} operation does not apply: doc is missing path: "${op.path}": missing value (operation ${i})`);
    }
  }
  return doc;
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Applies a patch body of the given media type to a copy of `doc`. */
export function applyPatchOfType(contentType: string, doc: unknown, body: unknown): unknown {
  const copy = structuredClone(doc);
  if (contentType === JSON_PATCH) return applyJsonPatch(copy, body);
  if (contentType === MERGE_PATCH) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the merge patch must be a JSON object');
    return mergePatch(copy, body);
  }
  throw unsupportedMediaType(contentType);
}

export const isPatchType = (contentType: string) => contentType === JSON_PATCH || contentType === MERGE_PATCH;
