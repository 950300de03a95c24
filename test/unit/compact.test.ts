// The cache's compact copies read the same as whole objects: for every field of the filter
// registries (its getter, its documented example, and a filter built to match the whole object),
// and for everything the tree and its tooltips show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Compactor, keptPaths } from '../../client/src/cluster/compact';
import type { KubeObject, ResourceKind } from '../../client/src/cluster/resources';
import { gameServerDescription, gameServerIcon, setDescription, setTooltip } from '../../client/src/views/presentation';
import { ownerSetOf } from '../../client/src/views/object-fields';
import { compileFilter } from '../../server/src/engine/filter/compile';
import { GAME_SERVER_FIELDS, GAME_SERVER_SET_FIELDS, readPaths, type FieldDef, type Registry } from '../../server/src/engine/filter/fields';
import { defaultSet, newGameServer } from '../sandbox/content';

/** As the API server sends it: stored metadata, and through JSON. */
function stored<T>(obj: T, rv: number): T {
  const o = structuredClone(obj) as { metadata: Record<string, unknown> };
  o.metadata.uid = `uid-${rv}`;
  o.metadata.resourceVersion = String(rv);
  o.metadata.generation = 2;
  o.metadata.creationTimestamp = '2026-12-01T00:00:00Z';
  o.metadata.managedFields = [{ manager: 'okg', operation: 'Update', fieldsV1: { 'f:status': {} } }];
  return JSON.parse(JSON.stringify(o)) as T;
}

const set = stored(defaultSet(2, 'game', 3), 1);

/** Sandbox GameServers, and variants with every odd value a reader must tolerate. */
function gameServers(): KubeObject[] {
  const base = () => newGameServer(set, 0);
  const variants: ((gs: any) => void)[] = [
    () => undefined,
    (gs) => {
      gs.spec.opsState = 'Maintaining';
      gs.spec.updatePriority = '10';
      gs.spec.deletionPriority = 'not-a-number';
      gs.status.updatePriority = '10';
      gs.status.currentState = 'Crash';
      gs.metadata.deletionTimestamp = '2026-12-01T00:00:01Z';
    },
    (gs) => {
      delete gs.status;
      delete gs.spec;
    },
    (gs) => {
      gs.status.networkStatus = { currentNetworkState: 'NotReady', externalAddresses: [{ endPoint: 'lb.example.com', portRange: { portRange: '8000-8010' } }] };
      gs.status.podStatus.containerStatuses = [null, { name: 'game' }, 'odd', { image: 'only:image' }];
      gs.status.conditions = [{ type: 'PodNormal', status: 'False', reason: 'CrashLoop', message: 'back-off 5m' }];
      gs.status.serviceQualitiesConditions = [{ name: 'healthy', status: 'True', result: 'ok', lastProbeTime: 'x' }];
    },
    (gs) => {
      gs.status.podStatus.containerStatuses = { name: 'not-an-array' };
      gs.spec = ['not', 'an', 'object'];
      gs.status.networkStatus = 'Ready';
    },
  ];
  return variants.map((change, i) => {
    const gs = base();
    change(gs);
    return stored(gs, 10 + i);
  });
}

function gameServerSets(): KubeObject[] {
  const odd = structuredClone(set);
  odd.spec.gameServerTemplate.spec.containers = [{ name: 'game' }, 7];
  delete odd.status;
  return [set, stored({ ...odd, status: { currentReplicas: 2, readyReplicas: 1 } }, 2), stored(odd, 3)];
}

/**
 * Filters that the whole object matches, built from its own value of the field (none for an empty
 * list, which kruise-game-api refuses as an operand; the getter comparison covers that case).
 */
function matchingFilters(f: FieldDef, obj: unknown): string[] {
  const v = f.get(obj);
  if (!Array.isArray(v)) return [JSON.stringify({ [f.name]: v })];
  return v.length === 0 ? [] : [JSON.stringify({ [f.name]: v }), JSON.stringify({ [f.name]: { $all: v } })];
}

function checkFields(reg: Registry, kind: ResourceKind, objects: KubeObject[]): void {
  const compactor = new Compactor(kind);
  for (const whole of objects) {
    const compact = compactor.compact(whole);
    const which = `${kind} ${whole.metadata.name} rv ${whole.metadata.resourceVersion}`;
    for (const f of reg.fields.values()) {
      assert.deepEqual(f.get(compact), f.get(whole), `${which}: field ${f.name} reads ${JSON.stringify(f.get(compact))} from the compact copy`);
      for (const text of [f.example, ...matchingFilters(f, whole)]) {
        const filter = compileFilter(text, kind);
        assert.ok(filter.ok, `${text} compiles`);
        assert.equal(filter.matches(compact), filter.matches(whole), `${which}: ${text} answers differently on the compact copy`);
        if (text !== f.example) assert.ok(filter.matches(whole), `${which}: ${text} is built to match the whole object`);
      }
    }
  }
}

