// OKG's controllers, reduced to what tools observe (okg-api.md §4): sets own GameServers
// `<set>-<ordinal>`, scale-down follows OKG's deletion order, Kill lowers replicas, a deleted
// GameServer comes back with the default spec, status mirrors spec, and optional churn.
import { containerStatuses, newGameServer, ordinalOf, OWNER_LABEL } from './content';
import type { Rng } from './rng';
import { nowTimestamp, type Store } from './store';

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
  constructor(
    private readonly store: Store,
    private readonly rng: Rng,
  ) {}

  /** After any write of a set: Kill, scale and status. */
  reconcileSet(namespace: string, name: string): void {
    let set = this.store.get('GameServerSet', namespace, name);
    if (!set) return;
    const owned = () => this.store.view('GameServer', namespace).filter((gs) => gs.metadata.labels?.[OWNER_LABEL] === name);

    const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 0;
    const killed = owned().filter((gs) => gs.spec?.opsState === 'Kill').length;
    if (killed > 0 && owned().length === replicas) {
      set.spec.replicas = Math.max(0, replicas - killed);
      set = this.store.update('GameServerSet', set);
    }

    const want = set.spec.replicas as number;
    const reserved = reservedIds(set);
    let current = owned();
    // Explicitly reserved ids go first, whatever their state; then OKG's order.
    const doomed = [
      ...current.filter((gs) => reserved.has(ordinalOf(gs.metadata.name))),
      ...current.filter((gs) => !reserved.has(ordinalOf(gs.metadata.name))).sort(deletionOrder),
    ];
    const excess = Math.max(current.length - want, current.filter((gs) => reserved.has(ordinalOf(gs.metadata.name))).length);
    for (const gs of doomed.slice(0, excess)) this.store.delete('GameServer', namespace, gs.metadata.name);

    current = owned();
    const used = new Set(current.map((gs) => ordinalOf(gs.metadata.name)));
    for (let ordinal = 0, missing = want - current.length; missing > 0; ordinal++) {
      if (used.has(ordinal) || reserved.has(ordinal)) continue;
      this.store.create('GameServer', newGameServer(set, ordinal));
      missing--;
    }

    this.syncImages(set, owned());
    this.syncSetStatus(set, owned());
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
    if (typeof owner === 'string') this.reconcileSet(gs.metadata.namespace, owner);
  }

  /** Garbage collection of a deleted set's GameServers. */
  setDeleted(set: any): void {
    for (const gs of this.store.view('GameServer', set.metadata.namespace)) {
      if (gs.metadata.labels?.[OWNER_LABEL] === set.metadata.name) this.store.delete('GameServer', gs.metadata.namespace, gs.metadata.name);
    }
  }

  /** One random status change: a GameServer's currentState or its network state flips. */
  churnOnce(): void {
    const all = this.store.view('GameServer');
    if (all.length === 0) return;
    const gs = structuredClone(all[Math.floor(this.rng() * all.length)]);
    gs.status ??= {};
    const now = nowTimestamp();
    if (this.rng() < 0.7 || !gs.status.networkStatus?.networkType) {
      const away = ['NotReady', 'Updating', 'PreUpdate'];
      const next = gs.status.currentState === 'Ready' ? away[Math.floor(this.rng() * away.length)]! : 'Ready';
      gs.status.currentState = next;
      gs.status.lastTransitionTime = now;
    } else {
      const net = gs.status.networkStatus;
      net.currentNetworkState = net.currentNetworkState === 'Ready' ? (this.rng() < 0.5 ? 'Waiting' : 'NotReady') : 'Ready';
      net.lastTransitionTime = now;
    }
    this.store.update('GameServer', gs);
    this.afterGameServerChange(gs);
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
    for (const gs of owned) {
      if (!gs.status?.podStatus) continue;
      const statuses = this.statusesFor(set, gs);
      const images = (s: any[]) => JSON.stringify(s.map((c) => [c.name, c.image]));
      if (images(statuses) === images(gs.status.podStatus.containerStatuses ?? [])) continue;
      const next = structuredClone(gs);
      next.status.podStatus.containerStatuses = statuses;
      this.store.update('GameServer', next);
    }
  }

  private syncSetStatus(set: any, owned: any[]): void {
    const count = (p: (gs: any) => boolean) => owned.filter(p).length;
    const ready = count((gs) => gs.status?.currentState === 'Ready');
    const status = {
      ...(set.status ?? {}),
      observedGeneration: set.metadata.generation,
      replicas: set.spec.replicas,
      currentReplicas: owned.length,
      readyReplicas: ready,
      availableReplicas: ready,
      updatedReplicas: owned.length,
      updatedReadyReplicas: ready,
      maintainingReplicas: count((gs) => gs.spec?.opsState === 'Maintaining'),
      waitToBeDeletedReplicas: count((gs) => gs.spec?.opsState === 'WaitToBeDeleted'),
      preDeleteReplicas: count((gs) => gs.status?.currentState === 'PreDelete'),
      labelSelector: `${OWNER_LABEL}=${set.metadata.name}`,
    };
    if (JSON.stringify(status) !== JSON.stringify(set.status)) this.store.update('GameServerSet', { ...set, status });
  }
}
