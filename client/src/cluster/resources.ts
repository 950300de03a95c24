// The two OKG resources this project reads and writes, and how objects are keyed.
import { namespaceProblem } from './names';

export type ResourceKind = 'GameServer' | 'GameServerSet';

export interface ResourceInfo {
  kind: ResourceKind;
  group: string;
  version: string;
  plural: string;
  /** `gameservers.game.kruise.io`, the name kubectl and RBAC use. */
  qualified: string;
}

const GROUP = 'game.kruise.io';
const VERSION = 'v1alpha1';

export const RESOURCES: Record<ResourceKind, ResourceInfo> = {
  GameServer: { kind: 'GameServer', group: GROUP, version: VERSION, plural: 'gameservers', qualified: `gameservers.${GROUP}` },
  GameServerSet: {
    kind: 'GameServerSet',
    group: GROUP,
    version: VERSION,
    plural: 'gameserversets',
    qualified: `gameserversets.${GROUP}`,
  },
};

/**
 * The path a watch (or list) of `kind` uses: one namespace, or every namespace when omitted.
 * Throws for a value that is not a namespace: encoding would not help ("..", left as it is by
 * encodeURIComponent, turns the path into the cluster-wide one). ClusterClient checks first and
 * answers with a described error; this is the last line.
 */
export function collectionPath(kind: ResourceKind, namespace?: string): string {
  const r = RESOURCES[kind];
  const problem = namespace === undefined ? undefined : namespaceProblem(namespace);
  if (problem) throw new Error(problem);
  const ns = namespace === undefined ? '' : `/namespaces/${namespace}`;
  return `/apis/${r.group}/${r.version}${ns}/${r.plural}`;
}

/** A Kubernetes object as JSON; only the metadata this layer relies on is typed. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export function isKubeObject(v: unknown): v is KubeObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const md = (v as { metadata?: unknown }).metadata;
  return typeof md === 'object' && md !== null && typeof (md as { name?: unknown }).name === 'string';
}

/** `namespace/name`, the key of an object in caches and results. */
export function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}
