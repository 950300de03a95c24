// Turns what client-node throws into errors a user can act on: which context, which verb,
// which resource and namespace, which address, and which object. Every message leaves here with
// credentials removed (redact.ts), whatever text it was built from.
import { ApiException } from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { redactText } from './redact';
import { RESOURCES, type ResourceKind } from './resources';

export type ClusterErrorCode =
  | 'kubeconfig'
  | 'unauthorized'
  | 'forbidden'
  | 'not-installed'
  | 'not-found'
  | 'unreachable'
  | 'tls'
  | 'conflict'
  | 'invalid'
  | 'throttled'
  | 'server-error'
  | 'timeout'
  | 'cancelled'
  | 'bad-request'
  | 'credentials'
  | 'invalid-name'
  | 'unknown';

export interface ClusterError {
  code: ClusterErrorCode;
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The Kubernetes `Status.reason` (`Forbidden`, `Conflict`, ...), when the server sent one. */
  reason?: string;
  /** The server's own message, kept apart so checks never match our wording or object names. */
  detail?: string;
  /** From a 429's Retry-After header. */
  retryAfterMs?: number;
  /** The `Status` the server answered with, as sent (its messages redacted); absent when the answer had none. */
  serverStatus?: KubeStatus;
}

/** A Kubernetes `Status` (meta/v1), the body of an API server's error answers. */
export interface KubeStatus {
  kind?: string;
  apiVersion?: string;
  metadata?: Record<string, unknown>;
  status?: string;
  message?: string;
  reason?: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: { reason?: string; message?: string; field?: string }[];
    retryAfterSeconds?: number;
  };
  code?: number;
}

/**
 * Getting the credentials failed before any request was sent (a credential plugin, a token file).
 * The message is complete and holds no secret; toClusterError only adds the context.
 */
export class CredentialError extends Error {}

export type Verb = 'list' | 'watch' | 'get' | 'patch' | 'delete';

export interface ErrorContext {
  context?: string;
  server?: string;
  verb?: Verb;
  kind?: ResourceKind;
  namespace?: string;
  /** Set for per-object requests; the message then starts with `namespace/name`. */
  name?: string;
}

interface StatusBody {
  message?: string;
  reason?: string;
  details?: { name?: string; causes?: { message?: string }[] };
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** Functions, so the words are in the locale chosen when the error happens, not when this loads. */
const NETWORK_CODES: Record<string, () => string> = {
  ECONNREFUSED: () => l10n.t('connection refused'),
  ECONNRESET: () => l10n.t('connection reset'),
  ENOTFOUND: () => l10n.t('host not found'),
  EAI_AGAIN: () => l10n.t('name lookup failed'),
  EHOSTUNREACH: () => l10n.t('host unreachable'),
  ENETUNREACH: () => l10n.t('network unreachable'),
  ETIMEDOUT: () => l10n.t('connection timed out'),
  EPIPE: () => l10n.t('connection closed'),
  ERR_STREAM_PREMATURE_CLOSE: () => l10n.t('connection closed early'),
};

function parseStatus(body: unknown): StatusBody | undefined {
  if (typeof body === 'object' && body !== null) return body as StatusBody;
  if (typeof body !== 'string') return undefined;
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null ? (v as StatusBody) : undefined;
  } catch {
    return undefined;
  }
}

function retryAfterMs(headers: unknown): number | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const raw = (headers as Record<string, unknown>)['retry-after'];
  if (typeof raw !== 'string') return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function prefix(ctx: ErrorContext): string {
  return ctx.name === undefined ? '' : `${ctx.namespace ?? ''}/${ctx.name}: `;
}

function inContext(ctx: ErrorContext): string {
  return ctx.context === undefined ? '' : l10n.t(' (context "{0}")', ctx.context);
}

function at(server: string | undefined): string {
  return server ? l10n.t(' at {0}', server) : '';
}

function where(ctx: ErrorContext): string {
  return ctx.namespace === undefined ? l10n.t('in all namespaces') : l10n.t('in namespace "{0}"', ctx.namespace);
}

