// The core/v1 part of the sandbox: pods (derived from GameServers), their logs, and events.
// Everyone may read them (the viewer too); nothing here is written by clients.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from './context';
import { getEvent, listEvents, watchEvents } from './events-api';
import { serveLog } from './logs-api';
import { getPod, listPods } from './pods-api';
import type { Route } from './routes';
import { badRequest } from './status';
import { wantsTable, type IncludeObject } from './table';

function includeObject(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject') ?? 'Metadata';
  if (v !== 'None' && v !== 'Metadata' && v !== 'Object') throw badRequest(`includeObject must be None, Metadata or Object, got ${JSON.stringify(v)}`);
  return v;
}

export function serveCore(b: Backend, r: Extract<Route, { type: 'core' }>, req: IncomingMessage, res: ServerResponse, url: URL, verb: string): void {
  const query = url.searchParams;
  const table = wantsTable(req.headers.accept) ? includeObject(query) : undefined;
  const base = { query, res, ...(table ? { table } : {}), ...(r.namespace !== undefined ? { namespace: r.namespace } : {}) };
  if (r.resource === 'pods') {
    if (r.sub === 'log') serveLog(b.store, b.logFollowers, { namespace: r.namespace!, name: r.name!, query, res });
    else if (verb === 'get') getPod(b.store, { ...base, namespace: r.namespace!, name: r.name! });
    else if (verb === 'list') listPods(b.store, base);
    else throw badRequest('watching pods is not served by the sandbox');
    return;
  }
  if (verb === 'get') getEvent(b.events, { ...base, namespace: r.namespace!, name: r.name! });
  else if (verb === 'watch') watchEvents(b.events, base);
  else listEvents(b.events, base);
}
