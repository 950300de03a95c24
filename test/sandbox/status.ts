// Kubernetes `Status` objects: every error the sandbox answers is one of these, as a real apiserver's.

export type Reason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'Unauthorized'
  | 'UnsupportedMediaType'
  | 'MethodNotAllowed'
  | 'Gone'
  | 'Expired'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'BadRequest'
  | 'NotAcceptable';

export interface Cause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Cause[];
  retryAfterSeconds?: number;
}

/** An error that leaves the server as a `Status` with this HTTP code. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: Reason,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** What a resource is called in messages: `gameservers.game.kruise.io "x"`. */
export function qualified(plural: string, group: string, name?: string): string {
  const resource = group ? `${plural}.${group}` : plural;
  return name === undefined ? resource : `${resource} "${name}"`;
}

export const notFound = (plural: string, group: string, name: string) =>
  new ApiError(404, 'NotFound', `${qualified(plural, group, name)} not found`, { name, group, kind: plural });

export const alreadyExists = (plural: string, group: string, name: string) =>
  new ApiError(409, 'AlreadyExists', `${qualified(plural, group, name)} already exists`, { name, group, kind: plural });

export const conflict = (plural: string, group: string, name: string) =>
  new ApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(plural, group, name)}: the object has been modified; please apply your changes to the latest version and try again`,
    { name, group, kind: plural },
  );

export const invalid = (kind: string, group: string, name: string, causes: Cause[]) =>
  new ApiError(422, 'Invalid', `${kind}.${group} "${name}" is invalid: ${causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(', ')}`, {
    name,
    group,
    kind,
    causes,
  });

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

export const gone = (message: string) => new ApiError(410, 'Expired', message);

export const unsupportedMediaType = (contentType: string) =>
  new ApiError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got ${contentType || 'none'})`,
  );

export const methodNotAllowed = (method: string) =>
  new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource (${method})`);

export const pageNotFound = () => new ApiError(404, 'NotFound', 'the server could not find the requested resource');

export const unauthorized = () => new ApiError(401, 'Unauthorized', 'Unauthorized');

/** Shaped like a real apiserver's RBAC refusal; kubectl prints it as is. */
export function forbidden(
  user: string,
  verb: string,
  plural: string,
  sub: string | undefined,
  group: string,
  namespace: string | undefined,
  name?: string,
): ApiError {
  const subject = `${qualified(plural, group, name)} is forbidden`;
  const scope = namespace !== undefined ? `in the namespace "${namespace}"` : 'at the cluster scope';
  const resource = sub ? `${plural}/${sub}` : plural;
  return new ApiError(403, 'Forbidden', `${subject}: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`, {
    ...(name ? { name } : {}),
    group,
    kind: plural,
  });
}

export function injected(status: 500 | 503 | 429, retryAfterSeconds?: number): ApiError {
  if (status === 429) {
    return new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', {
      retryAfterSeconds: retryAfterSeconds ?? 1,
    });
  }
  if (status === 503) return new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
  return new ApiError(500, 'InternalError', 'Internal error occurred: injected fault');
}
