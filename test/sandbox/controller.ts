// OKG's controllers, reduced to what tools observe: sets own GameServers
// `<set>-<ordinal>`, scale-down follows OKG's deletion order, Kill lowers replicas, a deleted
// GameServer comes back with the default spec, status mirrors spec, and optional churn.
import { containerStatuses, imagesUpToDate, newGameServer, ordinalOf, OWNER_LABEL, templateImages } from './content';
import type { Rng } from './rng';
import { SetTallies, type Tally } from './set-tallies';
import { keyOf, nowTimestamp, type Store } from './store';

/** OKG's opsState weights for deletion (pkg/util/gameserver.go): higher goes first; custom values count as None. */
const OPS_STATE_WEIGHT: Record<string, number> = { Kill: 100, WaitToBeDeleted: 1, None: 0, Allocated: -1, Maintaining: -2 };

/** strconv.Atoi semantics: anything but a whole number counts as 0. */
function priority(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}

/** The order in which OKG removes GameServers on scale-down. */
export function deletionOrder(a: any, b: any): number {
  const wa = OPS_STATE_WEIGHT[a.spec?.opsState] ?? 0;
  const wb = OPS_STATE_WEIGHT[b.spec?.opsState] ?? 0;
  if (wa !== wb) return wb - wa;
  const pa = priority(a.spec?.deletionPriority);
  const pb = priority(b.spec?.deletionPriority);
  if (pa !== pb) return pb - pa;
  return ordinalOf(b.metadata.name) - ordinalOf(a.metadata.name);
}

/** reserveGameServerIds: ints and "a-b" ranges. */
function reservedIds(set: any): Set<number> {
  const out = new Set<number>();
  for (const v of Array.isArray(set.spec?.reserveGameServerIds) ? set.spec.reserveGameServerIds : []) {
    if (typeof v === 'number') out.add(v);
    const range = typeof v === 'string' ? /^(\d+)(?:-(\d+))?$/.exec(v.trim()) : null;
    if (range) for (let i = Number(range[1]); i <= Number(range[2] ?? range[1]) && i - Number(range[1]) < 10000; i++) out.add(i);
  }
  return out;
}

const isNumberLike = (v: unknown) => typeof v === 'number' || typeof v === 'string';

