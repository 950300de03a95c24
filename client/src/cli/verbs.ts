// The API verbs each kgctl operation sends. One table, read twice: connect.ts limits each run's
// client to its operation's verbs (any other request is refused before it is sent), and
// `kgctl rbac` prints them as the Role. A verb missing here fails kgctl itself, not only the Role.
import type { Verb } from '../cluster/errors';

export type Operation = 'list' | 'update' | 'delete' | 'wait';

export const OPERATION_VERBS: Record<Operation, readonly Verb[]> = {
  // select.ts: listObjects, a paginated list per namespace (or one for all).
  list: ['list'],
  // select.ts lists; PatchRunner patches (a dry run too: the server authorizes it as the write)
  // and gets an object again when a value the filter read moved, or an answer was lost.
  update: ['get', 'list', 'patch'],
  // select.ts lists; PatchRunner deletes, and gets an object after a lost answer to see if it is gone.
  delete: ['get', 'list', 'delete'],
  // ResourceCache: list, then watch from the list's resourceVersion (again after 410 Gone).
  wait: ['list', 'watch'],
};
