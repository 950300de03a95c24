// The cluster values the language server offers in completion, from a cache snapshot.
import type { ClusterValues } from '../../../server/src/protocol';
import { gameServerImagesOf, nameOf, namespaceOf, setImagesOf, type KubeObject } from '../views/objectFields';

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].filter(Boolean).sort();

export function clusterValuesOf(gameServers: readonly KubeObject[], gameServerSets: readonly KubeObject[]): ClusterValues {
  return {
    namespaces: sorted([...gameServers, ...gameServerSets].map(namespaceOf)),
    names: sorted(gameServers.map(nameOf)),
    // Running images (GameServer filters) and template images (set filters) in one list, as the protocol has one.
    images: sorted([...gameServers.flatMap(gameServerImagesOf), ...gameServerSets.flatMap(setImagesOf)]),
    gssNames: sorted(gameServerSets.map(nameOf)),
  };
}
