// Objects per second of our compiled filters against hand-written JavaScript doing the same checks.
import { RE2JS } from 're2js';
import { loadEngine } from '../engine';
import { makeGameServer } from '../fixtures/gameservers';

// The shipped bundle is what users run, so that is what is measured (npm run bench builds it first).
const { compileFilter } = loadEngine();
const N = 100_000;
const BUDGET = 2;
const objects = Array.from({ length: N }, (_, i) => makeGameServer(i));

type Obj = any;

const docFilter = '{"$and":[{"opsState":"None"},{"currentNetworkState":"Ready"},{"images":{"$all":["nginx,nginx:1.27.4","sidecar,busybox:1.37.0"]}}]}';
function docByHand(o: Obj): boolean {
  if ((o.spec?.opsState ?? '') !== 'None') return false;
  if ((o.status?.networkStatus?.currentNetworkState ?? '') !== 'Ready') return false;
  const images = (o.status?.podStatus?.containerStatuses ?? []).map((c: Obj) => `${c.name},${c.image}`);
  return images.includes('nginx,nginx:1.27.4') && images.includes('sidecar,busybox:1.37.0');
}

const regexFilter = '{"name":{"$regex":"^pve-world-1\\\\d-"}}';
const re = RE2JS.compile('^pve-world-1\\d-');
function regexByHand(o: Obj): boolean {
  return re.test(o.metadata?.name ?? '');
}

function pass(fn: (o: Obj) => boolean): { ms: number; count: number } {
  const t0 = performance.now();
  let count = 0;
  for (const o of objects) if (fn(o)) count++;
  return { ms: performance.now() - t0, count };
}

/** Best of interleaved rounds, so that load from other processes affects both sides alike. */
function race(a: (o: Obj) => boolean, b: (o: Obj) => boolean): [{ ms: number; count: number }, { ms: number; count: number }] {
  const best = [{ ms: Infinity, count: 0 }, { ms: Infinity, count: 0 }];
  for (let round = 0; round < 9; round++) {
    [a, b].forEach((fn, i) => {
      const r = pass(fn);
      if (r.ms < best[i].ms) best[i] = r;
    });
  }
  return best as [{ ms: number; count: number }, { ms: number; count: number }];
}

let failed = false;
for (const [label, text, byHand] of [
  ['kruise-game-api doc filter ($and of opsState, currentNetworkState, images $all)', docFilter, docByHand],
  ['$regex on name', regexFilter, regexByHand],
] as const) {
  const compiled = compileFilter(text, 'GameServer');
  if (!compiled.ok) throw new Error(`${label}: filter does not compile: ${JSON.stringify(compiled.problems)}`);
  const [ours, hand] = race(compiled.matches, byHand);
  if (ours.count !== hand.count) throw new Error(`${label}: ours matched ${ours.count}, hand-written ${hand.count}`);
  const ratio = ours.ms / hand.ms;
  const rate = (ms: number) => `${Math.round(N / (ms / 1000)).toLocaleString('en-US')} objects/s`;
  console.log(`${label}: ${ours.count} of ${N} match`);
  console.log(`  ours         ${ours.ms.toFixed(1)} ms  ${rate(ours.ms)}`);
  console.log(`  hand-written ${hand.ms.toFixed(1)} ms  ${rate(hand.ms)}`);
  console.log(`  ratio        ${ratio.toFixed(2)}x (budget ${BUDGET}x)`);
  if (ratio > BUDGET) failed = true;
}
if (failed) {
  console.error('filter benchmark: over budget');
  process.exit(1);
}
