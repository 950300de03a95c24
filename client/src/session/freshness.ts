// How the view, its title and the status bar say that the data shown is not live.
import * as l10n from '@vscode/l10n';
import type { Freshness } from './cluster-session';

const clock = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

export function freshnessLabel(f: Freshness): string | undefined {
  return f.live ? undefined : l10n.t('Not live since {0} ({1}); retrying', clock(f.since), f.reason);
}
