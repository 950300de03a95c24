// The live view's own work at production scale, without VS Code: 50,000 GameServers (100 sets ×
// 500) changing 500 times a second in a sandbox of its own process, watched through the real
// caches (all namespaces, as the view does), and per batch: the tree index, the match set of a
// second open filter, the completion values, the refresh schedule and the fleet overview's tally
// (with a snapshot each second, as the open overview posts), as the extension runs them.
// Prints and budgets:
// - per-batch CPU of that work, p95 ≤ 20 ms; the tally's share of it and its snapshot, apart;
// - retained heap per cached GameServer ≤ 1 KB (and what the index adds);
// - tree-change events per second and nodes per event reaching VS Code;
// - the match counts and the tally against a fresh evaluation of the cache at the end (must be equal).
import { ResourceCache } from '../../client/src/cluster/cache';
import type { ResourceKind } from '../../client/src/cluster/resources';
import { FleetTally, type TallySnapshot } from '../../client/src/overview/fleet-tally';
import { ClusterValueIndex } from '../../client/src/session/cluster-values';
import { LiveMatches } from '../../client/src/session/live-matches';
import { RefreshSchedule } from '../../client/src/views/refresh-schedule';
import { TreeIndex } from '../../client/src/views/tree-index';
import { compileFilter } from '../../server/src/engine/index';
import { SandboxProcess } from './sandbox-process';
import { gc, percentile } from './measure';

const SETS = 100;
const REPLICAS = 500;
const CHURN = 500;
const SECONDS = 20;
/** Batches in this first stretch carry the backlog of the listing, not the steady churn. */
const WARMUP_MS = 3_000;
const BATCH_P95_BUDGET_MS = 20;
const BYTES_PER_OBJECT_BUDGET = 1024;

const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const ms = (n: number) => `${n.toFixed(2)} ms`;

