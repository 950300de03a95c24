// A randomized fault campaign against the write path: many GameServers patched at once while the
// sandbox fails, throttles, conflicts and loses answers, and while status and spec churn move
// objects in and out of the filter. Each run goes through kgctl (client/src/cli) or through the
// PatchRunner calls the extension's preview-and-apply makes, and checks every reported outcome
// against what the sandbox did:
// - every patch appends a marker container, so the object itself says how many times it was
//   patched: 0 or 1, never 2 (the request log's count of PATCHes carried out is printed beside);
// - a watch over the run gives each object's state just before our patch landed: it matched the
//   filter then (and, for the extension, its spec was the one previewed);
// - "changed" means carried out once; "changed since", "failed", "cancelled" mean not at all;
// - "may have been applied" is either, and counted apart.
// Seeded and bounded; `npm run bench` runs it longer (write-soak.bench.ts) through the
// CAMPAIGN_* variables below.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPatch, compileFilter } from '../../server/src/engine';
import { setMaxListeners } from 'node:events';
import type { ClusterClient } from '../../client/src/cluster/api';
import { listObjects } from '../../client/src/cluster/list';
import { PatchRunner, type ApplyOutcome } from '../../client/src/cluster/patch-runner';
import { keyOf, type KubeObject } from '../../client/src/cluster/resources';
import { runKgctl } from '../../client/src/cli/run';
import { summarize } from '../../client/src/commands/apply-summary';
import { makeRng, type Rng } from '../sandbox/rng';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor } from './sandbox-client';
import { eventually } from '../wait';

const env = process.env;
/** Seeds, one run each; runs alternate between kgctl and the extension's runner calls. */
const SEEDS = (env.CAMPAIGN_SEEDS ?? '7,19,31,43,59,71').split(',').map(Number);
/** GameServers per run: sets of 25 in two namespaces. */
const SETS = Number(env.CAMPAIGN_SETS ?? 8);
/** Status changes per second (OKG's controller), as in the field report. */
const STATUS_CHURN = Number(env.CAMPAIGN_STATUS_CHURN ?? 80);
/** Spec changes per second (another user or tool), half of them moving objects out of the filter. */
const SPEC_CHURN = Number(env.CAMPAIGN_SPEC_CHURN ?? 10);
/** Each run's time limit. */
const RUN_LIMIT_MS = Number(env.CAMPAIGN_RUN_LIMIT_MS ?? 60_000);

const FILTER = '{"$and":[{"opsState":"None"},{"currentState":"Ready"}]}';
const MARKER = { name: 'campaign-agent', image: 'registry.example.com/agent:1' };
/** Every patch appends MARKER, so a second write would show in the object too. */
const PATCHES: Record<string, string> = {
  // kruisegamectl's test-then-change, with a scalar.
  scalar: `[{"op":"test","path":"/spec/opsState","value":"None"},{"op":"replace","path":"/spec/updatePriority","value":7},{"op":"add","path":"/spec/containers/-","value":${JSON.stringify(MARKER)}}]`,
  // An object value, and a label (outside what generation guards).
  object: `[{"op":"add","path":"/spec/containers/-","value":${JSON.stringify(MARKER)}},{"op":"add","path":"/metadata/labels/campaign","value":"on"}]`,
  // An array value where nothing was (the guard falls back to the resourceVersion).
  array: `[{"op":"add","path":"/metadata/finalizers","value":["example.com/campaign"]},{"op":"add","path":"/spec/containers/-","value":${JSON.stringify(MARKER)}}]`,
};

type Outcome = ApplyOutcome;

interface RunCounts {
  seed: number;
  path: 'kgctl' | 'extension';
  patch: string;
  objects: number;
  matched: number;
  outcomes: Record<Outcome, number>;
  /** Objects holding the patch (marker count summed). */
  applied: number;
  /** PATCHes the request log says were carried out (dry runs of the preview excluded). */
  carriedOut: number;
  lostAnswers: number;
  doubleWrites: number;
  outsideFilter: number;
  misreported: number;
  ms: number;
}

const markers = (o: any): number => (Array.isArray(o?.spec?.containers) ? o.spec.containers.filter((c: any) => c?.name === MARKER.name).length : 0);
const pathOf = (key: string) => `/apis/game.kruise.io/v1alpha1/namespaces/${key.replace('/', '/gameservers/')}`;

