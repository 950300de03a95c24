// list, get, create, update (PUT), patch and delete of GameServers and GameServerSets, with their status subresource.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Backend, ResourceRequest } from './context';
import { mediaType, parseJson, readBody, sendJson } from './http';
import { API_VERSION, GROUP } from './kinds';
import { applyPatchOfType, isPatchType } from './patch';
import { fieldMatcher, labelMatcher } from './selectors';
import { alreadyExists, ApiError, badRequest, gone, invalid, notFound, qualified, unsupportedMediaType } from './status';
import { firstAfter } from './ordered-keys';
import { nowTimestamp } from './store';
import { toTable, wantsTable, type IncludeObject } from './table';
import { checkTypeMeta, commitUpdate, validate, writeOptions, type WriteOptions } from './writes';

interface ContinueToken {
  rv: number;
  after: string;
}

const keyOf = (o: any) => `${o.metadata.namespace}/${o.metadata.name}`;

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof t.rv === 'number' && typeof t.after === 'string') return t;
  } catch {
    // falls through to the same answer as a malformed token
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

function includeObject(url: URL): IncludeObject {
  const v = url.searchParams.get('includeObject') ?? 'Metadata';
  if (v !== 'None' && v !== 'Metadata' && v !== 'Object') throw badRequest(`includeObject must be None, Metadata or Object, got ${JSON.stringify(v)}`);
  return v;
}

function respond(r: ResourceRequest, code: number, obj: any, opts?: WriteOptions): void {
  const headers: Record<string, string> = {};
  if (opts?.warnings.length) headers.Warning = opts.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
  const body = wantsTable(r.req.headers.accept) ? toTable(r.resource.kind, [obj], {}, includeObject(r.url)) : obj;
  sendJson(r.res, code, body, headers);
}

/**
 * A page of the objects in key order after the continue token's key: a binary search for where
 * the page starts, then only the page is read (and, with a selector, what is left is counted).
 */
export function list(b: Backend, r: ResourceRequest): void {
  const q = r.url.searchParams;
  const labelSelector = q.get('labelSelector');
  const fieldSelector = q.get('fieldSelector');
  const byLabel = labelMatcher(labelSelector);
  const byField = fieldMatcher(fieldSelector);
  const filtered = Boolean(labelSelector || fieldSelector);
  const limitParam = q.get('limit');
  const limit = limitParam === null ? 0 : Number(limitParam);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit must be a non-negative integer, got ${JSON.stringify(limitParam)}`);
  const cont = q.get('continue');
  const token = cont ? decodeContinue(cont) : undefined;
  if (token && !b.store.canContinueFrom(token.rv)) {
    throw gone('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
  }
  const rv = token?.rv ?? b.store.resourceVersion;
  const kind = r.resource.kind;
  const keys = b.store.keys(kind, r.namespace);
  const page: any[] = [];
  let i = token ? firstAfter(keys, token.after) : 0;
  for (; i < keys.length && (limit === 0 || page.length < limit); i++) {
    const o = b.store.peek(kind, keys[i]!);
    if (!filtered || (byLabel(o) && byField(o))) page.push(o);
  }
  let remaining = keys.length - i;
  if (filtered) {
    remaining = 0;
    for (; i < keys.length; i++) {
      const o = b.store.peek(kind, keys[i]!);
      if (byLabel(o) && byField(o)) remaining++;
    }
  }
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (remaining > 0) {
    metadata.continue = Buffer.from(JSON.stringify({ rv, after: keyOf(page[page.length - 1]) })).toString('base64url');
    metadata.remainingItemCount = remaining;
  }
  if (wantsTable(r.req.headers.accept)) {
    sendJson(r.res, 200, toTable(kind, page, metadata, includeObject(r.url)));
    return;
  }
  sendJson(r.res, 200, { apiVersion: API_VERSION, kind: r.resource.listKind, metadata, items: page });
}

function existing(b: Backend, r: ResourceRequest): any {
  const o = b.store.get(r.resource.kind, r.namespace!, r.name!);
  if (!o) throw notFound(r.resource.plural, GROUP, r.name!);
  return o;
}

export function get(b: Backend, r: ResourceRequest): void {
  respond(r, 200, existing(b, r));
}

export async function create(b: Backend, r: ResourceRequest): Promise<void> {
  b.namespaces.require(r.namespace!);
  const opts = writeOptions(r.url);
  const body = parseJson(await readBody(r.req));
  checkTypeMeta(r, body);
  const meta = { ...(body.metadata ?? {}) };
  let name = typeof meta.name === 'string' ? meta.name : '';
  if (!name && typeof meta.generateName === 'string' && meta.generateName) name = meta.generateName + randomBytes(3).toString('hex').slice(0, 5);
  if (!name)
    throw invalid(r.resource.kind, GROUP, '', [
      { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
    ]);
  // Server-owned fields are the server's; a status subresource means status is ignored on create.
  for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'deletionTimestamp']) delete meta[k];
  const obj: any = { ...body, apiVersion: API_VERSION, kind: r.resource.kind, metadata: { ...meta, name, namespace: r.namespace } };
  delete obj.status;
  validate(b, r, obj, opts);
  if (b.store.get(r.resource.kind, r.namespace!, name)) throw alreadyExists(r.resource.plural, GROUP, name);
  if (opts.dryRun) {
    respond(r, 201, { ...obj, metadata: { ...obj.metadata, uid: randomUUID(), creationTimestamp: nowTimestamp(), generation: 1 } }, opts);
    return;
  }
  const stored = b.store.create(r.resource.kind, obj);
  if (r.resource.kind === 'GameServer') b.controller.gameServerWritten(r.namespace!, name);
  else b.controller.reconcileSet(r.namespace!, name);
  respond(r, 201, stored, opts);
}

export async function update(b: Backend, r: ResourceRequest): Promise<void> {
  const opts = writeOptions(r.url);
  const body = parseJson(await readBody(r.req));
  checkTypeMeta(r, body);
  const rv = body.metadata?.resourceVersion;
  if (rv === undefined || rv === '') {
    throw invalid(r.resource.kind, GROUP, r.name!, [
      { reason: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update', field: 'metadata.resourceVersion' },
    ]);
  }
  respond(r, 200, commitUpdate(b, r, existing(b, r), body, opts), opts);
}

export async function patch(b: Backend, r: ResourceRequest): Promise<void> {
  const type = mediaType(r.req.headers['content-type']);
  if (!isPatchType(type)) throw unsupportedMediaType(type);
  const opts = writeOptions(r.url);
  const text = await readBody(r.req);
  const body = parseJson(text);
  const current = existing(b, r);
  const patched = applyPatchOfType(type, current, body, text) as any;
  checkTypeMeta(r, patched);
  respond(r, 200, commitUpdate(b, r, current, patched, opts), opts);
}

export async function remove(b: Backend, r: ResourceRequest): Promise<void> {
  const opts = writeOptions(r.url);
  const text = await readBody(r.req);
  const options = text.trim() ? (parseJson(text) as any) : {};
  const current = existing(b, r);
  // Worded as kube-apiserver's storage preconditions; clients tell a recreated object by it.
  const pre = options?.preconditions ?? {};
  const failed =
    pre.uid && pre.uid !== current.metadata.uid
      ? `UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`
      : pre.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion
        ? `ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`
        : undefined;
  if (failed) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(r.resource.plural, GROUP, r.name)}: Precondition failed: ${failed}`, {
      name: r.name!,
      group: GROUP,
      kind: r.resource.plural,
    });
  }
  if (!opts.dryRun) {
    const deleted = b.store.delete(r.resource.kind, r.namespace!, r.name!);
    if (r.resource.kind === 'GameServer') b.controller.gameServerDeleted(deleted);
    else b.controller.setDeleted(deleted);
  }
  sendJson(r.res, 200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { name: r.name, group: GROUP, kind: r.resource.plural, uid: current.metadata.uid },
  });
}
