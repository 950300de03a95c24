// Lists the namespaces of a context for the namespace picker; the cluster layer lists only OKG
// objects, so this one core call lives here, with the same error wording.
import { CoreV1Api } from '@kubernetes/client-node';
import type { ClusterClient } from '../cluster/api';
import { toClusterError, type ClusterError } from '../cluster/errors';

export async function listNamespaces(client: ClusterClient): Promise<{ ok: true; namespaces: string[] } | { ok: false; error: ClusterError }> {
  try {
    const list = await client.kc.makeApiClient(CoreV1Api).listNamespace();
    const names = (list.items ?? []).map((n) => n.metadata?.name ?? '').filter(Boolean);
    return { ok: true, namespaces: names.sort() };
  } catch (e) {
    const error = toClusterError(e, { context: client.context, server: client.server, verb: 'list' });
    return { ok: false, error };
  }
}
