// The text OKG: New Filter and OKG: New Patch start from: valid as it stands (the language server
// finds nothing to report), with comments saying what to change and how to run it. Filters and
// patches allow `//` comments; kgctl and Copy as kruisegamectl Command strip them. Functions, so the
// comments are in the window's language.
import * as l10n from '@vscode/l10n';

export const filterStarter = (): string =>
  l10n.t(`// A filter picks GameServers the way kruise-game-api does. Run it (the
// filter button in the editor title, or OKG: Run Filter) and the GameServers
// view shows only its matches, live; OKG: Clear Filter shows them all again.
//
// Each object holds one key: join conditions with "$and" or "$or" at the top.
// Ctrl+Space offers the fields, the operators that fit each one and values
// from your cluster; hover a field or an operator to read what it does.
// Save as NAME.kgfilter to keep it (NAME.gss.kgfilter filters GameServerSets).
{
  "$and": [
    // Not marked for maintenance, deletion or anything else ...
    { "opsState": "None" },
    // ... and serving players.
    { "currentState": "Ready" }
  ]
}
`);

export const patchStarter = (): string =>
  l10n.t(`// A JSON Patch (RFC 6902) changes every GameServer the running filter
// matches. Apply it with the button in the editor title or OKG: Apply Patch
// to Matches: each match is dry-run on the server and shown in one diff, and
// nothing is written until you confirm.
//
// Ctrl+Space completes paths one segment at a time and offers the everyday
// operations. /spec/opsState takes None, WaitToBeDeleted, Maintaining,
// Allocated or Kill (which deletes the server).
// Save as NAME.kgpatch to keep it (NAME.gss.kgpatch patches GameServerSets).
[
  // Rolling updates replace GameServers with a higher update priority first.
  { "op": "replace", "path": "/spec/updatePriority", "value": 10 }
]
`);
