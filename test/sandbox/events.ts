// core/v1 Events, recorded as OKG's controllers and kubelet would write them: a set's `Scale`, a
// GameServer's `GsStateChanged`, and its pod's `Scheduled`, `Pulled`, `Created`, `Started`,
// `Killing` and `Unhealthy`. Each namespace keeps a ring of the latest RING_SIZE, so recording is
// O(1) per change whatever the churn, as a real cluster's events expire (after an hour) rather
// than pile up. The fleet a sandbox starts with is a running one: its creation is not recorded.
import { randomUUID } from 'node:crypto';
import { API_VERSION } from './kinds';
import { containerNames } from './pods';
import type { Store, StoredEvent } from './store';
import { nowTimestamp } from './store';

export const RING_SIZE = 1000;

type EventListener = (ev: any) => void;

interface Involved {
  kind: 'Pod' | 'GameServer' | 'GameServerSet';
  apiVersion: string;
  namespace: string;
  name: string;
  uid: string;
  resourceVersion?: string;
  fieldPath?: string;
}

interface Source {
  component: string;
  host?: string;
}

const CONTROLLERS: Record<'GameServer' | 'GameServerSet', Source> = {
  GameServer: { component: 'gameserver-controller' },
  GameServerSet: { component: 'gameserverset-controller' },
};

/** kubelet on the GameServer's node. */
const kubelet = (gs: any): Source => ({ component: 'kubelet', host: String(gs.metadata.labels?.['game.kruise.io/node-name'] ?? 'node-0') });

/** States a change into is a Warning, as OKG's controller words them. */
const WARNING_OPS_STATES = new Set(['Maintaining', 'Crash']);

/** A fixed-size ring of one namespace's events, oldest first when read. */
class Ring {
  private readonly items: any[] = [];
  private next = 0;
  /** The resourceVersion of the latest event dropped to make room (0: none yet). */
  dropped = 0;

  push(ev: any): void {
    if (this.items.length < RING_SIZE) this.items.push(ev);
    else {
      this.dropped = Number(this.items[this.next].metadata.resourceVersion);
      this.items[this.next] = ev;
    }
    this.next = (this.next + 1) % RING_SIZE;
  }

  /** The events, oldest first. */
  all(): any[] {
    return this.items.length < RING_SIZE ? [...this.items] : [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
  }
}

export class EventRecorder {
  private readonly rings = new Map<string, Ring>();
  private readonly listeners = new Set<EventListener>();
  /** Events have their own resourceVersions (a real cluster keeps them in a separate etcd too). */
  private rv = 1;
  /** Off while the starting fleet is built. */
  recording = false;

  constructor(private readonly store: Store) {
    store.subscribe((ev) => this.observe(ev));
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The namespace's kept events, oldest first; every namespace's (by resourceVersion) when none is given. */
  list(namespace?: string): any[] {
    if (namespace !== undefined) return this.rings.get(namespace)?.all() ?? [];
    return [...this.rings.values()].flatMap((r) => r.all()).sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  }

  /** The resourceVersion of the latest event dropped from the namespace (every namespace when none is given); 0 when none was. */
  droppedUpTo(namespace?: string): number {
    if (namespace !== undefined) return this.rings.get(namespace)?.dropped ?? 0;
    let max = 0;
    for (const r of this.rings.values()) max = Math.max(max, r.dropped);
    return max;
  }

  /** Calls `l` with each event recorded from now on; returns the unsubscribe. */
  subscribe(l: EventListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private observe(ev: StoredEvent): void {
    if (!this.recording) return;
    const o = ev.object;
    if (ev.kind === 'GameServerSet') {
      const before = ev.previous?.spec?.replicas;
      const after = o.spec?.replicas;
      if (ev.type === 'MODIFIED' && before !== after)
        this.record(this.involved('GameServerSet', o), 'Normal', 'Scale', `scale from ${before} to ${after}`, CONTROLLERS.GameServerSet);
      return;
    }
    if (ev.type === 'ADDED') this.podStarted(o);
    else if (ev.type === 'DELETED') this.podKilled(o);
    else this.gameServerChanged(ev.previous, o);
  }

  private involved(kind: Involved['kind'], o: any, fieldPath?: string): Involved {
    const { namespace, name, uid, resourceVersion } = o.metadata;
    const apiVersion = kind === 'Pod' ? 'v1' : API_VERSION;
    return { kind, apiVersion, namespace, name, uid: String(uid), resourceVersion, ...(fieldPath ? { fieldPath } : {}) };
  }

  private podStarted(gs: any): void {
    const pod = this.involved('Pod', gs);
    const assigned = `Successfully assigned ${gs.metadata.namespace}/${gs.metadata.name} to ${kubelet(gs).host}`;
    this.record(pod, 'Normal', 'Scheduled', assigned, { component: 'default-scheduler' });
    if (gs.status?.podStatus?.phase === 'Running') this.containersStarted(gs);
  }

  /** kubelet's events for each container of a pod that runs now. */
  private containersStarted(gs: any): void {
    const statuses: any[] = Array.isArray(gs.status?.podStatus?.containerStatuses) ? gs.status.podStatus.containerStatuses : [];
    for (const c of statuses) {
      const at = this.involved('Pod', gs, `spec.containers{${c.name}}`);
      this.record(at, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, kubelet(gs));
      this.record(at, 'Normal', 'Created', `Created container ${c.name}`, kubelet(gs));
      this.record(at, 'Normal', 'Started', `Started container ${c.name}`, kubelet(gs));
    }
  }

  private podKilled(gs: any): void {
    for (const name of containerNames(this.store, gs)) {
      this.record(this.involved('Pod', gs, `spec.containers{${name}}`), 'Normal', 'Killing', `Stopping container ${name}`, kubelet(gs));
    }
  }

  private gameServerChanged(before: any, gs: any): void {
    const was = before?.status?.currentState;
    const is = gs.status?.currentState;
    if (was !== is) {
      this.record(this.involved('GameServer', gs), 'Normal', 'GsStateChanged', `State turn from ${was} to ${is}`, CONTROLLERS.GameServer);
      if (was === 'Creating' && gs.status?.podStatus?.phase === 'Running') this.containersStarted(gs);
      if (is === 'NotReady') {
        const game = containerNames(this.store, gs)[0] ?? 'game';
        this.record(
          this.involved('Pod', gs, `spec.containers{${game}}`),
          'Warning',
          'Unhealthy',
          'Readiness probe failed: no heartbeat from the game server for 10s',
          kubelet(gs),
        );
      }
    }
    const opsBefore = before?.spec?.opsState;
    const opsAfter = gs.spec?.opsState;
    if (opsBefore !== opsAfter) {
      const type = WARNING_OPS_STATES.has(String(opsAfter)) ? 'Warning' : 'Normal';
      this.record(this.involved('GameServer', gs), type, 'GsStateChanged', `OpsState turn from ${opsBefore} to ${opsAfter}`, CONTROLLERS.GameServer);
    }
  }

  private record(on: Involved, type: 'Normal' | 'Warning', reason: string, message: string, source: Source): void {
    const now = nowTimestamp();
    const ev = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata: {
        name: `${on.name}.${randomUUID().replace(/-/g, '').slice(0, 16)}`,
        namespace: on.namespace,
        uid: randomUUID(),
        resourceVersion: String(++this.rv),
        creationTimestamp: now,
      },
      involvedObject: on,
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: '',
    };
    let ring = this.rings.get(on.namespace);
    if (!ring) this.rings.set(on.namespace, (ring = new Ring()));
    ring.push(ev);
    for (const l of this.listeners) l(ev);
  }
}
