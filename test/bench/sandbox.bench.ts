// The sandbox at the size the design is held to: 100 GameServerSets × 500 GameServers (50,000)
// changing 500 times a second, in its own process, watched as the extension watches it (one
// all-namespaces watch of GameServers, one of GameServerSets, over HTTPS with the kubeconfig's
// token) and listed once in pages of 500. Budgets: the change rate reaches 95% of the rate asked
// for, and the sandbox uses at most 60% of one core doing it, so it is never what a client
// benchmark measures.
import { request, type RequestOptions } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { SandboxProcess } from './sandbox-process';

const SETS = 100;
const REPLICAS = 500;
const CHURN = 500;
const WATCH_SECONDS = 20;
const PAGE = 500;
const RATE_BUDGET = 0.95;
const CPU_BUDGET_PERCENT = 60;

const GS = '/apis/game.kruise.io/v1alpha1/gameservers';
const GSS = '/apis/game.kruise.io/v1alpha1/gameserversets';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** HTTPS options for a path of the kubeconfig's current context: its server, CA and token. */
async function optionsFor(kc: KubeConfig, path: string): Promise<RequestOptions> {
  const opts: RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(path, kc.getCurrentCluster()!.server);
  return { ...opts, hostname: url.hostname, port: url.port, path: url.pathname + url.search };
}

async function getJson(kc: KubeConfig, path: string): Promise<any> {
  const opts = await optionsFor(kc, path);
  return new Promise((resolve, reject) => {
    const req = request(opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve(JSON.parse(text));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every object of a kind in pages; the list's resourceVersion to watch from. */
async function listAll(kc: KubeConfig, path: string): Promise<{ count: number; resourceVersion: string }> {
  let count = 0;
  let cont = '';
  let resourceVersion = '';
  do {
    const page = await getJson(kc, `${path}?limit=${PAGE}${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
    count += page.items.length;
    resourceVersion ||= page.metadata.resourceVersion;
    cont = page.metadata.continue ?? '';
  } while (cont);
  return { count, resourceVersion };
}

interface Watching {
  counts: Map<string, number>;
  ended: () => string | undefined;
  stop(): void;
}

/** A watch from `resourceVersion`, counting events by type (each line parsed, as a client does). */
async function watch(kc: KubeConfig, path: string, resourceVersion: string): Promise<Watching> {
  const counts = new Map<string, number>();
  let end: string | undefined;
  const opts = await optionsFor(kc, `${path}?watch=true&allowWatchBookmarks=true&resourceVersion=${resourceVersion}`);
  const req = request(opts, (res) => {
    if (res.statusCode !== 200) end = `status ${res.statusCode}`;
    let buf = '';
    res.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (!line) continue;
        const type = (JSON.parse(line) as { type: string }).type;
        counts.set(type, (counts.get(type) ?? 0) + 1);
      }
    });
    res.on('end', () => (end ??= 'the server ended it'));
    res.on('error', (e) => (end ??= e.message));
  });
  req.on('error', (e) => (end ??= e.message));
  req.end();
  return { counts, ended: () => end, stop: () => req.destroy() };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const host = await SandboxProcess.start({ sets: SETS, replicas: REPLICAS, churn: CHURN, namespaces: ['default', 'game', 'team-a', 'team-b'], seed: 11 });
  const startupMs = performance.now() - t0;
  const problems: string[] = [];
  try {
    const rssAtStart = await host.rss();
    const kc = new KubeConfig();
    kc.loadFromFile(host.kubeconfigPath);

    const l0 = performance.now();
    const gs = await listAll(kc, GS);
    const listMs = performance.now() - l0;
    const gss = await listAll(kc, GSS);
    if (gs.count !== SETS * REPLICAS) problems.push(`listed ${gs.count} GameServers, expected ${SETS * REPLICAS}`);

    const gsWatch = await watch(kc, GS, gs.resourceVersion);
    const gssWatch = await watch(kc, GSS, gss.resourceVersion);
    // The replay since the lists is not part of the window: counting starts from here.
    await new Promise((r) => setTimeout(r, 1000));
    const modified0 = gsWatch.counts.get('MODIFIED') ?? 0;
    const setModified0 = gssWatch.counts.get('MODIFIED') ?? 0;
    const cpu0 = await host.cpuMs();
    const w0 = performance.now();
    await new Promise((r) => setTimeout(r, WATCH_SECONDS * 1000));
    const cpu1 = await host.cpuMs();
    const seconds = (performance.now() - w0) / 1000;
    const changes = (gsWatch.counts.get('MODIFIED') ?? 0) - modified0;
    const setChanges = (gssWatch.counts.get('MODIFIED') ?? 0) - setModified0;
    const cpuPercent = ((cpu1 - cpu0) / 1000 / seconds) * 100;
    const rate = changes / seconds;
    const rssAtEnd = await host.rss();
    for (const [name, w] of [
      ['GameServer', gsWatch],
      ['GameServerSet', gssWatch],
    ] as const) {
      const end = w.ended();
      if (end) problems.push(`the ${name} watch ended: ${end}`);
      w.stop();
    }

    console.log(`sandbox with ${SETS} sets × ${REPLICAS} GameServers, churn ${CHURN}/s, watched by two all-namespaces watches:`);
    console.log(`  startup (process start to serving): ${(startupMs / 1000).toFixed(1)} s`);
    console.log(`  sandbox RSS:                         ${mb(rssAtStart)} after startup, ${mb(rssAtEnd)} after the watch window`);
    console.log(`  list ${gs.count} GameServers (pages of ${PAGE}): ${(listMs / 1000).toFixed(2)} s`);
    console.log(
      `  changes received:                   ${rate.toFixed(0)}/s GameServer MODIFIED over ${seconds.toFixed(1)} s (budget: at least ${(RATE_BUDGET * CHURN).toFixed(0)}/s); ${(setChanges / seconds).toFixed(0)}/s GameServerSet MODIFIED`,
    );
    console.log(`  sandbox CPU:                         ${cpuPercent.toFixed(1)}% of one core (budget: at most ${CPU_BUDGET_PERCENT}%)`);
    if (rate < RATE_BUDGET * CHURN) problems.push(`change rate ${rate.toFixed(0)}/s is under ${(RATE_BUDGET * CHURN).toFixed(0)}/s`);
    if (cpuPercent > CPU_BUDGET_PERCENT) problems.push(`sandbox CPU ${cpuPercent.toFixed(1)}% of one core is over ${CPU_BUDGET_PERCENT}%`);
  } finally {
    await host.close();
  }
  if (problems.length) {
    console.error(`sandbox bench: budget missed: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(`sandbox bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
