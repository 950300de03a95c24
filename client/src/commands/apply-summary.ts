// The words shown after an apply: what changed, what was left alone and why, and what may
// have changed behind a lost answer (never counted as a failure: running it again could apply
// it twice).
import * as l10n from '@vscode/l10n';
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

/** Failures grouped by message, most frequent first, so 500 identical 403s read as one line. */
function failureReasons(results: readonly ObjectOutcome[]): { reason: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of results) {
    if (r.outcome !== 'failed') continue;
    // The cluster layer starts each message with the object; the reason is what follows.
    const own = `${r.namespace}/${r.name}: `;
    const reason = (r.error?.startsWith(own) ? r.error.slice(own.length) : r.error) || l10n.t('unknown error');
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
  const parts = [l10n.t('Changed {0} of {1} {2} in {3}.', changed, results.length, kindPlural, context)];
  if (changedSincePreview) {
    parts.push(
      changedSincePreview === 1
        ? l10n.t('{0} had changed since the preview and was not overwritten.', changedSincePreview)
        : l10n.t('{0} had changed since the preview and were not overwritten.', changedSincePreview),
    );
  }
  if (mayHaveBeenApplied) {
    parts.push(
      mayHaveBeenApplied === 1
        ? l10n.t(
            '{0} may have been changed: the answer was lost and the object could not tell; check it before running again (see the OKG log).',
            mayHaveBeenApplied,
          )
        : l10n.t(
            '{0} may have been changed: the answer was lost and the object could not tell; check them before running again (see the OKG log).',
            mayHaveBeenApplied,
          ),
    );
  }
  if (failed) {
    const reasons = failureReasons(results);
    const shown = reasons
      .slice(0, 2)
      .map((g) => `${g.reason} (${g.names.length})`)
      .join('; ');
    const others = reasons.length - 2;
    parts.push(
      others <= 0
        ? l10n.t('{0} failed: {1}.', failed, shown)
        : others === 1
          ? l10n.t('{0} failed: {1}; 1 other reason.', failed, shown)
          : l10n.t('{0} failed: {1}; {2} other reasons.', failed, shown, others),
    );
  }
  if (cancelled) parts.push(l10n.t('{0} not attempted (cancelled).', cancelled));
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