function compiled(text: string, kind: ResourceKind) {
  const c = compileFilter(text, kind);
  if (!c.ok) throw new Error(`bench filter ${text} does not compile: ${c.problems.map((p) => p.message).join('; ')}`);
  return c;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const sb = await SandboxProcess.start({ sets: SETS, replicas: REPLICAS, churn: CHURN, namespaces: ['default', 'game', 'pve'] });
  console.log(`sandbox: ${SETS} sets × ${REPLICAS} GameServers, ${CHURN} changes/s, up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const client = sb.client();
  const failures: string[] = [];
  try {
    const base = heap();
    const caches = {
      GameServer: new ResourceCache(client, 'GameServer', 'all'),
      GameServerSet: new ResourceCache(client, 'GameServerSet', 'all'),
    };
    const t1 = performance.now();
    await Promise.all(Object.values(caches).map((c) => c.start()));
    const count = caches.GameServer.size;
    console.log(`listed and cached ${count} GameServers and ${caches.GameServerSet.size} sets in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const cached = heap();
    const perObject = (cached - base) / (count + caches.GameServerSet.size);
    console.log(`cache: ${Math.round(perObject)} bytes retained per object (budget ${BYTES_PER_OBJECT_BUDGET})`);
    if (perObject > BYTES_PER_OBJECT_BUDGET) failures.push(`the cache retains ${Math.round(perObject)} bytes per object, over ${BYTES_PER_OBJECT_BUDGET}`);

    // The view runs a filter that the churn keeps flipping; a second filter is open in an editor.
    const viewFilter = compiled('{"currentState": {"$ne": "Ready"}}', 'GameServer');
    const lensFilter = compiled('{"$and": [{"opsState": "None"}, {"currentNetworkState": {"$ne": "Ready"}}]}', 'GameServer');
    const index = new TreeIndex({ kind: 'GameServer', matches: viewFilter.matches });
    index.reset(caches.GameServer.snapshot(), caches.GameServerSet.snapshot());
    const lens = new LiveMatches(lensFilter.matches, caches.GameServer.snapshot());
    const values = new ClusterValueIndex();
    values.reset('GameServerSet', caches.GameServerSet.snapshot());
    values.reset('GameServer', caches.GameServer.snapshot());
    let events = 0;
    let nodes = 0;
    let roots = 0;
    const schedule = new RefreshSchedule({
      fire: (n) => {
        events++;
        if (n) nodes += n.length;
        else roots++;
      },
      isShown: (n) => index.isShown(n.kind === 'more' ? n.set : n),
      tick: () => undefined,
    });
    // As VS Code would have it: every namespace open, and the first set of the first one.
    for (const ns of index.roots) schedule.open.add(ns.id);
    const firstSet = index.roots[0]?.children[0];
    if (firstSet) schedule.open.add(firstSet.id);
    const indexed = heap();
    console.log(`tree index + match sets + completion values: ${Math.round((indexed - cached) / count)} bytes per GameServer`);
    const tally = new FleetTally();
    tally.reset(caches.GameServer.snapshot());
    console.log(`fleet overview tally: ${Math.round((heap() - indexed) / count)} bytes per GameServer`);
    const tallyMs: number[] = [];
    const snapshotMs: number[] = [];
    // The open overview's once-a-second snapshot, outside the batches (a timer of its own, as in the extension).
    const snapshots = setInterval(() => {
      if (!measuring || !tally.takeChanged()) return;
      const start = performance.now();
      tally.snapshot();
      snapshotMs.push(performance.now() - start);
    }, 1_000);

    const batchMs: number[] = [];
    let changed = 0;
    let measuring = false;
    // Inside a batch's callback the cache holds exactly what it delivered: compare there.
    let verify: ((problem: string) => void) | undefined;
    for (const [kind, cache] of Object.entries(caches) as [ResourceKind, ResourceCache][]) {
      cache.onChange((c) => {
        const start = performance.now();
        const get = (key: string) => cache.get(key);
        schedule.add(index.apply(kind, c, get));
        if (kind === 'GameServer') lens.apply(c, get);
        values.apply(kind, c, get);
        const tallyStart = performance.now();
        if (kind === 'GameServer') tally.apply(c, get);
        const end = performance.now();
        if (!measuring) return;
        batchMs.push(end - start);
        if (kind === 'GameServer') tallyMs.push(end - tallyStart);
        changed += c.added.length + c.modified.length + c.deleted.length;
        if (verify && kind === 'GameServer') {
          verify(freshPass());
          verify = undefined;
        }
      });
    }
    const freshPass = (): string => {
      let viewTruth = 0;
      let lensTruth = 0;
      for (const o of caches.GameServer.snapshot()) {
        if (viewFilter.matches(o)) viewTruth++;
        if (lensFilter.matches(o)) lensTruth++;
      }
      console.log(`matches: view ${index.matchCount} (fresh pass ${viewTruth}), second filter ${lens.count} (fresh pass ${lensTruth})`);
      const fresh = new FleetTally();
      fresh.reset(caches.GameServer.snapshot());
      const same = (a: TallySnapshot, b: TallySnapshot) => JSON.stringify(a) === JSON.stringify(b);
      console.log(`overview tally: ${tally.total} GameServers, ${same(tally.snapshot(), fresh.snapshot()) ? 'equal to' : 'DIFFERENT from'} a fresh count`);
      if (!same(tally.snapshot(), fresh.snapshot())) return 'the overview tally differs from a fresh count of the cache';
      return index.matchCount !== viewTruth || lens.count !== lensTruth ? 'an incremental match count differs from a fresh pass over the cache' : '';
    };
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    measuring = true;
    events = nodes = roots = 0;
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const wall = (performance.now() - w0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const share = (cpu.user + cpu.system) / 1e6 / wall;

    const batchP95 = percentile(batchMs, 0.95);
    console.log(`${batchMs.length} batches, ${Math.round(changed / wall)} object changes/s received`);
    console.log(
      `per-batch work: p50 ${ms(percentile(batchMs, 0.5))}, p95 ${ms(batchP95)}, max ${ms(Math.max(...batchMs))} (budget p95 ≤ ${BATCH_P95_BUDGET_MS} ms)`,
    );
    console.log(
      `of which the overview tally: p50 ${ms(percentile(tallyMs, 0.5))}, p95 ${ms(percentile(tallyMs, 0.95))}, max ${ms(Math.max(...tallyMs))}; ` +
        `its snapshot each second: p50 ${ms(percentile(snapshotMs, 0.5))}, max ${ms(Math.max(...snapshotMs))} (${snapshotMs.length} taken)`,
    );
    console.log(`tree-change events to VS Code: ${(events / wall).toFixed(1)}/s carrying ${(nodes / wall).toFixed(0)} nodes/s, ${roots} whole-tree refreshes`);
    console.log(`client process CPU (watch parsing, compaction, the work above): ${(share * 100).toFixed(0)}% of one core`);
    if (batchP95 > BATCH_P95_BUDGET_MS) failures.push(`per-batch p95 ${ms(batchP95)} is over ${BATCH_P95_BUDGET_MS} ms`);
    if (changed < CHURN * wall * 0.5) failures.push(`only ${Math.round(changed / wall)} changes/s arrived of ${CHURN}/s: the watch is not keeping up`);
    if (roots > 0) failures.push(`${roots} whole-tree refreshes during churn: changes must refresh only their nodes`);

    // The incremental counts equal a fresh pass over the same cache, at the next batch.
    const problem = await new Promise<string>((resolve) => (verify = resolve));
    if (problem) failures.push(problem);
    clearInterval(snapshots);
    schedule.dispose();
    for (const c of Object.values(caches)) c.dispose();
  } finally {
    client.dispose();
    await sb.close();
  }
  if (failures.length) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
