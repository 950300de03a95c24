// planScale: what OKG's GameServerSet controller does when a set's spec.replicas becomes `replicas`
// (kruise-game pkg/controllers/gameserverset: Reconcile, GetReplicasAfterKilling, IsNeedToScale,
// GameServerScale, computeToScaleGs), over GameServers standing in for their pods. Pure and total:
// bad input gives an empty plan with a note saying why. docs/scale-plan.md cites every rule.
import { computeToScaleGs, type ScaleOutcome } from './compute';
import { replicasAfterKilling } from './kill';
import { ordinalsAsText } from './ordinal-text';
import { podsOf, type PodView } from './pod-view';
import { annotationOrdinals, countOf, expand, lenientAnnotationOrdinals, listOrdinals, MAX_ORDINALS } from './reserved-ordinals';
import type { ScaleNote, ScalePlan, ScaleStep } from './types';

const RESERVE_IDS_ANNOTATION = 'game.kruise.io/reserve-ids';
const MAX_INT32 = 2 ** 31 - 1;

const isReplicas = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_INT32;

// The set is read as Go's unmarshal into OKG's types would read it, every access guarded where it
// matters; typing each level would add casts, not safety.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

const sameIds = (a: ReadonlySet<number>, b: ReadonlySet<number>) => a.size === b.size && [...a].every((id) => b.has(id));

const ascending = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

function idle(replicas: number, notes: ScaleNote[]): ScalePlan {
  return { replicas, delete: [], create: [], notes };
}

/** The ids each part of the controller reads, or a note saying why nothing can be planned. */
interface Reserved {
  spec: Set<number>;
  annotation: Set<number>;
  lenientAnnotation: Set<number>;
  statefulSet: Set<number>;
}

function readReserved(set: Json, annotationText: string, statefulSetSpec: Json | undefined, notes: ScaleNote[]): Reserved | ScaleNote {
  const spec = listOrdinals(set.spec?.reserveGameServerIds);
  if (!spec.ok) {
    if (spec.why === 'undecodable') return { code: 'unreadable', what: 'reserveGameServerIds', index: spec.index, entry: spec.entry };
    notes.push({ code: 'reserve-ids-ignored', index: spec.index, entry: spec.entry, why: spec.why });
  }
  const annotation = annotationOrdinals(annotationText);
  // Without the StatefulSet, the annotation stands in for its reserveOrdinals: they differ only by ids General scale-downs freed.
  const own = Array.isArray(statefulSetSpec?.reserveOrdinals) ? listOrdinals(statefulSetSpec.reserveOrdinals) : undefined;
  const lists = {
    spec: spec.ok ? spec.intervals : [],
    annotation,
    lenientAnnotation: lenientAnnotationOrdinals(annotationText),
    statefulSet: own ? (own.ok ? own.intervals : []) : annotation,
  };
  const count = Object.values(lists).reduce((sum, intervals) => sum + countOf(intervals), 0);
  if (count > MAX_ORDINALS) return { code: 'too-large', what: 'reserveGameServerIds', count };
  return {
    spec: expand(lists.spec),
    annotation: expand(lists.annotation),
    lenientAnnotation: expand(lists.lenientAnnotation),
    statefulSet: expand(lists.statefulSet),
  };
}

/** What the steps of one plan share. */
interface Plan {
  setName: string;
  /** scaleDownStrategyType is ReserveIds (anything else counts as General). */
  reserveIds: boolean;
  notes: ScaleNote[];
}

/**
 * What one GameServerScale does with `outcome`: under ReserveIds the new reserved ids become the
 * spec list (written only when they differ); the annotation records the list either way, written
 * when it differs or the set has no annotations (`annotationText` undefined).
 */
function stepOf(plan: Plan, replicas: number, outcome: ScaleOutcome, specIds: Set<number>, annotationText: string | undefined): ScaleStep {
  const create = outcome.created.map((i) => `${plan.setName}-${i}`);
  const step: ScaleStep = { replicas, delete: outcome.deleted.map((p) => p.name), create };
  if (plan.reserveIds && !sameIds(specIds, outcome.reserve)) step.reserveGameServerIds = ascending(outcome.reserve);
  const text = ordinalsAsText(plan.reserveIds ? outcome.reserve : specIds);
  if (annotationText !== text) step.reserveIdsAnnotation = text;
  if (outcome.undefinedOrder.length > 0) plan.notes.push({ code: 'order-undefined', names: outcome.undefinedOrder });
  return step;
}

