import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ABSENT, FleetTally, NO_SET, type TallySnapshot } from '../../client/src/overview/fleet-tally';
import type { KubeObject } from '../../client/src/views/object-fields';
import { gs } from './client-fixtures';

/** A GameServer with a network state (undefined: a set without `spec.network`). */
function server(ns: string, name: string, opts: { set?: string; state?: string; opsState?: string; net?: string } = {}): KubeObject {
  const o = gs(ns, name, opts) as { status: Record<string, unknown> };
  if (opts.net !== undefined) o.status.networkStatus = { currentNetworkState: opts.net };
  return o as KubeObject;
}

/** A cache as the session holds it: keys "namespace/name". */
class Store {
  readonly objects = new Map<string, KubeObject>();
  put(o: KubeObject): string {
    const m = o.metadata as { namespace: string; name: string };
    const key = `${m.namespace}/${m.name}`;
    this.objects.set(key, o);
    return key;
  }
  get = (key: string): KubeObject | undefined => this.objects.get(key);
}

/** Counts of one set as plain objects, or undefined when the tally has none for it. */
function countsOf(t: FleetTally, ns: string, set: string) {
  const c = t.countsOf(ns, set);
  const plain = (m: Map<string, number>) => Object.fromEntries(m);
  return c && { total: c.total, state: plain(c.counts.state), opsState: plain(c.counts.opsState), networkState: plain(c.counts.networkState) };
}

/** The snapshot a walk over every object gives: what the incremental counts must equal. */
function bruteForce(objects: Iterable<KubeObject>): TallySnapshot {
  const t = new FleetTally();
  t.reset(objects);
  return t.snapshot();
}

test('fleetTally: a reset counts by state, opsState and network state per namespace and set', () => {
  const t = new FleetTally();
  t.reset([
    server('prod', 'a-0', { set: 'a', net: 'Ready' }),
    server('prod', 'a-1', { set: 'a', state: 'NotReady', opsState: 'WaitToBeDeleted', net: 'NotReady' }),
    server('prod', 'stray', {}),
    server('dev', 'b-0', { set: 'b' }),
  ]);
  assert.equal(t.total, 4, 'total GameServers');
  assert.deepEqual(countsOf(t, 'prod', 'a'), {
    total: 2,
    state: { Ready: 1, NotReady: 1 },
    opsState: { None: 1, WaitToBeDeleted: 1 },
    networkState: { Ready: 1, NotReady: 1 },
  });
  assert.deepEqual(countsOf(t, 'dev', 'b')?.networkState, { [ABSENT]: 1 }, 'no networkStatus counts as none');
  assert.equal(countsOf(t, 'prod', NO_SET)?.total, 1, 'a GameServer without owner label is counted under NO_SET');
  const snap = t.snapshot();
  assert.deepEqual(
    snap.namespaces.map((n) => [n.namespace, n.total, n.sets.map((s) => s.set)]),
    [
      ['dev', 1, ['b']],
      ['prod', 3, ['a', NO_SET]],
    ],
    'namespaces sorted, the set-less group last',
  );
});

test('fleetTally: adds, updates that move buckets, and deletes adjust only what changed', () => {
  const store = new Store();
  const t = new FleetTally();
  t.reset([]);
  assert.equal(t.takeChanged(), true, 'a reset counts as a change');
  const k0 = store.put(server('prod', 'a-0', { set: 'a', net: 'Ready' }));
  const k1 = store.put(server('prod', 'a-1', { set: 'a', net: 'Ready' }));
  t.apply({ added: [k0, k1], modified: [], deleted: [] }, store.get);
  assert.deepEqual(countsOf(t, 'prod', 'a')?.opsState, { None: 2 });
  assert.equal(t.takeChanged(), true);

  store.put(server('prod', 'a-1', { set: 'a', state: 'NotReady', opsState: 'Allocated', net: 'Waiting' }));
  t.apply({ added: [], modified: [k1], deleted: [] }, store.get);
  assert.deepEqual(
    countsOf(t, 'prod', 'a'),
    {
      total: 2,
      state: { Ready: 1, NotReady: 1 },
      opsState: { None: 1, Allocated: 1 },
      networkState: { Ready: 1, Waiting: 1 },
    },
    'the modified GameServer left its old buckets and joined the new ones',
  );
  t.takeChanged();

  t.apply({ added: [], modified: [k0], deleted: [] }, store.get);
  assert.equal(t.takeChanged(), false, 'a modification that moves no bucket changes nothing');

  store.objects.delete(k1);
  t.apply({ added: [], modified: [], deleted: [k1] }, store.get);
  assert.deepEqual(countsOf(t, 'prod', 'a'), { total: 1, state: { Ready: 1 }, opsState: { None: 1 }, networkState: { Ready: 1 } });
  t.apply({ added: [], modified: [], deleted: [k1] }, store.get);
  assert.equal(t.total, 1, 'deleting a key twice subtracts once');

  store.objects.delete(k0);
  t.apply({ added: [], modified: [], deleted: [k0] }, store.get);
  assert.equal(countsOf(t, 'prod', 'a'), undefined, 'an emptied set leaves the tally');
  assert.deepEqual(t.snapshot(), { total: 0, namespaces: [] }, 'an emptied namespace leaves the tally');
});