/** Every event of the run, per object, in the server's order: the object's states over time. */
class History {
  readonly states = new Map<string, any[]>();
  lastRv = 0;
  private stop?: { abort(): void };
  error?: string;

  constructor(objects: readonly KubeObject[]) {
    for (const o of objects) this.states.set(keyOf(o), [o]);
  }

  async follow(client: ClusterClient, rv: string): Promise<void> {
    this.stop = await client.watch(
      'GameServer',
      undefined,
      rv,
      (type, obj) => {
        const o = obj as any;
        if (type === 'BOOKMARK' || type === 'ERROR') return;
        this.lastRv = Math.max(this.lastRv, Number(o.metadata.resourceVersion));
        const k = `${o.metadata.namespace}/${o.metadata.name}`;
        (this.states.get(k) ?? this.states.set(k, []).get(k)!).push(o);
      },
      (err) => {
        this.error = `the observing watch ended: ${err?.message ?? 'closed by the server'}`;
      },
    );
  }

  close(): void {
    this.stop?.abort();
  }

  /** The state just before MARKER first appeared (our patch landing), if it did. */
  beforeOurs(key: string): any | undefined {
    const s = this.states.get(key) ?? [];
    const i = s.findIndex((o) => markers(o) > 0);
    return i > 0 ? s[i - 1] : undefined;
  }
}

/** Faults for a run, drawn from its seed: the field report's ranges. */
function faultsFor(rng: Rng, path: 'kgctl' | 'extension') {
  const pick = (lo: number, hi: number) => lo + rng() * (hi - lo);
  return {
    latencyMs: Math.round(pick(1, 5)),
    errors: { patch: { status: rng() < 0.5 ? (500 as const) : (503 as const), rate: pick(0.2, 0.3) }, get: { status: 503 as const, rate: 0.1 } },
    conflictRate: pick(0.02, 0.06),
    loseAnswers: { patch: pick(0.01, 0.12), get: pick(0, 0.03) },
    // kgctl waits 30 s for an answer; only the runner path gets a client with a short timeout.
    loseAnswersBy: path === 'kgctl' ? ('reset' as const) : rng() < 0.5 ? ('reset' as const) : ('silence' as const),
  };
}

/** Spec churn: opsState flips (in and out of the filter) and deletionPriority changes (in place). */
function startSpecChurn(sb: Sandbox, rng: Rng, keys: readonly string[], perSecond: number): () => void {
  let owed = 0;
  const timer = setInterval(() => {
    for (owed += perSecond / 50; owed >= 1; owed--) {
      const key = keys[Math.floor(rng() * keys.length)];
      const [ns, name] = key.split('/');
      const flip = rng() < 0.5;
      const priority = 100 + Math.floor(rng() * 100);
      sb.mutate('GameServer', ns, name, (o) => {
        if (flip) o.spec.opsState = o.spec.opsState === 'None' ? 'Maintaining' : 'None';
        else o.spec.deletionPriority = priority;
      });
    }
  }, 20);
  return () => clearInterval(timer);
}

const noOutcomes = (): Record<Outcome, number> => ({ changed: 0, 'changed-since-preview': 0, 'may-have-been-applied': 0, failed: 0, cancelled: 0 });

