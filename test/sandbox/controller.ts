// OKG's controllers, reduced to what tools observe: sets own GameServers `<set>-<ordinal>` and scale
// as the engine's planScale foretells (scaling.ts), Kill lowers replicas, a deleted GameServer comes
// back with the default spec, status mirrors spec, a new template rolls out in place as OKG's
// Advanced StatefulSet does it (each GameServer `Updating`, then `Ready` on the new images, over
// time), new pods may take a while to start, and optional churn.
import { imagesUpToDate, newGameServer, ordinalOf, OWNER_LABEL, templateImages, wantedImages } from './content';
import { asCreating, asStarted, asUpdated, asUpdating, overrideImages, restartedOn } from './lifecycle';
import type { Rng } from './rng';
import { nextUpdates } from './rolling-update';
import { SetScaler } from './scaling';
import { SetTallies, type Tally } from './set-tallies';
import { keyOf, nowTimestamp, type Store, type StoredEvent } from './store';
import { Timers } from './timers';

const isNumberLike = (v: unknown) => typeof v === 'number' || typeof v === 'string';

/** GameServers a timer acts on later, by name and uid (a GameServer recreated under the same name is another one). */
type Started = [name: string, uid: string][];

export class OkgController {
  private readonly tallies = new SetTallies(OWNER_LABEL);
  /** Per set, the uid and generation last rolled out (a new generation may carry a new template). */
  private readonly rolledOut = new Map<string, string>();
  /** Per set, how many GameServers still wait for its template (paused, or held by partition or maxUnavailable). */
  private readonly waiting = new Map<string, number>();
  /** Per set, the GameServers (name → uid) whose in-place update is in flight. */
  private readonly updating = new Map<string, Map<string, string>>();
  private readonly timers = new Timers();
  private readonly scaler: SetScaler;
  /** How long a new pod takes to start: its GameServer is `Creating` until then. 0: `Ready` at once. */
  startupMs = 0;
  /**
   * How long OKG takes to copy a changed opsState onto the pod's label, which scale-down and Kill
   * read (kruise-game issue #321: minutes under load). 0: at once. The set's counters read the spec.
   */
  opsStateSyncMs = 0;
  /** The pod labels not yet copied: GameServer key → the opsState the pod still shows, for that uid. */
  private readonly podOpsState = new Map<string, { opsState: unknown; uid: string }>();

  /** `inPlaceUpdateMs`: how long one GameServer's in-place update takes. */
  constructor(
    private readonly store: Store,
    private readonly rng: Rng,
    private readonly inPlaceUpdateMs = 500,
  ) {
    store.subscribe((ev) => {
      this.tallies.observe(ev);
      this.copyOpsStateLater(ev);
    });
    this.scaler = new SetScaler(
      store,
      (namespace, name) => this.podViews(namespace, name),
      (set, ordinals) => this.createGameServers(set, ordinals),
    );
  }

  /**
   * After any write of a set, or of one of its GameServers: Kill, scale, the rollout and status.
   * A change that moves no count reads only tallies; only scaling, a new generation of the set or
   * a finished update (`rollOut`) walk the set's GameServers, and never any other set's.
   */
  reconcileSet(namespace: string, name: string, rollOut = false): void {
    const setKey = keyOf(namespace, name);
    const before = this.store.peek('GameServerSet', setKey);
    if (!before) return;
    const scaled = this.scaler.scale(before, this.tallies.of(namespace, name));
    const set = this.store.peek('GameServerSet', setKey);
    const version = `${set.metadata.uid}/${set.metadata.generation}`;
    if (rollOut || this.rolledOut.get(setKey) !== version || (scaled && this.waiting.has(setKey))) {
      this.rolledOut.set(setKey, version);
      this.rollOut(set);
    }
    this.syncSetStatus(set, this.tallies.of(namespace, name));
  }

