// Maps a request path and method onto what it addresses and the RBAC verb it needs.
import { API_VERSION, RESOURCES, type ResourceInfo } from './kinds';
import { isOpenApiPath } from './openapi';

export type Route =
  | { type: 'public'; path: string }
  | { type: 'discovery'; path: string }
  | { type: 'openapi'; path: string }
  | { type: 'namespaces'; name?: string }
  | { type: 'resource'; res: ResourceInfo; namespace?: string; name?: string; sub?: 'status' | 'scale' }
  | { type: 'core'; resource: 'pods' | 'events'; namespace?: string; name?: string; sub?: 'log' };

const PUBLIC = new Set(['/version', '/healthz', '/livez', '/readyz']);
const DISCOVERY = new Set(['/api', '/api/v1', '/apis', '/apis/game.kruise.io', `/apis/${API_VERSION}`]);

export function route(path: string): Route | undefined {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (PUBLIC.has(p)) return { type: 'public', path: p };
  if (DISCOVERY.has(p)) return { type: 'discovery', path: p };
  if (isOpenApiPath(p)) return { type: 'openapi', path: p };
  const ns = /^\/api\/v1\/namespaces(?:\/([^/]+))?$/.exec(p);
  if (ns) return { type: 'namespaces', ...(ns[1] ? { name: decodeURIComponent(ns[1]) } : {}) };
  const core = /^\/api\/v1(?:\/namespaces\/([^/]+))?\/(pods|events)(?:\/([^/]+)(?:\/(log))?)?$/.exec(p);
  if (core) return coreRoute(core);
  const prefix = `/apis/${API_VERSION}/`;
  if (!p.startsWith(prefix)) return undefined;
  const parts = p.slice(prefix.length).split('/').map(decodeURIComponent);
  let namespace: string | undefined;
  if (parts[0] === 'namespaces') {
    if (parts.length < 3) return undefined;
    namespace = parts[1];
    parts.splice(0, 2);
  }
  const res = RESOURCES[parts[0]!];
  if (!res || parts.length > 3) return undefined;
  if (namespace === undefined && parts.length > 1) return undefined;
  const sub = parts[2];
  if (sub !== undefined && !(res.subresources as string[]).includes(sub)) return undefined;
  return {
    type: 'resource',
    res,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(parts[1] ? { name: parts[1] } : {}),
    ...(sub ? { sub: sub as 'status' | 'scale' } : {}),
  };
}

/** Pods (with their log) and events: named only within a namespace, the log only of a pod. */
function coreRoute(m: RegExpExecArray): Route | undefined {
  const [, ns, resource, name, sub] = m;
  if ((name !== undefined && ns === undefined) || (sub !== undefined && resource !== 'pods')) return undefined;
  return {
    type: 'core',
    resource: resource as 'pods' | 'events',
    ...(ns !== undefined ? { namespace: decodeURIComponent(ns) } : {}),
    ...(name !== undefined ? { name: decodeURIComponent(name) } : {}),
    ...(sub ? { sub: 'log' as const } : {}),
  };
}

/** The RBAC verb of a request, or undefined when the method is not served there. */
export function verbOf(method: string, r: Route, watch: boolean): string | undefined {
  if (r.type === 'core') return method !== 'GET' ? undefined : r.name !== undefined ? 'get' : watch ? 'watch' : 'list';
  if (r.type !== 'resource') return method === 'GET' ? (r.type === 'namespaces' && !r.name ? 'list' : 'get') : undefined;
  if (r.name === undefined) {
    if (method === 'GET') return watch ? 'watch' : 'list';
    if (method === 'POST') return r.namespace !== undefined ? 'create' : undefined;
    return undefined;
  }
  switch (method) {
    case 'GET':
      return 'get';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return r.sub ? undefined : 'delete';
    default:
      return undefined;
  }
}
