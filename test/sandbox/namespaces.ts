// The cluster's namespaces: fixed at start, readable (list and get), as kubectl and tools need them.
import { randomUUID } from 'node:crypto';
import { notFound } from './status';
import { humanDuration } from './table';
import { nowTimestamp } from './store';

export class Namespaces {
  private readonly items: any[];

  constructor(names: string[], resourceVersion: number) {
    const created = nowTimestamp();
    this.items = [...new Set(names)].sort().map((name) => ({
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: {
        name,
        uid: randomUUID(),
        resourceVersion: String(resourceVersion),
        creationTimestamp: created,
        labels: { 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }));
  }

  has(name: string): boolean {
    return this.items.some((n) => n.metadata.name === name);
  }

  names(): string[] {
    return this.items.map((n) => n.metadata.name);
  }

  /** Throws the apiserver's NotFound for a namespace that does not exist. */
  require(name: string): void {
    if (!this.has(name)) throw notFound('namespaces', '', name);
  }

  get(name: string, table: boolean): unknown {
    this.require(name);
    const ns = this.items.find((n) => n.metadata.name === name);
    return table ? this.table([ns], {}) : ns;
  }

  list(resourceVersion: number, table: boolean): unknown {
    const meta = { resourceVersion: String(resourceVersion) };
    return table ? this.table(this.items, meta) : { kind: 'NamespaceList', apiVersion: 'v1', metadata: meta, items: this.items };
  }

  private table(items: any[], metadata: Record<string, unknown>): unknown {
    const now = Date.now();
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', description: 'Name of the namespace', priority: 0 },
        { name: 'Status', type: 'string', format: '', description: 'The status of the namespace', priority: 0 },
        { name: 'Age', type: 'string', format: '', description: 'The age of the namespace', priority: 0 },
      ],
      rows: items.map((n) => ({
        cells: [n.metadata.name, n.status.phase, humanDuration(now - Date.parse(n.metadata.creationTimestamp))],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: n.metadata },
      })),
    };
  }
}
