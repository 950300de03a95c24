// Why planScale removes each GameServer it removes, for the row marks and their tooltips: a
// reserved id, or the first key of OKG's deletion order (opsState, then deletion priority, then
// ordinal) that puts it before the best-placed server the scale keeps. The keys are not judged
// here: planScale is asked about the two servers alone, with the deleted one given the kept one's
// opsState (then its priority too), so the reasons cannot disagree with the plan.
import * as l10n from '@vscode/l10n';
import { intOrStringValue, planScale, type ScalePlan } from '../../../server/src/engine';
import type { KubeObject } from '../cluster/resources';
import { nameOf, opsStateOf, stateOf } from '../views/object-fields';
import { listHolds } from './scale-input';

export type DeletionReason =
  | { code: 'reserved'; id: number }
  | { code: 'opsState'; opsState: string }
  | { code: 'priority'; priority: string }
  | { code: 'ordinal' }
  /** Scaled to zero: every server goes. */
  | { code: 'all' }
  /** Removed by the Kill follow-up once the scale settled. */
  | { code: 'kill-follow-up' };

/** The spec fields the deletion order reads. */
interface OrderSpec {
  opsState?: unknown;
  deletionPriority?: unknown;
}

const specOf = (gs: KubeObject): OrderSpec => (typeof gs.spec === 'object' && gs.spec !== null ? (gs.spec as OrderSpec) : {});

/** GetIndexFromGsName: Atoi of what follows the last `-` of the name, its error ignored. */
const ordinalOf = (name: string) => intOrStringValue(name.slice(name.lastIndexOf('-') + 1));

/** A GameServer that counts in the scale: not being deleted nor held before deletion. */
const counts = (gs: KubeObject) => !gs.metadata.deletionTimestamp && !['Deleting', 'PreDelete'].includes(stateOf(gs));

/** Which of `a` and `b` planScale deletes first when one of the two must go. */
function firstToGo(setName: string, a: KubeObject, b: KubeObject): string | undefined {
  const set = { metadata: { name: setName }, spec: { replicas: 2 } };
  return planScale(set, [a, b], 1).delete[0];
}

const withSpec = (gs: KubeObject, spec: OrderSpec): KubeObject => ({ ...gs, spec: { ...specOf(gs), ...spec } });

function reasonAgainst(setName: string, gone: KubeObject, kept: KubeObject): DeletionReason {
  const sameOps = withSpec(gone, { opsState: specOf(kept).opsState });
  if (firstToGo(setName, sameOps, kept) !== nameOf(gone)) return { code: 'opsState', opsState: opsStateOf(gone) || 'None' };
  const samePriority = withSpec(sameOps, { deletionPriority: specOf(kept).deletionPriority });
  if (firstToGo(setName, samePriority, kept) !== nameOf(gone)) return { code: 'priority', priority: String(specOf(gone).deletionPriority ?? 0) };
  return { code: 'ordinal' };
}

/**
 * The reason for each name the plan deletes (its Kill follow-up included). `reserveList` is the
 * reserveGameServerIds planned with, `ignored` whether OKG ignores it; `gameServers` are the set's
 * GameServers as planScale was given them.
 */
export function deletionReasons(plan: ScalePlan, setName: string, gameServers: readonly KubeObject[], reserveList: unknown): Map<string, DeletionReason> {
  const ignored = plan.notes.some((n) => n.code === 'reserve-ids-ignored');
  const reserved = (gs: KubeObject) => !ignored && listHolds(reserveList, ordinalOf(nameOf(gs)));
  const byName = new Map(gameServers.map((gs) => [nameOf(gs), gs]));
  const deleted = new Set(plan.delete);
  const kept = gameServers.filter((gs) => counts(gs) && !deleted.has(nameOf(gs)) && !reserved(gs));
  // The kept server OKG would delete next: every deleted one goes before it.
  const next = kept.reduce<KubeObject | undefined>((best, gs) => (best && firstToGo(setName, best, gs) !== nameOf(gs) ? best : gs), undefined);
  const reasons = new Map<string, DeletionReason>();
  for (const name of plan.delete) {
    const gs = byName.get(name);
    if (!gs) reasons.set(name, { code: 'ordinal' });
    else if (reserved(gs)) reasons.set(name, { code: 'reserved', id: ordinalOf(name) });
    else reasons.set(name, next ? reasonAgainst(setName, gs, next) : { code: 'all' });
  }
  for (const name of plan.killed?.delete ?? []) if (!reasons.has(name)) reasons.set(name, { code: 'kill-follow-up' });
  return reasons;
}

/** A few words for the row's description. */
export function reasonShort(r: DeletionReason): string {
  switch (r.code) {
    case 'reserved':
      return l10n.t('reserved id {0}', r.id);
    case 'opsState':
      return r.opsState;
    case 'priority':
      return l10n.t('deletionPriority {0}', r.priority);
    case 'ordinal':
      return l10n.t('higher ordinal');
    case 'all':
      return l10n.t('scaled to 0');
    case 'kill-follow-up':
      return l10n.t('Kill, after the scale');
  }
}

/** The sentence for the row's tooltip. */
export function reasonSentence(r: DeletionReason): string {
  switch (r.code) {
    case 'reserved':
      return l10n.t('Will be deleted: its id {0} is in reserveGameServerIds, and OKG deletes a reserved server whatever its state.', r.id);
    case 'opsState':
      return l10n.t('Will be deleted: OKG deletes opsState {0} before the servers it keeps.', r.opsState);
    case 'priority':
      return l10n.t('Will be deleted: its deletionPriority {0} is higher than that of the servers OKG keeps.', r.priority);
    case 'ordinal':
      return l10n.t('Will be deleted: among servers of equal opsState and deletionPriority, OKG deletes the highest ordinals.');
    case 'all':
      return l10n.t('Will be deleted: the set is scaled to 0.');
    case 'kill-follow-up':
      return l10n.t('Will be deleted: its opsState is Kill, so once the scale settles OKG lowers replicas by one more and deletes it.');
  }
}