  /** After a write of a GameServer's spec: status priorities and network follow spec, its own images reach its pod, then its set. */
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
    // OKG patches a GameServer's own images into its pod straight away, around the rollout; removing one reverts nothing.
    const pod = next.status.podStatus;
    if (pod) pod.containerStatuses = restartedOn(pod.containerStatuses, overrideImages(gs), name, nowTimestamp());
    if (JSON.stringify(next.status) !== JSON.stringify(gs.status)) this.store.update('GameServer', next);
    this.afterGameServerChange(gs);
  }

  /** After a user deleted a GameServer: its pod still runs, so OKG makes it again at once, with the default spec. */
  gameServerDeleted(gs: any): void {
    const { namespace, name, labels } = gs.metadata;
    const owner = labels?.[OWNER_LABEL];
    const set = typeof owner === 'string' ? this.store.peek('GameServerSet', keyOf(namespace, owner)) : undefined;
    if (set && name === `${owner}-${ordinalOf(name)}`) this.store.create('GameServer', newGameServer(set, ordinalOf(name)));
    this.afterGameServerChange(gs);
  }

  /** After a GameServer changed or went away: its set reacts (Kill, counters). */
  afterGameServerChange(gs: any): void {
    const owner = gs.metadata?.labels?.[OWNER_LABEL];
    if (typeof owner === 'string') this.reconcileSet(gs.metadata.namespace, owner);
  }

  /** Garbage collection of a deleted set's GameServers. */
  setDeleted(set: any): void {
    const setKey = keyOf(set.metadata.namespace, set.metadata.name);
    this.rolledOut.delete(setKey);
    this.waiting.delete(setKey);
    this.updating.delete(setKey);
    this.scaler.forget(set.metadata.namespace, set.metadata.name);
    for (const gs of this.store.owned('GameServer', set.metadata.namespace, set.metadata.name)) {
      this.store.delete('GameServer', gs.metadata.namespace, gs.metadata.name);
    }
  }

  /** Cancels the work still to come (pods starting, updates finishing). */
  stop(): void {
    this.timers.stop();
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

  /** The set's GameServers as their pods show them: with the opsState a pod still shows while OKG has not copied the new one. */
  private podViews(namespace: string, name: string): any[] {
    return this.store.owned('GameServer', namespace, name).map((gs) => {
      const pod = this.podOpsState.get(keyOf(namespace, gs.metadata.name));
      return pod && pod.uid === gs.metadata.uid ? { ...gs, spec: { ...gs.spec, opsState: pod.opsState } } : gs;
    });
  }

  /** New pods of `set` at `ordinals`: their GameServers, `Creating` for `startupMs` when it is set. */
  private createGameServers(set: any, ordinals: number[]): void {
    const starting: Started = [];
    for (const ordinal of ordinals) {
      const gs = newGameServer(set, ordinal);
      const stored = this.store.create('GameServer', this.startupMs > 0 ? asCreating(gs) : gs);
      if (this.startupMs > 0) starting.push([stored.metadata.name, stored.metadata.uid]);
    }
    if (starting.length > 0) this.timers.after(this.startupMs, () => this.started(set.metadata.namespace, set.metadata.name, starting));
  }

  /** After a GameServer's opsState changed, its pod keeps showing the one before for `opsStateSyncMs`. */
  private copyOpsStateLater(ev: StoredEvent): void {
    if (ev.kind !== 'GameServer' || this.opsStateSyncMs <= 0) return;
    const { namespace, name, uid } = ev.object.metadata;
    const key = keyOf(namespace, name);
    if (ev.type === 'DELETED') this.podOpsState.delete(key);
    const pending = this.podOpsState.get(key);
    if (ev.type !== 'MODIFIED' || ev.previous?.spec?.opsState === ev.object.spec?.opsState || pending?.uid === uid) return;
    this.podOpsState.set(key, { opsState: ev.previous?.spec?.opsState, uid });
    this.timers.after(this.opsStateSyncMs, () => {
      if (this.podOpsState.get(key)?.uid !== uid) return;
      this.podOpsState.delete(key);
      const owner = this.store.peek('GameServer', key)?.metadata.labels?.[OWNER_LABEL];
      if (typeof owner === 'string') this.reconcileSet(namespace, owner);
    });
  }

  /** Starts the in-place updates the set's rolling update allows now; each finishes `inPlaceUpdateMs` later. */
  private rollOut(set: any): void {
    const { namespace, name } = set.metadata;
    const setKey = keyOf(namespace, name);
    const template = templateImages(set);
    const inFlight = this.updating.get(setKey) ?? new Map<string, string>();
    const owned = this.store.owned('GameServer', namespace, name);
    const isUpdating = (gs: any) => inFlight.get(gs.metadata.name) === gs.metadata.uid;
    const { start, waiting } = nextUpdates(set, owned, (gs) => imagesUpToDate(template, gs), isUpdating);
    if (waiting > 0) this.waiting.set(setKey, waiting);
    else this.waiting.delete(setKey);
    if (start.length === 0) return;
    const started: Started = start.map((gs) => {
      const stored = this.store.update('GameServer', asUpdating(gs));
      inFlight.set(stored.metadata.name, stored.metadata.uid);
      return [stored.metadata.name, stored.metadata.uid];
    });
    this.updating.set(setKey, inFlight);
    this.timers.after(this.inPlaceUpdateMs, () => this.updated(namespace, name, started));
  }

  /** The updates of `started` are done: they run the template's images now, and the rollout goes on. */
  private updated(namespace: string, setName: string, started: Started): void {
    const setKey = keyOf(namespace, setName);
    const inFlight = this.updating.get(setKey);
    const set = this.store.peek('GameServerSet', setKey);
    for (const [name, uid] of started) {
      if (inFlight?.get(name) === uid) inFlight.delete(name);
      const gs = this.store.peek('GameServer', keyOf(namespace, name));
      if (set && gs?.metadata.uid === uid) this.store.update('GameServer', asUpdated(gs, wantedImages(templateImages(set), gs)));
    }
    if (inFlight?.size === 0) this.updating.delete(setKey);
    this.reconcileSet(namespace, setName, true);
  }

  /** The pods of `started` are running: their GameServers become Ready. */
  private started(namespace: string, setName: string, started: Started): void {
    for (const [name, uid] of started) {
      const gs = this.store.peek('GameServer', keyOf(namespace, name));
      if (gs?.metadata.uid === uid && gs.status?.podStatus?.phase === 'Pending') this.store.update('GameServer', asStarted(gs));
    }
    this.reconcileSet(namespace, setName);
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
