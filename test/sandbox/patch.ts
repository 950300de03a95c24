// The two patch types a custom resource accepts: RFC 6902 JSON Patch, applied exactly as
// kube-apiserver applies it (by the engine's implementation, so the two cannot drift apart), and
// RFC 7386 merge patch.
import { applyPatch, PatchApplyError, type PatchOp } from '../../server/src/engine';
import { applyPatchText } from '../../server/src/engine/internal';
import { ApiError, badRequest, unsupportedMediaType } from './status';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';

/** The 422 a real apiserver answers when a JSON Patch does not apply (a failed `test` among others). */
function notApplicable(message: string): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message }],
  });
}

/** With the body's text a `test` compares values as written in it, as the API server does; without, as re-encoded. */
function applyJsonPatch(doc: unknown, body: unknown, text: string | undefined): unknown {
  try {
    return text === undefined ? applyPatch(doc, body as PatchOp[]) : applyPatchText(doc, text);
  } catch (e) {
    if (!(e instanceof PatchApplyError)) throw e;
    const { status, message } = e.apiServer;
    if (status === 400) throw badRequest(message);
    if (status === 500) throw new ApiError(500, 'InternalError', message);
    throw notApplicable(message);
  }
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

/** Applies a patch body of the given media type (parsed, and as `text` when the caller has it) to a copy of `doc`. */
export function applyPatchOfType(contentType: string, doc: unknown, body: unknown, text?: string): unknown {
  if (contentType === JSON_PATCH) return applyJsonPatch(doc, body, text);
  if (contentType === MERGE_PATCH) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the merge patch must be a JSON object');
    return mergePatch(structuredClone(doc), body);
  }
  throw unsupportedMediaType(contentType);
}

export const isPatchType = (contentType: string) => contentType === JSON_PATCH || contentType === MERGE_PATCH;
