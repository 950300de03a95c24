// GET of pods: a list (one namespace or all, with labelSelector and fieldSelector), one pod, and
// the Table `kubectl get pods` asks for (READY, STATUS, RESTARTS, AGE). Pods are derived from the
// GameServers (pods.ts), so a list walks the GameServers it lists and nothing else.
import type { ServerResponse } from 'node:http';
import { sendJson } from './http';
import { podOf, podReadiness, podStatusText } from './pods';
import { fieldMatcher, labelMatcher, type FieldTable } from './selectors';
import { notFound } from './status';
import { keyOf, type Store } from './store';
import { tableOf, type Column, type IncludeObject } from './table';

const COLUMNS: Column[] = [
  { name: 'Ready', type: 'string', description: 'The aggregate readiness state of this pod for accepting traffic.', value: (p) => podReadiness(p).ready },
  { name: 'Status', type: 'string', description: 'The aggregate status of the containers in this pod.', value: podStatusText },
  {
    name: 'Restarts',
    type: 'integer',
    description: 'The number of times the containers in this pod have been restarted.',
    value: (p) => podReadiness(p).restarts,
  },
  {
    name: 'Age',
    type: 'date',
    description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
    value: (p) => p.metadata.creationTimestamp,
  },
];

const POD_FIELDS: FieldTable = {
  'metadata.name': (p) => p.metadata.name,
  'metadata.namespace': (p) => p.metadata.namespace,
  'spec.nodeName': (p) => p.spec.nodeName ?? '',
  'status.phase': (p) => p.status.phase,
};

export interface PodRequest {
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  res: ServerResponse;
  /** The answer is a Table (kubectl get), with rows' objects as `include` says. */
  table?: IncludeObject;
}

export function getPod(store: Store, r: PodRequest & { namespace: string; name: string }): void {
  const gs = store.peek('GameServer', keyOf(r.namespace, r.name));
  if (!gs) throw notFound('pods', '', r.name);
  const pod = podOf(store, gs);
  sendJson(r.res, 200, r.table ? tableOf(COLUMNS, [pod], {}, r.table) : pod);
}

export function listPods(store: Store, r: PodRequest): void {
  const byLabel = labelMatcher(r.query.get('labelSelector'));
  const byField = fieldMatcher(r.query.get('fieldSelector'), POD_FIELDS);
  const items = store
    .view('GameServer', r.namespace)
    .map((gs) => podOf(store, gs))
    .filter((p) => byLabel(p) && byField(p));
  const metadata = { resourceVersion: String(store.resourceVersion) };
  sendJson(r.res, 200, r.table ? tableOf(COLUMNS, items, metadata, r.table) : { apiVersion: 'v1', kind: 'PodList', metadata, items });
}
