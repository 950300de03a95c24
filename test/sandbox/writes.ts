// The common path of every write: preconditions, what a subresource may change, validation, dry run.
import type { Backend, ResourceRequest } from './context';
import { API_VERSION, GROUP } from './kinds';
import { nextGeneration } from './store';
import { ApiError, badRequest, conflict, invalid } from './status';

export interface WriteOptions {
  dryRun: boolean;
  /** Warnings for the `Warning` header (unknown fields under fieldValidation=Warn). */
  warnings: string[];
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
}

export function writeOptions(url: URL): WriteOptions {
  const dryRun = url.searchParams.getAll('dryRun');
  if (dryRun.some((v) => v !== 'All')) throw badRequest(`Invalid dryRun value: ${JSON.stringify(dryRun)}; the only supported value is "All"`);
  const fv = url.searchParams.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Strict' && fv !== 'Warn' && fv !== 'Ignore')
    throw badRequest(`fieldValidation must be one of "Ignore", "Warn" or "Strict", got ${JSON.stringify(fv)}`);
  return { dryRun: dryRun.length > 0, warnings: [], fieldValidation: fv };
}

/** The body must be an object of the resource's kind and version. */
export function checkTypeMeta(r: ResourceRequest, body: unknown): asserts body is Record<string, any> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`the body must be a ${r.resource.kind} object`);
  const b = body as Record<string, unknown>;
  if (b.apiVersion !== undefined && b.apiVersion !== API_VERSION)
    throw badRequest(`the API version in the data (${String(b.apiVersion)}) does not match the expected API version (${API_VERSION})`);
  if (b.kind !== undefined && b.kind !== r.resource.kind)
    throw badRequest(`the kind in the data (${String(b.kind)}) does not match the expected kind (${r.resource.kind})`);
  const meta = b.metadata as Record<string, unknown> | undefined;
  if (meta !== undefined && (meta === null || typeof meta !== 'object' || Array.isArray(meta))) throw badRequest('metadata must be an object');
  if (meta?.namespace !== undefined && meta.namespace !== '' && meta.namespace !== r.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

/** Validates (and prunes) `obj`; throws 422 with causes, or 400 for unknown fields under Strict. */
export function validate(b: Backend, r: ResourceRequest, obj: any, opts: WriteOptions): void {
  const { causes, unknownFields } = b.validator.check(r.resource.kind, obj);
  if (unknownFields.length && opts.fieldValidation === 'Strict') {
    throw badRequest(`strict decoding error: ${unknownFields.map((f) => `unknown field "${f}"`).join(', ')}`);
  }
  if (opts.fieldValidation === 'Warn') opts.warnings.push(...unknownFields.map((f) => `unknown field "${f}"`));
  if (causes.length) throw invalid(r.resource.kind, GROUP, obj.metadata?.name ?? r.name ?? '', causes);
}

const withoutVersion = (o: any) => JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });

/**
 * Turns a client's new version of an object into the one to store: the main resource keeps the
 * stored status, the status subresource keeps everything else. Returns the object as stored.
 */
export function commitUpdate(b: Backend, r: ResourceRequest, existing: any, candidate: any, opts: WriteOptions): any {
  const name = existing.metadata.name as string;
  const sentVersion = candidate.metadata?.resourceVersion;
  if (sentVersion !== undefined && sentVersion !== '' && sentVersion !== existing.metadata.resourceVersion) {
    throw conflict(r.resource.plural, GROUP, name);
  }
  const sentUid = candidate.metadata?.uid;
  if (sentUid !== undefined && sentUid !== '' && sentUid !== existing.metadata.uid) {
    throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${sentUid}, UID in object meta: ${existing.metadata.uid}`, {
      name,
      group: GROUP,
      kind: r.resource.plural,
    });
  }
  if (candidate.metadata?.name !== undefined && candidate.metadata.name !== name) {
    throw badRequest(`the name of the object (${String(candidate.metadata.name)}) does not match the name on the URL (${name})`);
  }
  const next: any =
    r.sub === 'status'
      ? { ...structuredClone(existing), status: candidate.status }
      : { ...candidate, apiVersion: API_VERSION, kind: r.resource.kind, status: structuredClone(existing.status) };
  if (next.status === undefined) delete next.status;
  next.metadata = {
    ...(r.sub === 'status' ? existing.metadata : (candidate.metadata ?? {})),
    name,
    namespace: existing.metadata.namespace,
    uid: existing.metadata.uid,
    creationTimestamp: existing.metadata.creationTimestamp,
    generation: existing.metadata.generation,
    resourceVersion: existing.metadata.resourceVersion,
  };
  validate(b, r, next, opts);
  // A write that changes nothing is not stored, as etcd-backed apiservers skip no-op updates.
  if (withoutVersion(next) === withoutVersion(existing)) return next;
  // A dry run answers what would be stored, with the generation the write would get.
  if (opts.dryRun) return { ...next, metadata: { ...next.metadata, generation: nextGeneration(existing, next) } };
  const stored = b.store.update(r.resource.kind, next);
  if (r.resource.kind === 'GameServer') b.controller.gameServerWritten(stored.metadata.namespace, name);
  else b.controller.reconcileSet(stored.metadata.namespace, name);
  return stored;
}
