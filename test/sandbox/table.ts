// The meta.k8s.io/v1 Table form `kubectl get` asks for, with OKG's additionalPrinterColumns.
import type { Kind } from './store';

export interface Column {
  name: string;
  type: 'string' | 'integer' | 'date';
  description: string;
  value: (o: any) => unknown;
}

const NAME_COLUMN = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description:
    'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically.',
  priority: 0,
};

const age: Column = { name: 'AGE', type: 'date', description: 'The age of the object', value: (o) => o.metadata.creationTimestamp };

const COLUMNS: Record<Kind, Column[]> = {
  GameServer: [
    { name: 'STATE', type: 'string', description: 'The current state of GameServer', value: (o) => o.status?.currentState },
    { name: 'OPSSTATE', type: 'string', description: 'The operations state of GameServer', value: (o) => o.spec?.opsState },
    { name: 'DP', type: 'string', description: 'The current deletionPriority of GameServer', value: (o) => o.status?.deletionPriority },
    { name: 'UP', type: 'string', description: 'The current updatePriority of GameServer', value: (o) => o.status?.updatePriority },
    age,
  ],
  GameServerSet: [
    { name: 'DESIRED', type: 'integer', description: 'The desired number of GameServers.', value: (o) => o.spec?.replicas },
    { name: 'CURRENT', type: 'integer', description: 'The total number of current GameServers.', value: (o) => o.status?.currentReplicas },
    { name: 'UPDATED', type: 'integer', description: 'The number of GameServers updated.', value: (o) => o.status?.updatedReplicas },
    { name: 'READY', type: 'integer', description: 'The number of GameServers ready.', value: (o) => o.status?.readyReplicas },
    { name: 'Maintaining', type: 'integer', description: 'The number of GameServers Maintaining.', value: (o) => o.status?.maintainingReplicas },
    { name: 'WaitToBeDeleted', type: 'integer', description: 'The number of GameServers WaitToBeDeleted.', value: (o) => o.status?.waitToBeDeletedReplicas },
    { name: 'PreDelete', type: 'integer', description: 'The number of GameServers PreDelete.', value: (o) => o.status?.preDeleteReplicas },
    age,
  ],
};

/** Kubernetes' HumanDuration, as printed in AGE columns. */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  if (h < 24 * 8) return h % 24 === 0 ? `${Math.floor(h / 24)}d` : `${Math.floor(h / 24)}d${h % 24}h`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24)}d`;
  const y = Math.floor(h / 24 / 365);
  if (h < 24 * 365 * 8) return `${y}y${Math.floor(h / 24) % 365}d`;
  return `${y}y`;
}

function cell(c: Column, o: any, now: number): unknown {
  const v = c.value(o);
  if (v === undefined || v === null) return null;
  if (c.type === 'date') return humanDuration(now - Date.parse(String(v)));
  if (c.type === 'integer') return typeof v === 'number' ? v : null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function rowObject(o: any, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return o;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function toTable(kind: Kind, items: any[], listMeta: Record<string, unknown>, include: IncludeObject): unknown {
  return tableOf(COLUMNS[kind], items, listMeta, include);
}

/** A Table of `items` with a Name column and then `cols` (the sandbox's core kinds use it too). */
export function tableOf(cols: Column[], items: any[], listMeta: Record<string, unknown>, include: IncludeObject): unknown {
  const now = Date.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: [NAME_COLUMN, ...cols.map((c) => ({ name: c.name, type: c.type, format: '', description: c.description, priority: 0 }))],
    rows: items.map((o) => ({ cells: [o.metadata.name, ...cols.map((c) => cell(c, o, now))], object: rowObject(o, include) })),
  };
}

/** Whether the Accept header asks for a Table (kubectl get's human-readable output). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => /;\s*as=Table/.test(part) && /;\s*g=meta\.k8s\.io/.test(part));
}
