// A scale plan in words: what the preview's title, the decision and the log say ("scales
// battle-royale from 5 to 3: deletes battle-royale-4, battle-royale-3"), why nothing would be
// planned, OKG's caveats, and how a plan made again differs from the one previewed.
import * as l10n from '@vscode/l10n';
import type { ScaleNote, ScalePlan } from '../../../server/src/engine';

/** Names listed in titles before "and N more"; the log lists them all. */
export const TITLE_NAMES = 5;

function names(list: readonly string[], max: number): string {
  if (list.length <= max) return list.join(', ');
  return l10n.t('{0} and {1} more', list.slice(0, max).join(', '), list.length - max);
}

/** What applying the plan does to `setName`, whose spec.replicas is `from` now. */
export function scaleSummary(setName: string, from: number, requested: number, plan: ScalePlan, max = TITLE_NAMES): string {
  const head = from === requested ? l10n.t('changes the reserved ids of {0}', setName) : l10n.t('scales {0} from {1} to {2}', setName, from, requested);
  const parts: string[] = [];
  if (plan.delete.length) parts.push(l10n.t('deletes {0}', names(plan.delete, max)));
  if (plan.create.length) parts.push(l10n.t('creates {0}', names(plan.create, max)));
  if (plan.reserveGameServerIds) parts.push(l10n.t('OKG writes reserveGameServerIds {0}', plan.reserveGameServerIds.join(',') || '[]'));
  if (plan.killed?.delete.length) parts.push(l10n.t('then deletes {0} (opsState Kill)', names(plan.killed.delete, max)));
  if (parts.length === 0) parts.push(l10n.t('deletes and creates nothing'));
  return `${head}: ${parts.join('; ')}`;
}

/** Why nothing can be applied, or undefined when the plan is one OKG carries out. */
export function planProblem(setName: string, plan: ScalePlan): string | undefined {
  for (const note of plan.notes) {
    if (note.code === 'no-change') return l10n.t('{0} already has these replicas and reserved ids: nothing to change.', setName);
    if (note.code === 'unreadable') {
      const at = note.index === undefined ? note.what : `${note.what}[${note.index}]`;
      return l10n.t('{0}: OKG cannot read {1}, so it would not scale the set.', setName, at);
    }
    if (note.code === 'too-large') return l10n.t('{0}: {1} would need {2} ids, more than can be planned.', setName, note.what, note.count);
  }
  return undefined;
}

/** The caveats OKG's own rules add to a plan it carries out. */
export function planWarnings(plan: ScalePlan): string[] {
  return plan.notes.flatMap((note: ScaleNote) => {
    if (note.code === 'order-undefined') {
      return [
        l10n.t(
          'OKG may delete any of {0}: their deletionPriority values are equal but written differently, and its order among them is undefined.',
          note.names.join(', '),
        ),
      ];
    }
    if (note.code === 'reserve-ids-ignored') {
      return [l10n.t('OKG ignores the whole reserveGameServerIds list: its entry {0} ({1}) cannot be parsed.', note.index, JSON.stringify(note.entry))];
    }
    return [];
  });
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** How `now` differs from the `previewed` plan in the servers it deletes or creates, or undefined when it does not. */
export function planDifference(previewed: ScalePlan, now: ScalePlan): string | undefined {
  const gone = (p: ScalePlan) => [...p.delete, ...(p.killed?.delete ?? [])];
  if (!sameList(gone(previewed), gone(now))) {
    const list = (l: string[]) => (l.length ? l.join(', ') : l10n.t('none'));
    return l10n.t('OKG would now delete {0} instead of {1}', list(gone(now)), list(gone(previewed)));
  }
  if (!sameList(previewed.create, now.create)) {
    return l10n.t('OKG would now create {0} instead of {1}', now.create.join(', ') || l10n.t('none'), previewed.create.join(', ') || l10n.t('none'));
  }
  return undefined;
}
