// How the sandbox scales a set: each scale is planned by the engine's planScale (the same function a
// preview calls) and applied at once, so what is foretold is what happens (docs/scale-plan.md).
// Per set it keeps what OKG's Advanced StatefulSet holds of a scale: the replicas last scaled to.
// Its reserveOrdinals are left to the set's game.kruise.io/reserve-ids annotation, as planScale reads
// them without a StatefulSet. The sandbox has no pods to wait for, so a scale settles at once.
import { planScale, type ScalePlan } from '../../server/src/engine';
import { ordinalsAsIntOrString } from '../../server/src/engine/internal';
import { ordinalOf } from './content';
import type { Tally } from './set-tallies';
import { keyOf, type Store } from './store';

const RESERVE_IDS_ANNOTATION = 'game.kruise.io/reserve-ids';

/** Notes of a plan after which OKG does not scale. */
const IDLE = new Set(['no-change', 'unreadable', 'too-large']);

const idle = (plan: ScalePlan) => plan.notes.some((n) => IDLE.has(n.code));

interface StatefulSet {
  /** The set it belongs to: a set deleted and created again under its name gets a new one. */
  uid: string;
  replicas: number;
  /** The inputs of the last plan (scaleInputs): while they stay and no Kill is due, nothing is planned. */
  seen: string;
}

/** What OKG's IsNeedToScale compares, for the set it belongs to. */
const scaleInputs = (set: any) =>
  JSON.stringify([set.metadata.uid, set.spec?.replicas, set.spec?.reserveGameServerIds ?? null, set.metadata.annotations?.[RESERVE_IDS_ANNOTATION] ?? null]);

/** A GameServer whose pod is being deleted, or held before deletion. */
const isGoing = (gs: any) => ['Deleting', 'PreDelete'].includes(gs.status?.currentState) || Boolean(gs.metadata.deletionTimestamp);

export class SetScaler {
  private readonly statefulSets = new Map<string, StatefulSet>();

  /**
   * `podsOf` gives a set's GameServers as its pods show them (planScale's input); `create` makes
   * the GameServers of new pods.
   */
  constructor(
    private readonly store: Store,
    private readonly podsOf: (namespace: string, name: string) => any[],
    private readonly create: (set: any, ordinals: number[]) => void,
  ) {}

  /**
   * Scales `set` if replicas or its reserved ids changed, or a Kill is due (read from `tally`, so
   * other changes cost nothing); true when GameServers came or went.
   */
  scale(set: any, tally: Tally): boolean {
    const { namespace, name, uid } = set.metadata;
    const key = keyOf(namespace, name);
    let sts = this.statefulSets.get(key);
    const created = sts?.uid !== uid;
    if (!sts || created) sts = this.createStatefulSet(set);
    const killDue = tally.killed > 0 && tally.deleting === 0 && tally.total === sts.replicas && set.spec.replicas === sts.replicas;
    if (sts.seen === scaleInputs(set) && !killDue) return created;
    let scaled = created;
    // A scale, then the Kill follow-up it may lead to (the plan's `killed`); the last pass finds nothing to do.
    for (let pass = 0; pass < 3; pass++) {
      const current = this.store.peek('GameServerSet', key);
      const plan = planScale(current, this.podsOf(namespace, name), current.spec.replicas, { spec: { replicas: sts.replicas } });
      if (idle(plan)) break;
      this.apply(current, plan, true);
      sts.replicas = plan.replicas;
      scaled = true;
    }
    sts.seen = scaleInputs(this.store.peek('GameServerSet', key));
    return scaled;
  }

  /** The set is gone, and its StatefulSet with it. */
  forget(namespace: string, name: string): void {
    this.statefulSets.delete(keyOf(namespace, name));
  }

  /** OKG's initAsts: the StatefulSet starts at the set's replicas, skipping its reserved ids, and writes nothing back. */
  private createStatefulSet(set: any): StatefulSet {
    const { namespace, name, uid } = set.metadata;
    const statefulSet = { spec: { replicas: 0, reserveOrdinals: set.spec?.reserveGameServerIds ?? [] } };
    const plan = planScale(set, this.podsOf(namespace, name), set.spec.replicas, statefulSet);
    if (!idle(plan)) this.apply(set, plan, false);
    const sts: StatefulSet = { uid, replicas: plan.replicas, seen: '' };
    this.statefulSets.set(keyOf(namespace, name), sts);
    return sts;
  }

  private apply(set: any, plan: ScalePlan, writesBack: boolean): void {
    const { namespace, name } = set.metadata;
    const key = keyOf(namespace, name);
    // Kill: OKG lowers replicas in a reconcile of its own, before the scale.
    if (plan.replicas !== set.spec.replicas) this.store.update('GameServerSet', { ...set, spec: { ...set.spec, replicas: plan.replicas } });
    for (const gsName of plan.delete) this.remove(namespace, gsName);
    for (const gs of this.store.owned('GameServer', namespace, name)) if (isGoing(gs)) this.remove(namespace, gs.metadata.name);
    if (plan.create.length > 0) this.create(this.store.peek('GameServerSet', key), plan.create.map(ordinalOf));
    if (writesBack) this.writeBack(key, plan);
  }

  private remove(namespace: string, name: string): void {
    if (this.store.peek('GameServer', keyOf(namespace, name))) this.store.delete('GameServer', namespace, name);
  }

  /** The ids ReserveIds writes into the spec (none left: the field goes, as a merge patch of null does) and the annotation. */
  private writeBack(key: string, plan: ScalePlan): void {
    const { reserveGameServerIds: ids, reserveIdsAnnotation: text } = plan;
    if (ids === undefined && text === undefined) return;
    const set = this.store.peek('GameServerSet', key);
    const spec = { ...set.spec };
    if (ids && ids.length > 0) spec.reserveGameServerIds = ordinalsAsIntOrString(ids);
    else if (ids) delete spec.reserveGameServerIds;
    const annotations = text === undefined ? set.metadata.annotations : { ...set.metadata.annotations, [RESERVE_IDS_ANNOTATION]: text };
    this.store.update('GameServerSet', { ...set, metadata: { ...set.metadata, annotations }, spec });
  }
}