test('fleetTally: a GameServer whose owner label changes moves between sets', () => {
  const store = new Store();
  const t = new FleetTally();
  const key = store.put(server('prod', 'x-0', { set: 'a' }));
  store.put(server('prod', 'a-1', { set: 'a' }));
  t.reset(store.objects.values());
  store.put(server('prod', 'x-0', { set: 'b', opsState: 'Maintaining' }));
  t.apply({ added: [], modified: [key], deleted: [] }, store.get);
  assert.deepEqual(countsOf(t, 'prod', 'a')?.opsState, { None: 1 }, 'the old set lost it');
  assert.deepEqual(countsOf(t, 'prod', 'b')?.opsState, { Maintaining: 1 }, 'the new set has it');
  assert.equal(t.total, 2);
});

test('fleetTally: a relist replaces every count', () => {
  const t = new FleetTally();
  t.reset([server('prod', 'a-0', { set: 'a' }), server('prod', 'a-1', { set: 'a' })]);
  t.reset([server('dev', 'b-0', { set: 'b', state: 'Creating' })]);
  assert.equal(countsOf(t, 'prod', 'a'), undefined, 'what the relist no longer has is gone');
  assert.deepEqual(t.snapshot(), bruteForce([server('dev', 'b-0', { set: 'b', state: 'Creating' })]));
});

test('fleetTally: a key the cache no longer holds counts as deleted, odd objects do not throw', () => {
  const t = new FleetTally();
  t.reset([server('prod', 'a-0', { set: 'a' })]);
  t.apply({ added: [], modified: ['prod/a-0'], deleted: [] }, () => undefined);
  assert.equal(t.total, 0);
  const odd = { metadata: { namespace: 'prod', name: 'odd', labels: null }, spec: 7, status: { currentState: 3, networkStatus: [] } };
  t.apply({ added: ['prod/odd'], modified: [], deleted: [] }, () => odd as unknown as KubeObject);
  assert.deepEqual(countsOf(t, 'prod', NO_SET), { total: 1, state: { 3: 1 }, opsState: { None: 1 }, networkState: { [ABSENT]: 1 } });
});

test('fleetTally: after any sequence of changes the counts equal a brute-force count', () => {
  const name = fc.integer({ min: 0, max: 11 });
  const op = fc.record({
    kind: fc.constantFrom('put', 'delete'),
    ns: fc.constantFrom('prod', 'dev'),
    name,
    set: fc.constantFrom(undefined, 'a', 'b'),
    state: fc.constantFrom('Ready', 'NotReady', 'Creating', ''),
    opsState: fc.constantFrom('None', 'Allocated', 'WaitToBeDeleted', 'Kill'),
    net: fc.constantFrom(undefined, 'Ready', 'NotReady'),
  });
  fc.assert(
    fc.property(fc.array(fc.array(op, { maxLength: 8 }), { maxLength: 25 }), (batches) => {
      const store = new Store();
      const t = new FleetTally();
      t.reset([]);
      for (const batch of batches) {
        const change = { added: [] as string[], modified: [] as string[], deleted: [] as string[] };
        for (const o of batch) {
          const key = `${o.ns}/s-${o.name}`;
          const had = store.objects.has(key);
          if (o.kind === 'delete') {
            if (store.objects.delete(key)) change.deleted.push(key);
          } else {
            store.put(server(o.ns, `s-${o.name}`, { set: o.set, state: o.state, opsState: o.opsState, net: o.net }));
            (had ? change.modified : change.added).push(key);
          }
        }
        t.apply(change, store.get);
        const fresh = bruteForce(store.objects.values());
        assert.deepEqual(t.snapshot(), fresh, 'incremental counts differ from a fresh count of the cache');
        assert.equal(JSON.stringify(t.snapshot()), JSON.stringify(fresh), 'equal counts must give the same snapshot, in the same order');
      }
    }),
    { numRuns: 200, seed: 13 },
  );
});
