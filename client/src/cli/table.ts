// Plain-text tables laid out like kubectl's: upper-case headers, columns padded, three spaces apart.
import type { KubeObject, ResourceKind } from '../cluster/resources';

type Column = { header: string; value: (o: KubeObject) => unknown };

function at(o: unknown, ...path: string[]): unknown {
  let v = o;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

/** OKG's printer columns, less AGE, which would make output depend on the clock. */
const COLUMNS: Record<ResourceKind, Column[]> = {
  GameServer: [
    { header: 'NAMESPACE', value: (o) => o.metadata.namespace },
    { header: 'NAME', value: (o) => o.metadata.name },
    { header: 'STATE', value: (o) => at(o, 'status', 'currentState') },
    { header: 'OPSSTATE', value: (o) => at(o, 'spec', 'opsState') },
    { header: 'DP', value: (o) => at(o, 'status', 'deletionPriority') },
    { header: 'UP', value: (o) => at(o, 'status', 'updatePriority') },
  ],
  GameServerSet: [
    { header: 'NAMESPACE', value: (o) => o.metadata.namespace },
    { header: 'NAME', value: (o) => o.metadata.name },
    { header: 'DESIRED', value: (o) => at(o, 'spec', 'replicas') },
    { header: 'CURRENT', value: (o) => at(o, 'status', 'currentReplicas') },
    { header: 'UPDATED', value: (o) => at(o, 'status', 'updatedReplicas') },
    { header: 'READY', value: (o) => at(o, 'status', 'readyReplicas') },
    { header: 'MAINTAINING', value: (o) => at(o, 'status', 'maintainingReplicas') },
    { header: 'WAITTOBEDELETED', value: (o) => at(o, 'status', 'waitToBeDeletedReplicas') },
    { header: 'PREDELETE', value: (o) => at(o, 'status', 'preDeleteReplicas') },
  ],
};

function cell(v: unknown): string {
  if (v === undefined || v === null || v === '') return '<none>';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('   ') + '\n';
  return line(headers) + rows.map(line).join('');
}

export function objectTable(kind: ResourceKind, objects: readonly KubeObject[]): string {
  if (objects.length === 0) return 'No resources found.\n';
  const cols = COLUMNS[kind];
  return renderTable(
    cols.map((c) => c.header),
    objects.map((o) => cols.map((c) => cell(c.value(o)))),
  );
}
