// Test helpers: an API client for a sandbox's kubeconfig context, and comparing caches with the server.
import { ClusterClient, type ClusterClientOptions } from '../../client/src/cluster/api';
import { kubeConfigFor, loadKubeConfig } from '../../client/src/cluster/kubeconfig';
import type { Sandbox } from '../sandbox';

export function clientFor(sb: Sandbox, context = 'okg-sandbox', opts: ClusterClientOptions = {}): ClusterClient {
  const loaded = loadKubeConfig({ kubeconfig: sb.kubeconfigPath });
  if (!loaded.ok) throw new Error(`sandbox kubeconfig: ${loaded.error.message}`);
  const kc = kubeConfigFor(loaded.config, context);
  if (!kc.ok) throw new Error(`sandbox context ${context}: ${kc.error.message}`);
  return new ClusterClient(kc.kc, opts);
}

/** `namespace/name -> resourceVersion` for a list of objects. */
export function versions(objects: readonly { metadata: { namespace?: string; name: string; resourceVersion?: string } }[]): Map<string, string> {
  return new Map(objects.map((o) => [`${o.metadata.namespace ?? ''}/${o.metadata.name}`, o.metadata.resourceVersion ?? '']));
}

/** '' when equal, else a short description of the first differences. */
export function compareVersions(ours: Map<string, string>, server: Map<string, string>): string {
  const diffs: string[] = [];
  for (const [k, rv] of server) if (ours.get(k) !== rv) diffs.push(`${k}: server ${rv}, cache ${ours.get(k) ?? 'missing'}`);
  for (const k of ours.keys()) if (!server.has(k)) diffs.push(`${k}: in cache, not on server`);
  return diffs.slice(0, 5).join('; ') + (diffs.length > 5 ? ` (+${diffs.length - 5} more)` : '');
}
