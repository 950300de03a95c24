// Paginated lists (`limit` / `continue`), one namespace or all of them.
import { ClusterFailure, type ClusterClient } from './api';
import type { KubeObject, ResourceKind } from './resources';

export interface ListOptions {
  pageSize?: number;
  signal?: AbortSignal;
  /**
   * Applied to each item as its page arrives, so a caller that keeps only part of each object
   * (the cache's compact copies) never holds a whole collection of whole objects.
   */
  map?: (obj: KubeObject) => KubeObject;
}

export interface Listed {
  items: KubeObject[];
  /** The resourceVersion of the list, where a watch of the same collection starts. */
  resourceVersion: string;
}

/** Lists a whole collection page by page; an expired continue token (410) starts it over. */
export async function listCollection(client: ClusterClient, kind: ResourceKind, namespace: string | undefined, opts: ListOptions = {}): Promise<Listed> {
  const limit = opts.pageSize ?? 500;
  for (let restarts = 0; ; restarts++) {
    const items: KubeObject[] = [];
    let cont: string | undefined;
    let rv = '';
    try {
      do {
        const page = await client.listPage(kind, namespace, { limit, continue: cont, signal: opts.signal });
        for (const item of page.items) items.push(opts.map ? opts.map(item) : item);
        cont = page.continue;
        rv = page.resourceVersion;
      } while (cont);
      return { items, resourceVersion: rv };
    } catch (e) {
      const expired = e instanceof ClusterFailure && e.error.status === 410;
      if (!expired || restarts >= 2) throw e;
    }
  }
}

/** Every object of `kind` in the given namespaces (or all), for one-shot readers such as kgctl. */
export async function listObjects(client: ClusterClient, kind: ResourceKind, namespaces: string[] | 'all', opts: ListOptions = {}): Promise<KubeObject[]> {
  if (namespaces === 'all') return (await listCollection(client, kind, undefined, opts)).items;
  const out: KubeObject[] = [];
  for (const ns of namespaces) out.push(...(await listCollection(client, kind, ns, opts)).items);
  return out;
}
