// Builds the GameServer tree (namespace → GameServerSet → GameServer) from a cache snapshot,
// optionally keeping only a filter's matches. Pure: the provider renders what this returns.
import { type KubeObject, nameOf, namespaceOf, ownerSetOf } from './objectFields';

export type FilterKind = 'GameServer' | 'GameServerSet';

export interface TreeFilter {
  kind: FilterKind;
  matches(obj: unknown): boolean;
}

export interface GameServerNode {
  kind: 'gameServer';
  id: string;
  namespace: string;
  name: string;
  object: KubeObject;
}

export interface SetNode {
  kind: 'set';
  id: string;
  namespace: string;
  name: string;
  /** Undefined for the group of GameServers whose set is not in the cache. */
  object: KubeObject | undefined;
  children: GameServerNode[];
}

export interface NamespaceNode {
  kind: 'namespace';
  id: string;
  namespace: string;
  children: SetNode[];
  gameServerCount: number;
}

export type TreeNode = NamespaceNode | SetNode | GameServerNode;

export interface TreeModel {
  namespaces: NamespaceNode[];
  /** Objects of the filter's kind that match (GameServers when no filter is set). */
  matchCount: number;
  /** Objects of the filter's kind in the snapshot. */
  totalCount: number;
}

/** Label of the group holding GameServers whose owner set is absent. */
export const NO_SET = '(no GameServerSet)';

const byName = new Intl.Collator('en', { numeric: true }).compare;

export const gameServerId = (ns: string, name: string): string => `gs/${ns}/${name}`;
const setId = (ns: string, name: string): string => `gss/${ns}/${name}`;
const namespaceId = (ns: string): string => `ns/${ns}`;

export function buildTreeModel(
  gameServers: readonly KubeObject[],
  gameServerSets: readonly KubeObject[],
  filter?: TreeFilter,
): TreeModel {
  const setFilter = filter?.kind === 'GameServerSet' ? filter : undefined;
  const gsFilter = filter?.kind === 'GameServer' ? filter : undefined;

  const sets = new Map<string, SetNode>();
  const keptSets = new Set<string>();
  for (const obj of gameServerSets) {
    const ns = namespaceOf(obj);
    const name = nameOf(obj);
    const id = setId(ns, name);
    sets.set(id, { kind: 'set', id, namespace: ns, name, object: obj, children: [] });
    if (!setFilter || setFilter.matches(obj)) keptSets.add(id);
  }

  let gsMatches = 0;
  for (const obj of gameServers) {
    if (gsFilter && !gsFilter.matches(obj)) continue;
    gsMatches++;
    const ns = namespaceOf(obj);
    const owner = ownerSetOf(obj);
    let id = setId(ns, owner);
    if (!owner || !sets.has(id)) {
      if (setFilter) continue;
      id = setId(ns, NO_SET);
      if (!sets.has(id)) sets.set(id, { kind: 'set', id, namespace: ns, name: NO_SET, object: undefined, children: [] });
      keptSets.add(id);
    }
    const name = nameOf(obj);
    sets.get(id)!.children.push({ kind: 'gameServer', id: gameServerId(ns, name), namespace: ns, name, object: obj });
  }

  const namespaces = new Map<string, NamespaceNode>();
  for (const set of sets.values()) {
    if (!keptSets.has(set.id)) continue;
    // Under a GameServer filter a set without matches is noise; without a filter an empty set is news.
    if (gsFilter && set.children.length === 0) continue;
    set.children.sort((a, b) => byName(a.name, b.name));
    let nsNode = namespaces.get(set.namespace);
    if (!nsNode) {
      nsNode = { kind: 'namespace', id: namespaceId(set.namespace), namespace: set.namespace, children: [], gameServerCount: 0 };
      namespaces.set(set.namespace, nsNode);
    }
    nsNode.children.push(set);
    nsNode.gameServerCount += set.children.length;
  }
  for (const nsNode of namespaces.values()) {
    // The catch-all group goes last.
    nsNode.children.sort((a, b) => Number(a.object === undefined) - Number(b.object === undefined) || byName(a.name, b.name));
  }

  return {
    namespaces: [...namespaces.values()].sort((a, b) => byName(a.namespace, b.namespace)),
    matchCount: setFilter ? keptSets.size : gsMatches,
    totalCount: setFilter ? gameServerSets.length : gameServers.length,
  };
}

/** The GameServers of the model in display order. */
export function gameServersIn(model: TreeModel): GameServerNode[] {
  return model.namespaces.flatMap((ns) => ns.children.flatMap((s) => s.children));
}