describe('compact cache objects', () => {
  it('read the same as the whole object for every GameServer filter field', () => {
    checkFields(GAME_SERVER_FIELDS, 'GameServer', gameServers());
  });

  it('read the same as the whole object for every GameServerSet filter field', () => {
    checkFields(GAME_SERVER_SET_FIELDS, 'GameServerSet', gameServerSets());
  });

  it('keep every path the registries read', () => {
    for (const [kind, reg] of [
      ['GameServer', GAME_SERVER_FIELDS],
      ['GameServerSet', GAME_SERVER_SET_FIELDS],
    ] as const) {
      const kept = new Set(keptPaths(kind).map((p) => p.join('.')));
      for (const p of readPaths(reg)) assert.ok(kept.has(p.join('.')), `${kind}: ${p.join('.')} is read by a filter field but not kept`);
    }
  });

  it('show the same in the tree rows and set tooltips (a GameServer tooltip reads the whole object)', () => {
    const compactor = new Compactor('GameServer');
    for (const whole of gameServers()) {
      const c = compactor.compact(whole);
      const which = `GameServer rv ${whole.metadata.resourceVersion}`;
      assert.equal(gameServerDescription(c), gameServerDescription(whole), `${which}: description`);
      assert.deepEqual(gameServerIcon(c), gameServerIcon(whole), `${which}: icon`);
      assert.equal(ownerSetOf(c), ownerSetOf(whole), `${which}: owner set`);
    }
    const sets = new Compactor('GameServerSet');
    for (const whole of gameServerSets()) {
      const c = sets.compact(whole);
      assert.equal(setDescription(c, 3), setDescription(whole, 3), `set rv ${whole.metadata.resourceVersion}: description`);
      assert.equal(setTooltip(c, 'n', 'ns'), setTooltip(whole, 'n', 'ns'), `set rv ${whole.metadata.resourceVersion}: tooltip`);
    }
  });

  it('keep kind and version, and drop what nothing reads (the uid: writes guard on the whole object they read)', () => {
    const [whole] = gameServers();
    const c = new Compactor('GameServer').compact(whole) as any;
    assert.deepEqual(
      { apiVersion: c.apiVersion, kind: c.kind, uid: c.metadata.uid, rv: c.metadata.resourceVersion, generation: c.metadata.generation },
      { apiVersion: whole.apiVersion, kind: whole.kind, uid: undefined, rv: '10', generation: 2 },
    );
    assert.deepEqual(c.metadata.labels, { 'game.kruise.io/owner-gss': set.metadata.name }, 'only the owner label is kept');
    for (const gone of ['managedFields', 'annotations', 'ownerReferences', 'creationTimestamp'])
      assert.equal(c.metadata[gone], undefined, `metadata.${gone} is dropped`);
    assert.deepEqual(Object.keys(c.status.podStatus), ['containerStatuses'], 'only the container images of the pod status are kept');
    assert.deepEqual(Object.keys(c.status.podStatus.containerStatuses[0]).sort(), ['image', 'name']);
    const deleting = new Compactor('GameServer').compact(gameServers()[1]) as any;
    assert.equal(deleting.metadata.deletionTimestamp, '2026-12-01T00:00:01Z', 'deletionTimestamp is kept');
  });

  it('share equal parts between objects, frozen, and never merge different ones', () => {
    const compactor = new Compactor('GameServer');
    const a = compactor.compact(stored(newGameServer(set, 1), 100)) as any;
    const b = compactor.compact(stored(newGameServer(set, 2), 101)) as any;
    assert.equal(a.status.podStatus, b.status.podStatus, 'the images of two members of a set are one object');
    assert.equal(a.metadata.labels, b.metadata.labels, 'the owner label is one object');
    assert.ok(Object.isFrozen(a.status.podStatus) && Object.isFrozen(a.status.podStatus.containerStatuses[0]), 'shared parts are frozen');
    assert.ok(!Object.isFrozen(a) && !Object.isFrozen(a.metadata), 'the object itself is not');
    const changed = newGameServer(set, 3);
    changed.spec.opsState = 'Kill';
    const c = compactor.compact(stored(changed, 102)) as any;
    assert.notEqual(c.spec, a.spec);
    assert.deepEqual([a.spec.opsState, c.spec.opsState], ['None', 'Kill']);
  });

  it('a pool that fills starts over and still copies correctly', () => {
    const compactor = new Compactor('GameServer', 4);
    for (let i = 0; i < 20; i++) {
      const gs = newGameServer(set, i);
      gs.spec.updatePriority = i;
      const c = compactor.compact(stored(gs, 200 + i)) as any;
      assert.equal(c.spec.updatePriority, i, `object ${i} keeps its own spec`);
      assert.equal(c.metadata.name, gs.metadata.name);
    }
  });

  it('a field whose reads cannot be parsed as a path is refused, not silently dropped', () => {
    const field = { ...GAME_SERVER_FIELDS.fields.get('name')!, reads: 'metadata.name (a description)' };
    assert.throws(() => readPaths({ kind: 'GameServer', fields: new Map([['name', field]]) }), /cannot read the path/);
  });
});
