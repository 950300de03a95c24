// The words shown after an apply: what changed, what was left alone and why, and what may
// have changed behind a lost answer (never counted as a failure: running it again could apply
// it twice).
import type { ApplyOutcome } from '../cluster/patch-runner';

export type { ApplyOutcome };

export interface ObjectOutcome {
  namespace: string;
  name: string;
  outcome: ApplyOutcome;
  /** For failures: the cluster layer's message in user words. */
  error?: string;
}

export interface ApplySummary {
  changed: number;
  changedSincePreview: number;
  /** The answer was lost and the object could not tell: check these before running again. */
  mayHaveBeenApplied: number;
  failed: number;
  cancelled: number;
  /** One line for the notification. */
  message: string;
  /** True when some objects were surely not changed and a fresh preview could change them. */
  canRetry: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Failures grouped by message, most frequent first, so 500 identical 403s read as one line. */
function failureReasons(results: readonly ObjectOutcome[]): { reason: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of results) {
    if (r.outcome !== 'failed') continue;
    // The cluster layer starts each message with the object; the reason is what follows.
    const own = `${r.namespace}/${r.name}: `;
    const reason = (r.error?.startsWith(own) ? r.error.slice(own.length) : r.error) || 'unknown error';
    groups.set(reason, [...(groups.get(reason) ?? []), `${r.namespace}/${r.name}`]);
  }
  return [...groups.entries()].map(([reason, names]) => ({ reason, names })).sort((a, b) => b.names.length - a.names.length);
}

export function summarize(results: readonly ObjectOutcome[], kindPlural: string, context: string): ApplySummary {
  const count = (o: ApplyOutcome) => results.filter((r) => r.outcome === o).length;
  const changed = count('changed');
  const changedSincePreview = count('changed-since-preview');
  const mayHaveBeenApplied = count('may-have-been-applied');
  const failed = count('failed');
  const cancelled = count('cancelled');
  const parts = [`Changed ${changed} of ${results.length} ${kindPlural} in ${context}.`];
  if (changedSincePreview) {
    parts.push(`${changedSincePreview} had changed since the preview and ${changedSincePreview === 1 ? 'was' : 'were'} not overwritten.`);
  }
  if (mayHaveBeenApplied) {
    parts.push(
      `${mayHaveBeenApplied} may have been changed: the answer was lost and the object could not tell; check ${mayHaveBeenApplied === 1 ? 'it' : 'them'} before running again (see the OKG log).`,
    );
  }
  if (failed) {
    const reasons = failureReasons(results);
    const shown = reasons.slice(0, 2).map((g) => `${g.reason} (${g.names.length})`);
    const more = reasons.length > 2 ? `; ${plural(reasons.length - 2, 'other reason')}` : '';
    parts.push(`${failed} failed: ${shown.join('; ')}${more}.`);
  }
  if (cancelled) parts.push(`${cancelled} not attempted (cancelled).`);
  return {
    changed,
    changedSincePreview,
    mayHaveBeenApplied,
    failed,
    cancelled,
    message: parts.join(' '),
    canRetry: changedSincePreview + failed + cancelled > 0,
  };
}
