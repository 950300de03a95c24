// Which kind a filter or patch file targets: `*.gss.kgfilter` / `*.gss.kgpatch` mean GameServerSets.

export type ResourceKind = 'GameServer' | 'GameServerSet';

export function kindOfFile(path: string): ResourceKind {
  return /\.gss\.kg(filter|patch)$/i.test(path) ? 'GameServerSet' : 'GameServer';
}

export function kindPlural(kind: ResourceKind, count: number): string {
  return count === 1 ? kind : `${kind}s`;
}
