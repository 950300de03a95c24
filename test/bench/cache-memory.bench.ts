// Heap the GameServer cache retains per object: 50,000 sandbox-like GameServers (100 sets of 500),
// each arriving as parsed JSON (as from a list page or a watch event), compacted and held by key
// exactly as the cache holds them. Retained bytes = heap after gc with the objects held, minus
// heap after gc without them, per object. Budget: 1 KB per compact GameServer. The same figure
// for whole objects is printed for comparison.
import { randomUUID } from 'node:crypto';
import { Compactor } from '../../client/src/cluster/compact';
import { keyOf, type KubeObject } from '../../client/src/cluster/resources';
import { defaultSet, newGameServer } from '../sandbox/content';
import { gc } from './measure';

const SETS = 100;
const PER_SET = 500;
const BUDGET_BYTES = 1024;
const NAMESPACES = ['default', 'game', 'team-a', 'team-b'];

const sets = Array.from({ length: SETS }, (_, i) => {
  const set = defaultSet(i, NAMESPACES[i % NAMESPACES.length]!, PER_SET);
  set.metadata.uid = randomUUID();
  return set;
});

let rv = 1000;

/** One GameServer as the API server sends it: stored metadata added, then through JSON. */
function arriving(set: any, ordinal: number): KubeObject {
  const gs = newGameServer(set, ordinal);
  gs.metadata.uid = randomUUID();
  gs.metadata.creationTimestamp = gs.status.lastTransitionTime;
  gs.metadata.generation = 1;
  gs.metadata.resourceVersion = String(++rv);
  return JSON.parse(JSON.stringify(gs)) as KubeObject;
}

/** Heap retained per object by a key -> object map built with `keep`. */
function retainedPerObject(keep: (obj: KubeObject) => KubeObject): { perObject: number; count: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = new Map<string, KubeObject>();
  for (const set of sets) {
    for (let i = 0; i < PER_SET; i++) {
      const obj = keep(arriving(set, i));
      held.set(keyOf(obj), obj);
    }
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  const count = held.size;
  // Read after the second measurement, so the map is alive when it is taken.
  if (count !== SETS * PER_SET) throw new Error(`held ${count} objects, expected ${SETS * PER_SET}`);
  return { perObject: (after - before) / count, count };
}

function main(): void {
  const whole = retainedPerObject((o) => o);
  const compactor = new Compactor('GameServer');
  // The compactor and its pool count too: the cache keeps them as long as the objects.
  const compact = retainedPerObject((o) => compactor.compact(o));
  const kb = (b: number) => `${b.toFixed(0)} bytes (${(b / 1024).toFixed(2)} KB)`;
  console.log(`cache memory, ${compact.count} GameServers in ${SETS} sets, retained heap per object after gc:`);
  console.log(`  whole objects:    ${kb(whole.perObject)}`);
  console.log(`  compact objects:  ${kb(compact.perObject)}  (budget ${BUDGET_BYTES} bytes; ${(whole.perObject / compact.perObject).toFixed(1)}x smaller)`);
  if (compact.perObject > BUDGET_BYTES) {
    console.error(`cache-memory bench: a compact GameServer retains ${compact.perObject.toFixed(0)} bytes, over the budget of ${BUDGET_BYTES}`);
    process.exitCode = 1;
  }
}

main();