/** A pod the StatefulSet creates: its GameServer starts with OKG's default spec. */
function freshPod(setName: string, index: number): PodView {
  return { name: `${setName}-${index}`, index, opsState: 'None', deletionPriority: '0', priority: 0n, deleting: false, preDeleting: false };
}

/**
 * Once the scale has settled (deleting pods gone, new ones running), the next reconcile's Kill
 * check sees the kept pods and the new ones; when some are Kill it lowers replicas and scales again.
 */
function killFollowUp(plan: Plan, replicas: number, outcome: ScaleOutcome, pods: readonly PodView[], written: Set<number>): ScaleStep | undefined {
  const kept = pods.filter((p) => !p.deleting && !p.preDeleting && outcome.manage.has(p.index));
  const settled = [...kept, ...outcome.created.map((i) => freshPod(plan.setName, i))];
  const after = replicasAfterKilling(replicas, replicas, settled);
  if (after === replicas) return undefined;
  const follow = computeToScaleGs({ specIds: written, annotationIds: written, statefulSetIds: outcome.reserve, expected: after, pods: settled });
  return stepOf(plan, after, follow, written, ordinalsAsText(written));
}

/**
 * What OKG does when `gameServerSet`'s spec.replicas becomes `replicas` (`replicas` equal to the
 * set's own previews a change of its reserveGameServerIds, or what a Kill does). `gameServers` are
 * the set's GameServers (others are ignored), standing in for their pods. The set's spec.replicas
 * and game.kruise.io/reserve-ids annotation are read as what OKG last scaled to; pass the set's
 * Advanced StatefulSet as `statefulSet` to read its replicas and reserveOrdinals instead.
 */
export function planScale(gameServerSet: unknown, gameServers: readonly unknown[], replicas: number, statefulSet?: unknown): ScalePlan {
  const set = asObject(gameServerSet);
  const setName = set?.metadata?.name;
  if (!set || typeof setName !== 'string' || setName === '') return idle(0, [{ code: 'unreadable', what: 'gameServerSet' }]);
  const statefulSetSpec = asObject(asObject(statefulSet)?.spec);
  const current = [statefulSetSpec?.replicas, set.spec?.replicas].find(isReplicas) ?? 0;
  if (!isReplicas(replicas)) return idle(current, [{ code: 'unreadable', what: 'replicas' }]);

  const notes: ScaleNote[] = [];
  const annotations = asObject(set.metadata.annotations);
  const annotationText = typeof annotations?.[RESERVE_IDS_ANNOTATION] === 'string' ? (annotations[RESERVE_IDS_ANNOTATION] as string) : '';
  const reserved = readReserved(set, annotationText, statefulSetSpec, notes);
  if ('code' in reserved) return idle(current, [...notes, reserved]);
  const pods = podsOf(set, gameServers);

  // Reconcile: the Kill check first, then a scale only when replicas or the reserved ids changed.
  const target = replicasAfterKilling(replicas, current, pods);
  if (target === current && sameIds(reserved.spec, reserved.lenientAnnotation)) return idle(replicas, [...notes, { code: 'no-change' }]);
  if (target > pods.length + MAX_ORDINALS) return idle(current, [...notes, { code: 'too-large', what: 'replicas', count: target - pods.length }]);

  const plan: Plan = { setName, reserveIds: set.spec?.scaleStrategy?.scaleDownStrategyType === 'ReserveIds', notes };
  const { spec: specIds, annotation: annotationIds, statefulSet: statefulSetIds } = reserved;
  const outcome = computeToScaleGs({ specIds, annotationIds, statefulSetIds, expected: target, pods });
  const step = stepOf(plan, target, outcome, specIds, annotations ? annotationText : undefined);
  const killed = killFollowUp(plan, target, outcome, pods, plan.reserveIds ? outcome.reserve : specIds);
  return { ...step, ...(killed ? { killed } : {}), notes };
}
