// Watches: NDJSON events from a resourceVersion (replayed from the history) and then live,
// bookmarks on request, 410 for a version older than the history, cut on demand.
import type { ServerResponse } from 'node:http';
import type { Backend, ResourceRequest } from './context';
import { API_VERSION } from './kinds';
import { fieldMatcher, labelMatcher } from './selectors';
import { badRequest, gone } from './status';
import type { EventType, StoredEvent } from './store';
import { toTable, wantsTable, type IncludeObject } from './table';

export class WatchHub {
  private readonly open = new Set<ServerResponse>();
  /** Watches that were open while the API was a black hole: nothing reaches them any more. */
  private readonly silenced = new WeakSet<ServerResponse>();

  constructor(readonly bookmarkIntervalMs: number) {}

  add(res: ServerResponse): void {
    this.open.add(res);
    res.on('close', () => this.open.delete(res));
  }

  /** Cuts every open watch: the connection dies without a clean end, as when a proxy drops it. */
  dropAll(): void {
    for (const res of this.open) res.destroy();
    this.open.clear();
  }

  /** Every open watch goes quiet for good, as over a dead socket: no event, bookmark or end reaches it. */
  silenceAll(): void {
    for (const res of this.open) this.silenced.add(res);
  }

  isSilenced(res: ServerResponse): boolean {
    return this.silenced.has(res);
  }

  get count(): number {
    return this.open.size;
  }
}

/**
 * The latest event's line as every plain watcher sends it: the store hands each event to all
 * watchers in one go, so serializing it once for the first and keeping only the latest shares
 * it without holding a line for every event in the history.
 */
let latest: { ev: StoredEvent; line: Buffer } | undefined;

function lineOf(ev: StoredEvent): Buffer {
  if (latest?.ev !== ev) latest = { ev, line: Buffer.from(JSON.stringify({ type: ev.type, object: ev.object }) + '\n') };
  return latest.line;
}

export function watch(b: Backend, r: ResourceRequest): void {
  const q = r.url.searchParams;
  const byLabel = labelMatcher(q.get('labelSelector'));
  const byField = fieldMatcher(q.get('fieldSelector'));
  const matches = (o: any) => (r.namespace === undefined || o.metadata.namespace === r.namespace) && byLabel(o) && byField(o);
  const rvParam = q.get('resourceVersion') ?? '';
  if (rvParam !== '' && !/^\d+$/.test(rvParam)) throw badRequest(`resourceVersion: Invalid value: ${JSON.stringify(rvParam)}: must be a non-negative integer`);
  const bookmarks = q.get('allowWatchBookmarks') === 'true';
  const timeoutParam = q.get('timeoutSeconds');
  const timeoutMs = timeoutParam !== null && Number(timeoutParam) > 0 ? Number(timeoutParam) * 1000 : 0;
  const table = wantsTable(r.req.headers.accept);
  const include = (q.get('includeObject') ?? 'Metadata') as IncludeObject;
  const kind = r.resource.kind;

  const res = r.res;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  const closed = () => res.writableEnded || res.destroyed || b.watches.isSilenced(res);
  const send = (type: EventType | 'BOOKMARK' | 'ERROR', object: unknown) => {
    if (closed()) return;
    const shown = table && type !== 'BOOKMARK' && type !== 'ERROR' ? toTable(kind, [object], {}, include) : object;
    res.write(JSON.stringify({ type, object: shown }) + '\n');
  };
  /** A stored event as it is: the shared line, unless this watch shows Tables. */
  const sendEvent = (ev: StoredEvent) => {
    if (table) send(ev.type, ev.object);
    else if (!closed()) res.write(lineOf(ev));
  };
  let lastRv = b.store.resourceVersion;
  const bookmark = () => {
    send('BOOKMARK', { kind, apiVersion: API_VERSION, metadata: { resourceVersion: String(lastRv) } });
  };

  const start = rvParam === '' || rvParam === '0' ? undefined : Number(rvParam);
  if (start !== undefined && !b.store.hasHistorySince(start)) {
    const err = gone(`too old resource version: ${start} (${b.store.oldestResourceVersion})`);
    send('ERROR', err.toStatus());
    res.end();
    return;
  }

  const deliver = (ev: StoredEvent) => {
    lastRv = ev.rv;
    if (ev.kind !== kind) return;
    const now = matches(ev.object);
    const before = ev.type === 'MODIFIED' && ev.previous ? matches(ev.previous) : now;
    if (ev.type === 'MODIFIED' && before !== now) send(now ? 'ADDED' : 'DELETED', ev.object);
    else if (now) sendEvent(ev);
  };

  if (start === undefined) {
    // No version: the current state first, as synthetic ADDED events.
    for (const o of b.store.view(kind, r.namespace)) if (matches(o)) send('ADDED', o);
    if (bookmarks && q.get('sendInitialEvents') === 'true') {
      send('BOOKMARK', { kind, apiVersion: API_VERSION, metadata: { resourceVersion: String(lastRv), annotations: { 'k8s.io/initial-events-end': 'true' } } });
    }
  } else {
    for (const ev of b.store.eventsSince(start)) deliver(ev);
  }
  const unsubscribe = b.store.subscribe(deliver);
  b.watches.add(res);

  const timers: NodeJS.Timeout[] = [];
  if (bookmarks) timers.push(setInterval(bookmark, b.watches.bookmarkIntervalMs));
  if (timeoutMs) {
    timers.push(
      setTimeout(() => {
        // A watch that times out tells the client how far it got, so it can resume without a list.
        if (bookmarks) bookmark();
        if (!closed()) res.end();
      }, timeoutMs),
    );
  }
  const dropAfter = b.faults.dropWatchesAfterMs;
  if (dropAfter !== undefined) timers.push(setTimeout(() => !b.watches.isSilenced(res) && res.destroy(), dropAfter));
  res.on('close', () => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
  });
}
