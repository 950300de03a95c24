// The events of a GameServer and of its pod (same name and namespace): two field-selector lists,
// merged and sorted by when each last happened, read defensively (an event is whatever the
// server sent).
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterFailure } from './api';
import { getCoreJson } from './core-request';
import type { ErrorContext } from './errors';
import { nameProblem, namespaceProblem } from './names';
import type { PodRef } from './pod-logs';

export interface EventRow {
  type: string;
  reason: string;
  /** `GameServer/name` or `Pod/name`, with the container when the event names one. */
  object: string;
  message: string;
  count: number;
  /** Epoch ms of the last occurrence; NaN when the event gives none. */
  last: number;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A core/v1 Event as the server sent it: every field may be missing or of another type. */
interface LooseEvent {
  type?: unknown;
  reason?: unknown;
  message?: unknown;
  count?: unknown;
  involvedObject?: { kind?: unknown; name?: unknown; fieldPath?: unknown };
  series?: { count?: unknown; lastObservedTime?: unknown };
  lastTimestamp?: unknown;
  eventTime?: unknown;
  firstTimestamp?: unknown;
  metadata?: { creationTimestamp?: unknown };
}

/** When an event last happened: lastTimestamp, else the newer API's eventTime or series, else its creation. */
function lastSeen(e: LooseEvent): number {
  for (const t of [e.lastTimestamp, e.series?.lastObservedTime, e.eventTime, e.firstTimestamp, e.metadata?.creationTimestamp]) {
    const ms = typeof t === 'string' ? Date.parse(t) : NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  return NaN;
}

function row(e: LooseEvent): EventRow {
  const involved = e.involvedObject ?? {};
  const part = /^spec\.containers\{(.+)\}$/.exec(text(involved.fieldPath))?.[1];
  const count = Number(e.series?.count ?? e.count);
  return {
    type: text(e.type) || 'Normal',
    reason: text(e.reason),
    object: `${text(involved.kind)}/${text(involved.name)}${part ? ` (${part})` : ''}`,
    message: text(e.message).replace(/\s*\n\s*/g, ' '),
    count: Number.isFinite(count) && count > 0 ? count : 1,
    last: lastSeen(e),
  };
}

async function eventsOf(kc: KubeConfig, pod: PodRef, kind: 'GameServer' | 'Pod', signal?: AbortSignal): Promise<EventRow[]> {
  const ectx: ErrorContext = {
    context: kc.getCurrentContext(),
    server: kc.getCurrentCluster()?.server,
    verb: 'list',
    namespace: pod.namespace,
    name: pod.name,
  };
  const fieldSelector = `involvedObject.kind=${kind},involvedObject.name=${pod.name}`;
  const body = (await getCoreJson(kc, `/api/v1/namespaces/${pod.namespace}/events`, { fieldSelector }, ectx, signal)) as { items?: unknown };
  const items = Array.isArray(body?.items) ? body.items : [];
  return items.filter((e): e is LooseEvent => typeof e === 'object' && e !== null).map(row);
}

/** The GameServer's and its pod's events, oldest first (events without a time last). */
export async function gameServerEvents(kc: KubeConfig, gs: PodRef, signal?: AbortSignal): Promise<EventRow[]> {
  const problem = namespaceProblem(gs.namespace) ?? nameProblem(gs.name);
  if (problem) throw new ClusterFailure({ code: 'invalid-name', message: `${gs.namespace}/${gs.name}: ${problem}` });
  const [own, pod] = await Promise.all([eventsOf(kc, gs, 'GameServer', signal), eventsOf(kc, gs, 'Pod', signal)]);
  const time = (r: EventRow) => (Number.isNaN(r.last) ? Infinity : r.last);
  return [...own, ...pod].sort((a, b) => time(a) - time(b));
}
