// Which kind a filter or patch file targets: `*.gss.kgfilter` / `*.gss.kgpatch` mean GameServerSets.
import * as l10n from '@vscode/l10n';

export type ResourceKind = 'GameServer' | 'GameServerSet';

export function kindOfFile(path: string): ResourceKind {
  return /\.gss\.kg(filter|patch)$/i.test(path) ? 'GameServerSet' : 'GameServer';
}

/** The kind as a count of it reads: `GameServers` in English; Chinese has no plural. */
export function kindPlural(kind: ResourceKind, count: number): string {
  return count === 1 ? kind : l10n.t({ message: '{0}s', args: [kind], comment: ['the plural of an object kind: GameServers'] });
}
