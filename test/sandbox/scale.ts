// The `scale` subresource of GameServerSets: autoscaling/v1 Scale over spec.replicas.
import type { Backend, ResourceRequest } from './context';
import { mediaType, parseJson, readBody, sendJson } from './http';
import { GROUP } from './kinds';
import { applyPatchOfType, isPatchType } from './patch';
import { ApiError, badRequest, conflict, notFound, unsupportedMediaType } from './status';
import { writeOptions } from './writes';

function toScale(set: any): any {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = set.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: set.spec?.replicas ?? 0 },
    status: { replicas: set.status?.replicas ?? 0, ...(set.status?.labelSelector ? { selector: set.status.labelSelector } : {}) },
  };
}

function current(b: Backend, r: ResourceRequest): any {
  const set = b.store.get('GameServerSet', r.namespace!, r.name!);
  if (!set) throw notFound(r.resource.plural, GROUP, r.name!);
  return set;
}

export function getScale(b: Backend, r: ResourceRequest): void {
  sendJson(r.res, 200, toScale(current(b, r)));
}

/** PUT or PATCH of the Scale: only spec.replicas reaches the set. */
export async function writeScale(b: Backend, r: ResourceRequest): Promise<void> {
  const opts = writeOptions(r.url);
  const set = current(b, r);
  const body = parseJson(await readBody(r.req));
  let scale: any;
  if (r.req.method === 'PATCH') {
    const type = mediaType(r.req.headers['content-type']);
    if (!isPatchType(type)) throw unsupportedMediaType(type);
    scale = applyPatchOfType(type, toScale(set), body);
  } else scale = body;
  if (scale === null || typeof scale !== 'object' || Array.isArray(scale)) throw badRequest('the body must be an autoscaling/v1 Scale');
  const rv = scale.metadata?.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== set.metadata.resourceVersion) throw conflict(r.resource.plural, GROUP, r.name!);
  const replicas = scale.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > 2147483647) {
    const message = `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`;
    throw new ApiError(422, 'Invalid', `Scale.autoscaling "${r.name}" is invalid: spec.replicas: ${message}`, {
      name: r.name!,
      group: 'autoscaling',
      kind: 'Scale',
      causes: [{ reason: 'FieldValueInvalid', message, field: 'spec.replicas' }],
    });
  }
  if (opts.dryRun || replicas === set.spec.replicas) {
    sendJson(r.res, 200, toScale({ ...set, spec: { ...set.spec, replicas } }));
    return;
  }
  const stored = b.store.update('GameServerSet', { ...set, spec: { ...set.spec, replicas } });
  b.controller.reconcileSet(r.namespace!, r.name!);
  sendJson(r.res, 200, toScale(stored));
}
