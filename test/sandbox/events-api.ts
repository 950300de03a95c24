// GET of core/v1 events: a list (one namespace or all) with the field selectors kube-apiserver
// supports for events (involvedObject.*, reason, type, source...), one event, a watch (the kept
// events newer than the resourceVersion asked for, then live), and the Table `kubectl get events`
// prints (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE).
import type { ServerResponse } from 'node:http';
import type { EventRecorder } from './events';
import { sendJson } from './http';
import { fieldMatcher, labelMatcher, type FieldTable } from './selectors';
import { badRequest, gone, notFound } from './status';
import { humanDuration, type IncludeObject } from './table';

const EVENT_FIELDS: FieldTable = {
  'metadata.name': (e) => e.metadata.name,
  'metadata.namespace': (e) => e.metadata.namespace,
  'involvedObject.kind': (e) => e.involvedObject.kind,
  'involvedObject.namespace': (e) => e.involvedObject.namespace,
  'involvedObject.name': (e) => e.involvedObject.name,
  'involvedObject.uid': (e) => e.involvedObject.uid,
  'involvedObject.apiVersion': (e) => e.involvedObject.apiVersion,
  'involvedObject.resourceVersion': (e) => e.involvedObject.resourceVersion ?? '',
  'involvedObject.fieldPath': (e) => e.involvedObject.fieldPath ?? '',
  reason: (e) => e.reason,
  reportingComponent: (e) => e.reportingComponent,
  source: (e) => e.source.component,
  type: (e) => e.type,
};

export interface EventRequest {
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  res: ServerResponse;
  table?: IncludeObject;
}

function matcher(q: URLSearchParams, namespace: string | undefined): (e: any) => boolean {
  const byLabel = labelMatcher(q.get('labelSelector'));
  const byField = fieldMatcher(q.get('fieldSelector'), EVENT_FIELDS);
  return (e) => (namespace === undefined || e.metadata.namespace === namespace) && byLabel(e) && byField(e);
}

function column(name: string, description: string, priority = 0) {
  return { name, type: 'string', format: name === 'Name' ? 'name' : '', description, priority };
}

const COLUMNS = [
  column('Last Seen', 'The last time this event was seen'),
  column('Type', 'Type of this event (Normal, Warning)'),
  column('Reason', "The reason for the transition into the object's current status"),
  column('Object', 'The object this event is about'),
  column('Subobject', 'The part of the object this event is about', 1),
  column('Source', 'The component reporting this event', 1),
  column('Message', 'A human-readable description of the status of this operation'),
  column('First Seen', 'The first time this event was seen', 1),
  column('Count', 'The number of times this event has occurred', 1),
  column('Name', 'The name of the event', 1),
];

function eventTable(items: any[], metadata: Record<string, unknown>, include: IncludeObject): unknown {
  const now = Date.now();
  const ago = (t: string) => humanDuration(now - Date.parse(t));
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: COLUMNS,
    rows: items.map((e) => ({
      cells: [
        ago(e.lastTimestamp),
        e.type,
        e.reason,
        `${String(e.involvedObject.kind).toLowerCase()}/${e.involvedObject.name}`,
        e.involvedObject.fieldPath ?? '',
        [e.source.component, e.source.host].filter(Boolean).join(', '),
        e.message,
        ago(e.firstTimestamp),
        e.count,
        e.metadata.name,
      ],
      object: include === 'None' ? undefined : include === 'Object' ? e : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: e.metadata },
    })),
  };
}

export function listEvents(events: EventRecorder, r: EventRequest): void {
  const items = events.list(r.namespace).filter(matcher(r.query, r.namespace));
  const metadata = { resourceVersion: String(events.resourceVersion) };
  sendJson(r.res, 200, r.table ? eventTable(items, metadata, r.table) : { apiVersion: 'v1', kind: 'EventList', metadata, items });
}

export function getEvent(events: EventRecorder, r: EventRequest & { namespace: string; name: string }): void {
  const e = events.list(r.namespace).find((x) => x.metadata.name === r.name);
  if (!e) throw notFound('events', '', r.name);
  sendJson(r.res, 200, r.table ? eventTable([e], {}, r.table) : e);
}

/** A watch of events: those kept after `resourceVersion` (410 when older ones were dropped), or all kept as ADDED, then each new one. */
export function watchEvents(events: EventRecorder, r: EventRequest): void {
  const matches = matcher(r.query, r.namespace);
  const rvParam = r.query.get('resourceVersion') ?? '';
  if (rvParam !== '' && !/^\d+$/.test(rvParam)) throw badRequest(`resourceVersion: Invalid value: ${JSON.stringify(rvParam)}: must be a non-negative integer`);
  const res = r.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  const send = (type: string, object: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    res.write(JSON.stringify({ type, object: r.table && type === 'ADDED' ? eventTable([object], {}, r.table) : object }) + '\n');
  };
  const kept = events.list(r.namespace);
  const since = rvParam === '' || rvParam === '0' ? undefined : Number(rvParam);
  const dropped = events.droppedUpTo(r.namespace);
  if (since !== undefined && since < dropped) {
    send('ERROR', gone(`too old resource version: ${since} (${dropped})`).toStatus());
    res.end();
    return;
  }
  for (const e of kept) if ((since === undefined || Number(e.metadata.resourceVersion) > since) && matches(e)) send('ADDED', e);
  const unsubscribe = events.subscribe((e) => {
    if (matches(e)) send('ADDED', e);
  });
  const timeout = Number(r.query.get('timeoutSeconds'));
  const timer = timeout > 0 ? setTimeout(() => res.end(), timeout * 1000) : undefined;
  res.on('close', () => {
    unsubscribe();
    clearTimeout(timer);
  });
}
