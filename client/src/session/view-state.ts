// What the GameServer view shows for the session's condition; the welcome contents in
// package.json key on these values through the `okg.clusterState` context key.
import type { ClusterError } from '../cluster/errors';

export type ViewState =
  'idle' | 'loading' | 'ready' | 'empty' | 'noMatches' | 'noKubeconfig' | 'unreachable' | 'okgMissing' | 'forbidden' | 'unauthorized' | 'error';

export function viewStateForError(error: ClusterError): ViewState {
  switch (error.code) {
    case 'kubeconfig':
      return 'noKubeconfig';
    case 'unreachable':
    case 'tls':
    case 'timeout':
      return 'unreachable';
    case 'not-installed':
      return 'okgMissing';
    case 'forbidden':
      return 'forbidden';
    case 'unauthorized':
      return 'unauthorized';
    default:
      return 'error';
  }
}

/** The view's state once the cache has loaded: matches shown, nothing there, or nothing matching. */
export function viewStateForContent(total: number, shown: number, filtered: boolean): ViewState {
  if (total === 0) return 'empty';
  if (filtered && shown === 0) return 'noMatches';
  return 'ready';
}
