// How the History view words an entry and an object's outcome (no vscode import: the tests and
// the extension's API read the same words).
import * as l10n from '@vscode/l10n';
import type { ApplyOutcome } from '../cluster/patch-runner';
import type { JournalEntry } from './entry';

export function outcomeWords(outcome: ApplyOutcome): string {
  switch (outcome) {
    case 'changed':
      return l10n.t('changed');
    case 'changed-since-preview':
      return l10n.t('changed since the preview, left alone');
    case 'may-have-been-applied':
      return l10n.t('may have been changed (the answer was lost)');
    case 'failed':
      return l10n.t('failed');
    case 'cancelled':
      return l10n.t('cancelled');
  }
}

/** `HH:MM:SS` today, the date before it otherwise. */
function when(iso: string, now: Date): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
  if (t.toDateString() === now.toDateString()) return time;
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${time}`;
}

/** "time · what · N changed (M failed)". */
export function entryLabel(entry: JournalEntry, now = new Date()): string {
  const changed = entry.objects.filter((o) => o.outcome === 'changed').length;
  const failed = entry.objects.filter((o) => o.outcome !== 'changed' && o.outcome !== 'cancelled').length;
  const counts = failed ? l10n.t('{0} changed ({1} failed)', changed, failed) : l10n.t('{0} changed', changed);
  return `${when(entry.time, now)} · ${entry.what} · ${counts}`;
}
