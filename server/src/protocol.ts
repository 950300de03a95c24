// Messages between the extension client and the language server beyond standard LSP, each declared once
// as a typed notification so that neither side names a method in a string. The protocol package is the
// one vscode-languageclient and vscode-languageserver both build on, so both bundles already hold it.
import { NotificationType } from 'vscode-languageserver-protocol';

/** Values seen in the live cluster, offered by .kgfilter completion. */
export interface ClusterValues {
  namespaces: string[];
  /** GameServer names (for `*.kgfilter`). */
  names: string[];
  /** "container,image" pairs as kruise-game-api's `images` field reads them. */
  images: string[];
  /** GameServerSet names (for `*.gss.kgfilter`). */
  gssNames: string[];
}

/**
 * Client → server notification carrying the current cluster's values; it replaces the previous
 * values. Send empty lists when the cluster is gone so completion falls back to the workspace.
 */
export const CLUSTER_VALUES_NOTIFICATION = new NotificationType<ClusterValues>('okg/clusterValues');

const MAX_VALUES = 5000;

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out = new Set<string>();
  for (const x of v) {
    if (typeof x === 'string' && x.length > 0 && x.length <= 1024) out.add(x);
    if (out.size >= MAX_VALUES) break;
  }
  return [...out];
}

/** The notification's params as the server trusts them: string lists only, bounded in size. */
export function toClusterValues(params: unknown): ClusterValues {
  const p = params !== null && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  return {
    namespaces: strings(p.namespaces),
    names: strings(p.names),
    images: strings(p.images),
    gssNames: strings(p.gssNames),
  };
}
