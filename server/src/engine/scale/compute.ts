// computeToScaleGs (kruise-game pkg/controllers/gameserverset/gameserverset_manager.go): which
// ordinals the set's StatefulSet keeps after a scale, which it newly reserves, and so which pods
// go and which are created. Followed step by step; docs/scale-plan.md cites each one.
import { deletionOrder, undefinedAtCut } from './deletion-order';
import type { PodView } from './pod-view';

export interface ScaleInput {
  /** gssSpecReservedIds: spec.reserveGameServerIds as parsed now (the newest explicit list). */
  specIds: ReadonlySet<number>;
  /** gssAnnotationsReservedIds: the annotation, the explicit list OKG last acted on. */
  annotationIds: ReadonlySet<number>;
  /** The StatefulSet's reserveOrdinals: explicit ids and the ones earlier scale-downs freed. */
  statefulSetIds: ReadonlySet<number>;
  expected: number;
  pods: readonly PodView[];
}

export interface ScaleOutcome {
  /** workloadManageIds: the ordinals whose pods the StatefulSet keeps or creates. */
  manage: Set<number>;
  /** newReserveIds: the StatefulSet's new reserveOrdinals. */
  reserve: Set<number>;
  /** Pods removed: newly reserved ones (ascending ordinal), then the scale-down in OKG's order. */
  deleted: PodView[];
  /** Ordinals created, ascending. */
  created: number[];
  /** Servers OKG's sort leaves in no defined order where the scale-down cuts (deletion-order.ts). */
  undefinedOrder: string[];
}

const minus = (a: ReadonlySet<number>, b: ReadonlySet<number>) => new Set([...a].filter((x) => !b.has(x)));

export function computeToScaleGs(input: ScaleInput): ScaleOutcome {
  const { specIds: explicit, annotationIds, expected } = input;
  // 1. The implicit ids (freed by earlier scale-downs) lose those now listed and gain those unlisted.
  const implicit = minus(minus(input.statefulSetIds, annotationIds), minus(explicit, annotationIds));
  for (const id of minus(annotationIds, explicit)) implicit.add(id);

  // 2. Pods being deleted, or held before deletion, are not counted; explicitly reserved ones go.
  const manage = new Set<number>();
  const counted: PodView[] = [];
  const reserved: PodView[] = [];
  const preDeleting = new Set<number>();
  for (const pod of input.pods) {
    if (pod.deleting) continue;
    if (pod.preDeleting) preDeleting.add(pod.index);
    else if (explicit.has(pod.index)) reserved.push(pod);
    else {
      manage.add(pod.index);
      counted.push(pod);
    }
  }
  const deleted = reserved.sort((a, b) => a.index - b.index);

  // 3. Scale up from ordinal 0, skipping kept, reserved and held ordinals (a deleting pod's is reused), or down in order.
  const exist = manage.size;
  const created: number[] = [];
  let undefinedOrder: string[] = [];
  if (exist < expected) {
    for (let i = 0; created.length < expected - exist; i++) {
      if (manage.has(i) || explicit.has(i) || preDeleting.has(i)) continue;
      implicit.delete(i);
      created.push(i);
    }
    for (const i of created) manage.add(i);
  } else if (exist > expected) {
    const sorted = [...counted].sort(deletionOrder);
    const cut = exist - expected;
    const toDelete = new Set(sorted.slice(0, cut).map((p) => p.index));
    for (const i of toDelete) {
      manage.delete(i);
      implicit.add(i);
    }
    deleted.push(...sorted.slice(0, cut));
    undefinedOrder = undefinedAtCut(sorted, cut);
  }
  for (const id of explicit) implicit.add(id);
  return { manage, reserve: implicit, deleted, created, undefinedOrder };
}
