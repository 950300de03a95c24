// What a GameServerSet's status counts of its GameServers, kept up to date from the store's
// events (take away the version before, add the one after), so a set's status after one of
// its GameServers changed costs O(1) instead of a pass over all of them.
import { keyOf, type StoredEvent } from './store';

export interface Tally {
  total: number;
  ready: number;
  preDelete: number;
  maintaining: number;
  waitToBeDeleted: number;
  /** GameServers whose opsState is Kill, which the set drops from its replicas. */
  killed: number;
  /** GameServers whose pod is being deleted: while any is, OKG does not act on Kill. */
  deleting: number;
}

const empty = (): Tally => ({ total: 0, ready: 0, preDelete: 0, maintaining: 0, waitToBeDeleted: 0, killed: 0, deleting: 0 });

export class SetTallies {
  private readonly bySet = new Map<string, Tally>();

  constructor(private readonly ownerLabel: string) {}

  /** The tally of the GameServers whose owner label is `name`, in `namespace`. */
  of(namespace: string, name: string): Tally {
    return this.bySet.get(keyOf(namespace, name)) ?? empty();
  }

  observe(ev: StoredEvent): void {
    if (ev.kind !== 'GameServer') return;
    if (ev.type !== 'ADDED') this.count(ev.previous ?? ev.object, -1);
    if (ev.type !== 'DELETED') this.count(ev.object, 1);
  }

  private count(gs: any, sign: 1 | -1): void {
    const owner = gs.metadata.labels?.[this.ownerLabel];
    if (typeof owner !== 'string') return;
    const k = keyOf(gs.metadata.namespace, owner);
    let t = this.bySet.get(k);
    if (!t) this.bySet.set(k, (t = empty()));
    t.total += sign;
    const state = gs.status?.currentState;
    const ops = gs.spec?.opsState;
    if (state === 'Ready') t.ready += sign;
    if (state === 'PreDelete') t.preDelete += sign;
    if (ops === 'Maintaining') t.maintaining += sign;
    if (ops === 'WaitToBeDeleted') t.waitToBeDeleted += sign;
    if (ops === 'Kill') t.killed += sign;
    if (state === 'Deleting' || gs.metadata.deletionTimestamp) t.deleting += sign;
    if (t.total === 0) this.bySet.delete(k);
  }
}
