// GET /api/v1/namespaces/{ns}/pods/{name}/log: a container's log as plain text, with the query
// parameters and the refusals of a real API server (container, previous, tailLines, timestamps,
// follow). A followed log streams a line a second and a line for each state or opsState change of
// the GameServer, until the client goes away or the pod is deleted.
import type { ServerResponse } from 'node:http';
import { containerNames } from './pods';
import { formatLine, history, tickLine, type ContainerRun, type LogLine } from './logs';
import { ApiError, badRequest, notFound } from './status';
import { keyOf, type Store, type StoredEvent } from './store';

type Follower = (ev: StoredEvent) => void;

/** The followed logs by GameServer key, so a change reaches only its own followers (a map look-up per change). */
export class LogFollowers {
  private readonly byKey = new Map<string, Set<Follower>>();

  constructor(store: Store) {
    store.subscribe((ev) => {
      if (ev.kind !== 'GameServer' || this.byKey.size === 0) return;
      const followers = this.byKey.get(keyOf(ev.object.metadata.namespace, ev.object.metadata.name));
      if (followers) for (const f of followers) f(ev);
    });
  }

  add(key: string, f: Follower): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(f);
    return () => {
      set.delete(f);
      if (set.size === 0) this.byKey.delete(key);
    };
  }
}

export interface LogRequest {
  namespace: string;
  name: string;
  query: URLSearchParams;
  res: ServerResponse;
}

const isTrue = (v: string | null) => v === 'true' || v === '1';

function nonNegative(q: URLSearchParams, param: string): number | undefined {
  const v = q.get(param);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw badRequest(`${param}: Invalid value: ${JSON.stringify(v)}: must be an integer`);
  if (n < 0) throw new ApiError(422, 'Invalid', `PodLogOptions "${param}" is invalid: ${param}: Invalid value: ${n}: must be greater than or equal to 0`);
  return n;
}

/** The container the request names, or the only one; refused as the API server refuses it. */
function pickContainer(names: string[], asked: string | null, pod: string): string {
  if (asked) {
    if (!names.includes(asked)) throw badRequest(`container ${asked} is not valid for pod ${pod}`);
    return asked;
  }
  if (names.length === 1) return names[0]!;
  throw badRequest(`a container name must be specified for pod ${pod}, choose one of: [${names.join(' ')}]`);
}

/** The run of `container` that a request reads: the current one, or with `previous` the one an update restarted. */
function runOf(gs: any, container: string, index: number, previous: boolean): ContainerRun {
  const pod = gs.metadata.name;
  const status = (gs.status?.podStatus?.containerStatuses ?? []).find((c: any) => c?.name === container) ?? {};
  const waiting = status.state?.waiting?.reason;
  const created = Date.parse(gs.metadata.creationTimestamp);
  const started = Date.parse(status.state?.running?.startedAt ?? '') || created;
  const base = { pod, container, game: index === 0, image: String(status.image ?? '') };
  if (previous) {
    if (!(Number(status.restartCount) > 0)) throw badRequest(`previous terminated container "${container}" in pod "${pod}" not found`);
    return { ...base, startedAt: created, endedAt: started };
  }
  if (typeof waiting === 'string') throw badRequest(`container "${container}" in pod "${pod}" is waiting to start: ${waiting}`);
  return { ...base, startedAt: started };
}

/** The line a change of the GameServer writes into its game container's log, if any. */
function changeLine(ev: StoredEvent): string | undefined {
  const was = ev.previous?.status?.currentState;
  const is = ev.object.status?.currentState;
  if (was !== is) return `level=info msg="state changed" from=${was} to=${is}`;
  const opsWas = ev.previous?.spec?.opsState;
  const opsIs = ev.object.spec?.opsState;
  if (opsWas !== opsIs) return `level=info msg="opsState changed" from=${opsWas} to=${opsIs}`;
  return undefined;
}

export function serveLog(store: Store, followers: LogFollowers, r: LogRequest): void {
  const key = keyOf(r.namespace, r.name);
  const gs = store.peek('GameServer', key);
  if (!gs) throw notFound('pods', '', r.name);
  const q = r.query;
  const names = containerNames(store, gs);
  const container = pickContainer(names, q.get('container'), r.name);
  const tail = nonNegative(q, 'tailLines');
  const timestamps = isTrue(q.get('timestamps'));
  const previous = isTrue(q.get('previous'));
  const run = runOf(gs, container, names.indexOf(container), previous);
  const follow = isTrue(q.get('follow')) && !previous;
  const res = r.res;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache' });
  const now = Date.now();
  const text = history(run, now, tail)
    .map((l) => formatLine(l, timestamps))
    .join('');
  if (!follow) {
    res.end(text);
    return;
  }
  if (text) res.write(text);
  else res.flushHeaders();
  const write = (line: LogLine) => {
    if (!res.writableEnded && !res.destroyed) res.write(formatLine(line, timestamps));
  };
  let lastSecond = Math.floor(now / 1000);
  const ticker = setInterval(() => {
    const second = Math.floor(Date.now() / 1000);
    // Each whole second once, even when a busy event loop runs this late.
    for (let s = Math.max(lastSecond + 1, second - 5); s <= second; s++) write({ at: s * 1000, text: tickLine(run, s) });
    lastSecond = second;
  }, 250);
  const uid = gs.metadata.uid;
  const unfollow = followers.add(key, (ev) => {
    if (ev.type === 'DELETED' || ev.object.metadata.uid !== uid) {
      write({ at: Date.now(), text: 'level=info msg="received SIGTERM, shutting down" reason="pod deleted"' });
      res.end();
      return;
    }
    const line = run.game ? changeLine(ev) : undefined;
    if (line) write({ at: Date.now(), text: line });
  });
  res.on('close', () => {
    clearInterval(ticker);
    unfollow();
  });
}