export class OkgController {
  private readonly tallies = new SetTallies(OWNER_LABEL);
  /** Per set, the uid and generation whose template images every GameServer already shows. */
  private readonly imagesSynced = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly rng: Rng,
  ) {
    store.subscribe((ev) => this.tallies.observe(ev));
  }

  /**
   * After any write of a set, or of one of its GameServers (`touched`): Kill, scale, images and
   * status. A change that moves no count reads only tallies; only scaling, reserved ids or a new
   * generation of the set walk the set's GameServers, and never any other set's.
   */
  reconcileSet(namespace: string, name: string, touched?: string): void {
    const setKey = keyOf(namespace, name);
    let set = this.store.peek('GameServerSet', setKey);
    if (!set) return;
    const tally = this.tallies.of(namespace, name);

    const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 0;
    if (tally.killed > 0 && tally.total === replicas) {
      set = this.store.update('GameServerSet', { ...set, spec: { ...set.spec, replicas: Math.max(0, replicas - tally.killed) } });
    }

    const want = set.spec.replicas as number;
    const reserved = reservedIds(set);
    if (tally.total > want || reserved.size > 0) {
      const current = this.store.owned('GameServer', namespace, name);
      const isReserved = (gs: any) => reserved.has(ordinalOf(gs.metadata.name));
      const excess = Math.max(current.length - want, current.filter(isReserved).length);
      // Explicitly reserved ids go first, whatever their state; then OKG's order.
      const doomed = excess > 0 ? [...current.filter(isReserved), ...current.filter((gs) => !isReserved(gs)).sort(deletionOrder)] : [];
      for (const gs of doomed.slice(0, excess)) this.store.delete('GameServer', namespace, gs.metadata.name);
    }

    if (tally.total < want) {
      const used = new Set(this.store.owned('GameServer', namespace, name).map((gs) => ordinalOf(gs.metadata.name)));
      for (let ordinal = 0, missing = want - tally.total; missing > 0; ordinal++) {
        if (used.has(ordinal) || reserved.has(ordinal)) continue;
        this.store.create('GameServer', newGameServer(set, ordinal));
        missing--;
      }
    }

    // A new generation may have a new template: every GameServer is checked; otherwise only the one that changed.
    const version = `${set.metadata.uid}/${set.metadata.generation}`;
    if (this.imagesSynced.get(setKey) !== version) {
      this.syncImages(set, this.store.owned('GameServer', namespace, name));
      this.imagesSynced.set(setKey, version);
    } else if (touched !== undefined) {
      const gs = this.store.peek('GameServer', keyOf(namespace, touched));
      if (gs && gs.metadata.labels?.[OWNER_LABEL] === name) this.syncImages(set, [gs]);
    }
    this.syncSetStatus(set, this.tallies.of(namespace, name));
  }

  /** After a write of a GameServer's spec: status priorities and network follow spec, then its set. */
  gameServerWritten(namespace: string, name: string): void {
    const gs = this.store.get('GameServer', namespace, name);
    if (!gs) return;
    const next = structuredClone(gs);
    next.status ??= {};
    if (isNumberLike(gs.spec?.updatePriority)) next.status.updatePriority = String(gs.spec.updatePriority);
    if (isNumberLike(gs.spec?.deletionPriority)) next.status.deletionPriority = String(gs.spec.deletionPriority);
    const net = next.status.networkStatus;
    if (net?.networkType) {
      const state = gs.spec?.networkDisabled === true ? 'NotReady' : 'Ready';
      if (net.desiredNetworkState !== state) {
        net.desiredNetworkState = state;
        net.currentNetworkState = state;
        net.lastTransitionTime = nowTimestamp();
      }
    }
    const set = this.ownerOf(gs);
    if (set && next.status.podStatus) next.status.podStatus.containerStatuses = this.statusesFor(set, next);
    if (JSON.stringify(next.status) !== JSON.stringify(gs.status)) this.store.update('GameServer', next);
    this.afterGameServerChange(gs);
  }

  /** After a GameServer changed or went away: its set reacts (Kill, recreation, counters). */
  afterGameServerChange(gs: any): void {
    const owner = gs.metadata?.labels?.[OWNER_LABEL];
    if (typeof owner === 'string') this.reconcileSet(gs.metadata.namespace, owner, gs.metadata.name);
  }

  /** Garbage collection of a deleted set's GameServers. */
  setDeleted(set: any): void {
    this.imagesSynced.delete(keyOf(set.metadata.namespace, set.metadata.name));
    for (const gs of this.store.owned('GameServer', set.metadata.namespace, set.metadata.name)) {
      this.store.delete('GameServer', gs.metadata.namespace, gs.metadata.name);
    }
  }

  /** One random status change: a GameServer's currentState or its network state flips (what OKG's controller writes). */
  churnOnce(): void {
    const gs = this.store.pick('GameServer', this.rng());
    if (!gs) return;
    // Only the changed path is new; the rest is shared with the stored version (never changed in place).
    const status = { ...(gs.status ?? {}) };
    const now = nowTimestamp();
    if (this.rng() < 0.7 || !status.networkStatus?.networkType) {
      const away = ['NotReady', 'Updating', 'PreUpdate'];
      status.currentState = status.currentState === 'Ready' ? away[Math.floor(this.rng() * away.length)]! : 'Ready';
      status.lastTransitionTime = now;
    } else {
      const net = status.networkStatus;
      const state = net.currentNetworkState === 'Ready' ? (this.rng() < 0.5 ? 'Waiting' : 'NotReady') : 'Ready';
      status.networkStatus = { ...net, currentNetworkState: state, lastTransitionTime: now };
    }
    this.afterGameServerChange(this.store.update('GameServer', { ...gs, status }));
  }

  private ownerOf(gs: any): any | undefined {
    const owner = gs.metadata?.labels?.[OWNER_LABEL];
    return typeof owner === 'string' ? this.store.get('GameServerSet', gs.metadata.namespace, owner) : undefined;
  }

  private statusesFor(set: any, gs: any): any[] {
    const since = gs.status?.podStatus?.startTime ?? nowTimestamp();
    return containerStatuses(set, gs, since);
  }

  /** In-place image updates: container statuses follow the template (and the GameServer's overrides). */
  private syncImages(set: any, owned: any[]): void {
    const template = templateImages(set);
    for (const gs of owned) {
      if (imagesUpToDate(template, gs)) continue;
      const next = structuredClone(gs);
      next.status.podStatus.containerStatuses = this.statusesFor(set, gs);
      this.store.update('GameServer', next);
    }
  }

  private syncSetStatus(set: any, tally: Tally): void {
    const status = {
      ...(set.status ?? {}),
      observedGeneration: set.metadata.generation,
      replicas: set.spec.replicas,
      currentReplicas: tally.total,
      readyReplicas: tally.ready,
      availableReplicas: tally.ready,
      updatedReplicas: tally.total,
      updatedReadyReplicas: tally.ready,
      maintainingReplicas: tally.maintaining,
      waitToBeDeletedReplicas: tally.waitToBeDeleted,
      preDeleteReplicas: tally.preDelete,
      labelSelector: `${OWNER_LABEL}=${set.metadata.name}`,
    };
    if (JSON.stringify(status) !== JSON.stringify(set.status)) this.store.update('GameServerSet', { ...set, status });
  }
}