/** The body as a `Status`, when it is one (an error body can be anything a proxy sent), with its messages redacted. */
function keptStatus(body: StatusBody | undefined): KubeStatus | undefined {
  const b = body as Record<string, unknown> | undefined;
  if (!b || Array.isArray(b) || (b.kind !== 'Status' && typeof b.status !== 'string')) return undefined;
  const s = structuredClone(b) as KubeStatus;
  if (typeof s.message === 'string') s.message = redactText(s.message);
  for (const c of Array.isArray(s.details?.causes) ? s.details.causes : []) {
    if (typeof c?.message === 'string') c.message = redactText(c.message);
  }
  return s;
}

function fromStatus(status: number, body: StatusBody | undefined, headers: unknown, ctx: ErrorContext): ClusterError {
  const p = prefix(ctx);
  // A 422's specifics (which op failed, which field is invalid) are in details.causes.
  const causes = (body?.details?.causes ?? []).map((c) => c.message).filter((m): m is string => typeof m === 'string');
  const said = [body?.message, ...causes].filter((m) => m).join('; ');
  const serverSays = said ? `: ${said}` : '';
  const kept = keptStatus(body);
  const base = { status, reason: body?.reason, detail: said || undefined, ...(kept ? { serverStatus: kept } : {}) };
  switch (status) {
    case 401:
      return {
        ...base,
        code: 'unauthorized',
        reason: base.reason ?? 'Unauthorized',
        message:
          p +
          l10n.t(
            'the cluster rejected the credentials{0}: they are invalid or expired (401 Unauthorized). Log in again or refresh the token for this context.',
            inContext(ctx),
          ),
      };
    case 403:
      return {
        ...base,
        code: 'forbidden',
        reason: base.reason ?? 'Forbidden',
        message:
          p +
          l10n.t(
            'forbidden{0}: you may not {1} {2} {3} (403). Ask for that RBAC permission or use another context.',
            inContext(ctx),
            ctx.verb ?? l10n.t('access'),
            ctx.kind ? RESOURCES[ctx.kind].qualified : l10n.t('this resource'),
            where(ctx),
          ),
      };
    case 404: {
      // A missing object names itself in Status.details; a missing resource type does not.
      const objectMissing = ctx.name !== undefined && body?.details?.name === ctx.name;
      if (objectMissing) {
        return {
          ...base,
          code: 'not-found',
          reason: base.reason ?? 'NotFound',
          message: p + l10n.t('not found: it was deleted or renamed since it was read (404)'),
        };
      }
      const what = ctx.kind ? RESOURCES[ctx.kind].qualified : RESOURCES.GameServer.qualified;
      return {
        ...base,
        code: 'not-installed',
        reason: base.reason ?? 'NotFound',
        message: p + l10n.t('OKG is not installed in this cluster (no {0}){1}{2}.', what, inContext(ctx), at(ctx.server)),
      };
    }
    case 409:
      return { ...base, code: 'conflict', reason: base.reason ?? 'Conflict', message: p + l10n.t('conflict (409){0}', serverSays) };
    case 422:
      return { ...base, code: 'invalid', reason: base.reason ?? 'Invalid', message: p + l10n.t('rejected as invalid (422){0}', serverSays) };
    case 429:
      return {
        ...base,
        code: 'throttled',
        reason: base.reason ?? 'TooManyRequests',
        message: p + l10n.t('the API server is throttling requests (429){0}', serverSays),
        retryAfterMs: retryAfterMs(headers),
      };
    case 400:
    case 415:
      return { ...base, code: 'bad-request', message: p + l10n.t('the server refused the request ({0}){1}', status, serverSays) };
    default:
      if (status >= 500) {
        return { ...base, code: 'server-error', message: p + l10n.t('the API server failed ({0}){1}', status, serverSays) };
      }
      return { ...base, code: 'unknown', message: p + l10n.t('unexpected answer from the API server ({0}){1}', status, serverSays) };
  }
}

