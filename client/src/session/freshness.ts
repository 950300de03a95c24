// How the view, its title and the status bar say that the data shown is not live.
import type { Freshness } from './clusterSession';

const clock = (ms: number): string => new Date(ms).toLocaleTimeString('en-GB', { hour12: false });

export function freshnessLabel(f: Freshness): string | undefined {
  return f.live ? undefined : `Not live since ${clock(f.since)} (${f.reason}); retrying`;
}