/** One run; resolves with its counts, the problems listed in `problems`. */
async function campaignRun(seed: number, index: number, problems: string[]): Promise<RunCounts> {
  const path = index % 2 === 0 ? 'kgctl' : 'extension';
  const patchName = Object.keys(PATCHES)[Math.floor(index / 2) % 3];
  const rng = makeRng(seed);
  const sb = await startSandbox({ sets: SETS, replicas: 25, namespaces: ['default', 'game'], seed, churn: STATUS_CHURN });
  const client = clientFor(sb, 'okg-sandbox', { requestTimeoutMs: 800 });
  const history: { h?: History } = {};
  const t0 = Date.now();
  try {
    // Every GameServer gets a container list, so `add /spec/containers/-` applies.
    for (const o of sb.objects('GameServer'))
      sb.mutate('GameServer', o.metadata.namespace, o.metadata.name, (x) => (x.spec.containers = [{ name: 'game', image: 'registry.example.com/game:1' }]));
    const page = await client.listPage('GameServer', undefined);
    const h = (history.h = new History(page.items));
    await h.follow(client, page.resourceVersion);
    const keys = page.items.map(keyOf);
    const filter = compileFilter(FILTER, 'GameServer');
    const patch = checkPatch(PATCHES[patchName], 'GameServer');
    assert.ok(patch.ok && filter.ok, `the campaign's filter and patch are valid: ${patch.problems.map((p) => p.message).join('; ')}`);

    const stopSpecChurn = startSpecChurn(sb, rng, keys, SPEC_CHURN);
    sb.setFaults(faultsFor(rng, path));
    const reported = new Map<string, Outcome>();
    const previewed = new Map<string, KubeObject>();
    let from = 0;
    let summaryLine = '';
    const deadline = AbortSignal.timeout(RUN_LIMIT_MS);
    setMaxListeners(0, deadline);
    if (path === 'kgctl') {
      from = sb.requests().length;
      let out = '';
      const code = await runKgctl(
        ['-r', 'gs', '-f', FILTER, '-j', PATCHES[patchName], '--yes', '-o', 'table'],
        { stdout: (t) => (out += t), stderr: () => undefined, readStdin: async () => '', env: { KUBECONFIG: sb.kubeconfigPath }, cwd: process.cwd() },
        deadline,
      );
      const words: Record<string, Outcome> = {
        patched: 'changed',
        'changed-since-matched': 'changed-since-preview',
        'may-have-been-applied': 'may-have-been-applied',
        failed: 'failed',
        cancelled: 'cancelled',
      };
      for (const line of out.split('\n').slice(1)) {
        const [ns, name, result] = line.split(/\s+/);
        if (ns) reported.set(`${ns}/${name}`, words[result]);
      }
      const allChanged = [...reported.values()].every((o) => o === 'changed');
      if (code !== (allChanged ? 0 : 2)) problems.push(`seed ${seed}: kgctl exited ${code}, expected ${allChanged ? 0 : 2}`);
    } else {
      // What previewAndApply does: objects from the cache, read fresh and dry-run, then applied.
      const runner = new PatchRunner(client, 'GameServer');
      const matches = (await listObjects(client, 'GameServer', 'all')).filter((o) => filter.matches(o));
      const stillMatches = (o: KubeObject) => filter.matches(o);
      // Shorter waits than the extension's defaults keep the run short; the logic is the same.
      const backoff = { initialMs: 20, maxMs: 400 };
      const previews = await runner.preview(matches, patch.ops, { fresh: true, stillMatches, signal: deadline, backoff });
      for (const p of previews) if (p.after) previewed.set(p.key, p.before);
      from = sb.requests().length;
      const results = await runner.apply(previews, patch.ops, { stillMatches, signal: deadline, backoff });
      for (const r of results) reported.set(r.key, r.outcome);
      const summary = summarize(
        results.map((r) => ({ namespace: r.before.metadata.namespace ?? '', name: r.before.metadata.name, outcome: r.outcome, error: r.error?.message })),
        'GameServers',
        'okg-sandbox',
      );
      summaryLine = summary.message;
      const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
      if (summary.changed !== count('changed') || summary.failed !== count('failed') || summary.mayHaveBeenApplied !== count('may-have-been-applied')) {
        problems.push(`seed ${seed}: the summary's counts differ from the results: ${summary.message}`);
      }
    }
    stopSpecChurn();
    sb.setFaults({ latencyMs: 0, errors: {}, conflictRate: 0, loseAnswers: {} });

    // The sandbox logs a request when its response is done, and the watch trails the store.
    const end = await client.listPage('GameServer', undefined, { limit: 1 });
    const caughtUp = await eventually(
      () => h.error ?? (h.lastRv >= Number(end.resourceVersion) ? '' : `watch at ${h.lastRv}, store at ${end.resourceVersion}`),
      10_000,
    );
    assert.equal(caughtUp, '', 'the observing watch saw every change');
    const carriedOut = new Map<string, number>();
    const log = sb.requests().slice(from);
    for (const r of log) if (r.verb === 'patch' && r.status === 200) carriedOut.set(r.path, (carriedOut.get(r.path) ?? 0) + 1);
    const lostAnswers = log.filter((r) => r.lost).length;

    const counts: RunCounts = {
      seed,
      path,
      patch: patchName,
      objects: keys.length,
      matched: reported.size,
      outcomes: noOutcomes(),
      applied: 0,
      carriedOut: 0,
      lostAnswers,
      doubleWrites: 0,
      outsideFilter: 0,
      misreported: 0,
      ms: 0,
    };
    const now = new Map(sb.objects('GameServer').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
    for (const key of keys) {
      const n = markers(now.get(key));
      const outcome = reported.get(key);
      if (outcome) counts.outcomes[outcome]++;
      counts.applied += n;
      counts.carriedOut += carriedOut.get(pathOf(key)) ?? 0;
      if (n > 1) {
        counts.doubleWrites++;
        problems.push(`seed ${seed} ${path}: ${key} was patched ${n} times (reported ${outcome})`);
      }
      if (n >= 1) {
        const prior = h.beforeOurs(key);
        const chosen = prior !== undefined && filter.matches(prior);
        const asPreviewed = path === 'kgctl' || prior?.metadata.generation === previewed.get(key)?.metadata.generation;
        if (!outcome || !chosen || !asPreviewed) {
          counts.outsideFilter++;
          problems.push(
            `seed ${seed} ${path}: ${key} was patched ${!outcome ? 'without being chosen' : !chosen ? 'while it did not match the filter' : 'on a spec other than the one previewed'}`,
          );
        }
      }
      const truthful = outcome === undefined || outcome === 'may-have-been-applied' || (outcome === 'changed' ? n === 1 : n === 0);
      if (!truthful) {
        counts.misreported++;
        problems.push(`seed ${seed} ${path}: ${key} reported ${outcome} but patched ${n} time(s)`);
      }
    }
    counts.ms = Date.now() - t0;
    const o = counts.outcomes;
    console.log(
      `campaign seed ${seed} (${path}, ${patchName} patch): ${counts.objects} GameServers, ${counts.matched} chosen; ` +
        `changed ${o.changed}, changed-since ${o['changed-since-preview']}, may-have-been-applied ${o['may-have-been-applied']}, failed ${o.failed}, cancelled ${o.cancelled}; ` +
        `patched ${counts.applied} (PATCHes carried out by the log ${counts.carriedOut}), answers lost ${lostAnswers}; double writes ${counts.doubleWrites}, outside the filter ${counts.outsideFilter}, misreported ${counts.misreported}; ${counts.ms} ms` +
        (summaryLine ? `\n  summary: ${summaryLine}` : ''),
    );
    return counts;
  } finally {
    history.h?.close();
    client.dispose();
    await sb.close();
  }
}

describe('write fault campaign', () => {
  const all: RunCounts[] = [];
  before(() => console.log(`campaign seeds: ${SEEDS.join(', ')} (set CAMPAIGN_SEEDS to replay)`));
  after(() => {
    const sum = (f: (c: RunCounts) => number) => all.reduce((n, c) => n + f(c), 0);
    console.log(
      `campaign total: ${all.length} runs, ${sum((c) => c.matched)} outcomes, ${sum((c) => c.applied)} patches carried out, ${sum((c) => c.lostAnswers)} answers lost; ` +
        `${sum((c) => c.outcomes['may-have-been-applied'])} may-have-been-applied; double writes ${sum((c) => c.doubleWrites)}, outside the filter ${sum((c) => c.outsideFilter)}, misreported ${sum((c) => c.misreported)}`,
    );
  });
  for (const [i, seed] of SEEDS.entries()) {
    it(`seed ${seed}: no double write, no change outside the filter, every outcome true`, { timeout: RUN_LIMIT_MS + 30_000 }, async () => {
      const problems: string[] = [];
      const counts = await campaignRun(seed, i, problems);
      all.push(counts);
      assert.deepEqual(problems.slice(0, 10), [], `seed ${seed}: ${problems.length} problem(s)`);
      assert.ok(counts.matched > 0, `seed ${seed}: the filter chose some GameServers`);
      assert.ok(counts.lostAnswers > 0 || counts.applied === 0, `seed ${seed}: some answers were lost (the campaign tested what it means to)`);
    });
  }
});