function networkReason(err: { message?: unknown }): string {
  const m = typeof err.message === 'string' ? err.message : '';
  const i = m.indexOf('reason: ');
  return i >= 0 ? m.slice(i + 'reason: '.length) : m;
}

export function toClusterError(err: unknown, ctx: ErrorContext): ClusterError {
  const e = describe(err, ctx);
  return e.detail === undefined ? { ...e, message: redactText(e.message) } : { ...e, message: redactText(e.message), detail: redactText(e.detail) };
}

function describe(err: unknown, ctx: ErrorContext): ClusterError {
  const p = prefix(ctx);
  if (err instanceof CredentialError) {
    return { code: 'credentials', message: p + l10n.t('cannot get credentials{0}: {1}', inContext(ctx), err.message) };
  }
  if (err instanceof ApiException) {
    return fromStatus(err.code, parseStatus(err.body), err.headers, ctx);
  }
  if (typeof err !== 'object' || err === null) {
    return { code: 'unknown', message: `${p}${String(err)}` };
  }
  const e = err as { name?: unknown; code?: unknown; statusCode?: unknown; message?: unknown; cause?: unknown };
  // A watch that gets a non-200 answer ends with an Error carrying `statusCode`.
  if (typeof e.statusCode === 'number') return fromStatus(e.statusCode, undefined, undefined, ctx);
  if (e.name === 'AbortError' || e.name === 'TimeoutError') {
    return { code: 'timeout', message: p + l10n.t('the API server{0} did not answer in time{1}', at(ctx.server), inContext(ctx)) };
  }
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined && TLS_CODES.has(code)) {
    return {
      code: 'tls',
      message:
        p +
        l10n.t(
          "TLS failure talking to {0}{1}: {2}. Check the cluster's certificate-authority in the kubeconfig.",
          ctx.server ?? l10n.t('the API server'),
          inContext(ctx),
          networkReason(e),
        ),
    };
  }
  // OpenSSL refusing the kubeconfig's own certificate or key data (kubeconfig-checks.ts checks it first).
  if (code !== undefined && code.startsWith('ERR_OSSL_')) {
    return {
      code: 'tls',
      message:
        p +
        l10n.t(
          'the TLS data of the kubeconfig{0} is not valid PEM ({1}). Check certificate-authority, client-certificate and client-key.',
          inContext(ctx),
          code,
        ),
    };
  }
  if (code !== undefined && code in NETWORK_CODES) {
    return {
      code: 'unreachable',
      message: p + l10n.t('cannot reach the Kubernetes API server at {0}{1}: {2}.', ctx.server ?? l10n.t('its address'), inContext(ctx), NETWORK_CODES[code]()),
    };
  }
  const msg = typeof e.message === 'string' ? e.message : String(err);
  return { code: 'unknown', message: `${p}${msg}` };
}

/** Worth trying again: throttling, server failures, timeouts, dropped connections, conflicts. */
export function isRetryable(e: ClusterError): boolean {
  if (e.code === 'throttled' || e.code === 'server-error' || e.code === 'timeout' || e.code === 'unreachable') return true;
  return e.code === 'conflict' && !isPreconditionFailure(e) && !isUidPreconditionFailure(e);
}

/**
 * Our `test` of `/metadata/resourceVersion` failed: the object changed since it was read.
 * kube-apiserver answers a failed JSON Patch test with 422 and "testing value <path> failed"
 * (some servers with 409); a failed `test` of the user's own is a different failure.
 */
export function isPreconditionFailure(e: ClusterError): boolean {
  const d = e.detail ?? '';
  return (e.status === 422 || e.status === 409) && /\btest/i.test(d) && d.includes('/metadata/resourceVersion');
}

/**
 * A delete's `preconditions.uid` failed: the object under the name is not the one that was read
 * (it was deleted and recreated). kube-apiserver answers 409 with "Precondition failed: UID in
 * precondition: <ours>, UID in object meta: <theirs>".
 */
export function isUidPreconditionFailure(e: ClusterError): boolean {
  return e.status === 409 && (e.detail ?? '').includes('UID in precondition');
}
