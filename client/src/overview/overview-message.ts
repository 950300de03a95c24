// What the extension posts to the overview webview (client/media/overview/overview.js reads it).
import type { TallySnapshot } from './fleet-tally';

/** The webview's words, translated in the extension host (a webview has no vscode.l10n). */
export interface OverviewWords {
  state: string;
  opsState: string;
  networkState: string;
  fleet: string;
  noSet: string;
  one: string;
  /** `{0}` stands for the count. */
  many: string;
  empty: string;
  connecting: string;
}

export interface OverviewMessage {
  type: 'counts';
  snapshot: TallySnapshot;
  /** The context and namespaces counted (the view's). */
  scope: string;
  /** "Not live since …" while the caches are stale. */
  stale: string | undefined;
  loading: boolean;
  /** Why the session could not connect, while it cannot. */
  error: string | undefined;
  words: OverviewWords;
}
