// Which kind of object a .kgfilter / .kgpatch document targets, from its file name.
export type TargetKind = 'GameServer' | 'GameServerSet';

function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    // A malformed %-escape: the name as written is the best guess.
    return name.toLowerCase();
  }
}

/** `*.gss.kgfilter` and `*.gss.kgpatch` target GameServerSets; every other file GameServers. */
export function targetKind(uri: string): TargetKind {
  return /\.gss\.kg(?:filter|patch)$/.test(fileName(uri)) ? 'GameServerSet' : 'GameServer';
}

export type LanguageKind = 'kgfilter' | 'kgpatch' | 'yaml';

/** The language a document is served as: its languageId, or its extension when the id is unknown. */
export function languageKind(uri: string, languageId: string): LanguageKind | undefined {
  if (languageId === 'kgfilter' || languageId === 'kgpatch' || languageId === 'yaml') return languageId;
  const name = fileName(uri);
  if (name.endsWith('.kgfilter')) return 'kgfilter';
  if (name.endsWith('.kgpatch')) return 'kgpatch';
  return undefined;
}
