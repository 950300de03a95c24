// Hostile documents against the language server's budgets (server/src/features/limits.ts): every
// request on a document at or just under a limit, or nested far too deep, answers within 1 s; and
// .kgfilter completion stays quick while the workspace scan reads 40 YAML files of about 1 MB.
// The server runs as the extension starts it (dist/server.js, its own process), so the figures are
// what a client waits for, protocol included, and the memory is the server's alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver';
import { MAX_JSON_LENGTH, MAX_YAML_DOCUMENT, MAX_YAML_LENGTH } from '../../server/src/features/limits';
import { gameServerSetsYaml } from './lsp-fixtures';
import { percentile } from './measure';

const REQUEST_BUDGET_MS = 1000;
const SCAN_COMPLETION_P95_BUDGET_MS = 20;
const MB = 1024 * 1024;
const root = join(__dirname, '..', '..');
const serverJs = join(root, 'dist', 'server.js');

interface Server {
  client: MessageConnection;
  child: ChildProcess;
  logs: string[];
  memory(): Promise<NodeJS.MemoryUsage>;
  published(uri: string, version: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

async function startServer(folder?: string): Promise<Server> {
  if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: run \`npm run build\` (npm run bench does)`);
  const child = spawn(process.execPath, ['--expose-gc', '--require', join(__dirname, 'server-heap-probe.cjs'), serverJs, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  if (!child.stdout || !child.stdin) throw new Error('the server process has no stdio pipes');
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, { version: number; resolve: (d: Diagnostic[]) => void }>();
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const w = waiting.get(p.uri);
    if (w && p.version === w.version) w.resolve(p.diagnostics);
  });
  const logs: string[] = [];
  const listeners = new Set<() => void>();
  client.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    for (const l of listeners) l();
  });
  client.onNotification('window/showMessage', () => undefined);
  client.listen();
  const folders = folder ? [{ uri: pathToFileURL(folder).href, name: 'workspace' }] : null;
  await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: folders });
  await client.sendNotification('initialized', {});
  return {
    client,
    child,
    logs,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as NodeJS.MemoryUsage));
        child.send('memory');
      }),
    published: (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve })),
    stop: async () => {
      await client.sendRequest('shutdown');
      await client.sendNotification('exit');
      client.dispose();
      child.kill();
    },
  };
}

/** Waits for a log line matching `pattern`, or fails after `ms`. */
function logged(server: Server, pattern: RegExp, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern} within ${ms} ms: ${JSON.stringify(server.logs)}`)), ms);
    const check = setInterval(() => {
      const line = server.logs.find((l) => pattern.test(l));
      if (line) {
        clearTimeout(timer);
        clearInterval(check);
        resolve(line);
      }
    }, 5);
  });
}

function fill(limit: number, head: string, item: (i: number) => string, sep: string, tail: string): string {
  const parts: string[] = [];
  let length = head.length + tail.length;
  for (let i = 0; ; i++) {
    const s = item(i);
    if (length + s.length + sep.length > limit) break;
    parts.push(s);
    length += s.length + sep.length;
  }
  return head + parts.join(sep) + tail;
}

const GSS_HEAD =
  'apiVersion: game.kruise.io/v1alpha1\nkind: GameServerSet\nmetadata:\n  name: x\nspec:\n  replicas: 1\n  gameServerTemplate:\n    spec:\n      containers:\n';

interface Case {
  name: string;
  languageId: string;
  text: string;
  /** Where completion and hover are asked. */
  at: Position;
}

const cases: Case[] = [
  {
    name: 'filter just under the limit, a problem in every clause',
    languageId: 'kgfilter',
    text: fill(MAX_JSON_LENGTH, '{"$or": [\n', () => '  {"opsState": "Nonee"}', ',\n', '\n]}'),
    at: { line: 5000, character: 17 },
  },
  {
    name: 'filter just under the limit, $gt in every clause',
    languageId: 'kgfilter',
    text: fill(MAX_JSON_LENGTH, '{"$or":[', (i) => `{"updatePriority":{"$gt":${i}}}`, ',', ']}'),
    at: { line: 0, character: 100_000 },
  },
  {
    name: 'patch just under the limit, a problem in every op',
    languageId: 'kgpatch',
    text: fill(MAX_JSON_LENGTH, '[\n', () => '{"op":"replace","path":"/spec/opsSate","value":"Nonee"}', ',\n', '\n]'),
    at: { line: 2000, character: 40 },
  },
  {
    name: 'filter just under the old 2 MB limit',
    languageId: 'kgfilter',
    text: fill(1_990_000, '{"$or": [\n', () => '  {"opsState": "Nonee"}', ',\n', '\n]}'),
    at: { line: 5000, character: 17 },
  },
  {
    name: 'filter nested 100,000 deep',
    languageId: 'kgfilter',
    text: `${'{"$and":['.repeat(100_000)}${']}'.repeat(100_000)}`,
    at: { line: 0, character: 500_000 },
  },
  {
    name: 'YAML just under the file limit, a problem in every GameServer',
    languageId: 'yaml',
    text: fill(
      MAX_YAML_LENGTH,
      '',
      (i) => `apiVersion: game.kruise.io/v1alpha1\nkind: GameServer\nmetadata:\n  name: gs-${i}\nspec:\n  opsState: Nonee\n  updatePriority: x\n`,
      '---\n',
      '',
    ),
    at: { line: 5, character: 14 },
  },
  {
    name: 'YAML GameServerSet just under the document limit, a problem in every container',
    languageId: 'yaml',
    text: fill(MAX_YAML_DOCUMENT, GSS_HEAD, (i) => `        - name: c${i}\n          image: img:${i}\n          imagePullPolicyy: x`, '\n', '\n'),
    at: { line: 9, character: 10 },
  },
  {
    name: 'YAML GameServerSet nested 60,000 deep (flow sequences)',
    languageId: 'yaml',
    text: `${GSS_HEAD.replace('      containers:\n', '      containers: ')}${'['.repeat(60_000)}${']'.repeat(60_000)}\n`,
    at: { line: 8, character: 5000 },
  },
  {
    name: 'YAML GameServerSet nested 25,000 deep (flow maps)',
    languageId: 'yaml',
    text: `${GSS_HEAD.replace('      containers:\n', '      containers: ')}${'{a: '.repeat(25_000)}1${'}'.repeat(25_000)}\n`,
    at: { line: 8, character: 5000 },
  },
];

/** The CPU time used so far (user + system), in ms, from a /proc stat file (10 ms ticks); NaN where there is none. */
function cpuIn(statFile: string): number {
  try {
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const cpuOf = (pid: number | undefined): number => cpuIn(`/proc/${pid}/stat`);

/** The CPU time each thread of the process has used so far, in ms, by thread id; empty where /proc is not. */
function threadCpu(pid: number | undefined): Map<string, number> {
  try {
    return new Map(readdirSync(`/proc/${pid}/task`).map((tid) => [tid, cpuIn(`/proc/${pid}/task/${tid}/stat`)]));
  } catch {
    return new Map();
  }
}

/**
 * Latency is wall-clock time; on a machine busier than its cores most of it is waiting for a core, so
 * then the budget is judged on the CPU time the server's busiest thread used for the request (its YAML
 * check pool runs threads side by side, so the process's total overstates what the request waits for),
 * and the bench says so.
 */
const BUSY = loadavg()[0] > availableParallelism();
let serverPid: number | undefined;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const before = threadCpu(serverPid);
  const start = performance.now();
  const value = await run();
  const wall = performance.now() - start;
  if (!BUSY || before.size === 0) return { ms: wall, value };
  // A thread that ended meanwhile reads NaN and counts for nothing.
  const used = [...threadCpu(serverPid)].map(([tid, cpu]) => cpu - (before.get(tid) ?? 0)).filter((ms) => !Number.isNaN(ms));
  return { ms: Math.max(0, ...used), value };
}

async function requests(): Promise<string[]> {
  const server = await startServer();
  serverPid = server.child.pid;
  const misses: string[] = [];
  const idle = await server.memory();
  let peakRss = idle.rss;
  const measure = BUSY ? "the CPU time of the server's busiest thread (the load average is above the core count)" : 'wall time';
  console.log(`requests on hostile documents, ${measure} (budget ${REQUEST_BUDGET_MS} ms each; the slowest of 3, each after an edit):`);
  console.log(`  ${'document'.padEnd(76)} ${['diagnostics', 'completion', 'hover', 'quick fixes', 'formatting'].map((h) => h.padStart(11)).join(' ')}`);
  let k = 0;
  for (const c of cases) {
    const uri = `file:///bench/hostile-${k++}.${c.languageId === 'yaml' ? 'yaml' : c.languageId}`;
    let version = 1;
    let text = c.text;
    const worst = { diagnostics: 0, completion: 0, hover: 0, actions: 0, formatting: 0 };
    const published = server.published(uri, version);
    const opened = await timed(async () => {
      void server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: c.languageId, version, text } });
      return published;
    });
    worst.diagnostics = opened.ms;
    let diagnostics = opened.value;
    for (let round = 0; round < 3; round++) {
      // An edit at the end (a space), so every request below reads a new version of the document.
      version++;
      const end = text.split('\n');
      const position = { line: end.length - 1, character: end[end.length - 1].length };
      text += ' ';
      const next = server.published(uri, version);
      const edited = await timed(async () => {
        void server.client.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: position, end: position }, text: ' ' }],
        });
        return next;
      });
      diagnostics = edited.value;
      worst.diagnostics = Math.max(worst.diagnostics, edited.ms);
      const params = { textDocument: { uri }, position: c.at };
      worst.completion = Math.max(worst.completion, (await timed(() => server.client.sendRequest('textDocument/completion', params))).ms);
      worst.hover = Math.max(worst.hover, (await timed(() => server.client.sendRequest('textDocument/hover', params))).ms);
      const actions = { textDocument: { uri }, range: diagnostics[0]?.range ?? { start: c.at, end: c.at }, context: { diagnostics: diagnostics.slice(0, 5) } };
      worst.actions = Math.max(worst.actions, (await timed(() => server.client.sendRequest('textDocument/codeAction', actions))).ms);
      const format = { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } };
      worst.formatting = Math.max(worst.formatting, (await timed(() => server.client.sendRequest('textDocument/formatting', format))).ms);
      peakRss = Math.max(peakRss, (await server.memory()).rss);
    }
    const figures = [worst.diagnostics, worst.completion, worst.hover, worst.actions, worst.formatting];
    const label = `${c.name} (${(c.text.length / 1_000_000).toFixed(2)} MB, ${diagnostics.length} diagnostics)`;
    console.log(`  ${label.padEnd(76)} ${figures.map((ms) => `${ms.toFixed(0)} ms`.padStart(11)).join(' ')}`);
    if (Math.max(...figures) >= REQUEST_BUDGET_MS) misses.push(`${c.name}: a request took ${Math.max(...figures).toFixed(0)} ms`);
    void server.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  const after = await server.memory();
  console.log(
    `  server memory: idle rss ${(idle.rss / MB).toFixed(0)} MB, peak rss ${(peakRss / MB).toFixed(0)} MB, after all closed and a full GC: heap ${(after.heapUsed / MB).toFixed(1)} MB, rss ${(after.rss / MB).toFixed(0)} MB`,
  );
  if (server.logs.some((l) => /failed|Maximum call stack/.test(l))) misses.push(`a handler failed: ${server.logs.join(' | ')}`);
  await server.stop();
  return misses;
}

/** 40 files of about 1 MB, each of GameServerSets as in the YAML benchmark. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'okg-hostile-scan-'));
  mkdirSync(join(dir, 'deploy'));
  for (let f = 0; f < 40; f++) {
    const parts: string[] = [];
    for (let size = 0, i = 0; size < 1_000_000 - 90_000; i++) {
      const part = gameServerSetsYaml((s) => `file ${f} part ${i} set ${s}`);
      parts.push(part);
      size += part.length + 4;
    }
    writeFileSync(join(dir, 'deploy', `sets-${String(f).padStart(2, '0')}.yaml`), parts.join('---\n'));
  }
  return dir;
}

async function scan(): Promise<string[]> {
  const dir = workspace();
  const misses: string[] = [];
  try {
    const started = performance.now();
    const server = await startServer(dir);
    serverPid = undefined;
    const uri = 'file:///bench/scan.kgfilter';
    const text = '{"images": [""]}';
    void server.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kgfilter', version: 1, text } });
    const done = logged(server, /^okg: workspace scan read/, 120_000);
    let finished = false;
    void done.then(
      () => (finished = true),
      () => (finished = true),
    );
    const samples: number[] = [];
    while (!finished) {
      const start = performance.now();
      await server.client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 13 } });
      samples.push(performance.now() - start);
      // A typing pace: a request every few milliseconds, not a flood that starves the scan.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const line = await done;
    const scanMs = performance.now() - started;
    const items = await server.client.sendRequest<unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 13 } });
    const cpu = cpuOf(server.child.pid);
    const mem = await server.memory();
    await server.stop();
    samples.sort((a, b) => a - b);
    const p95 = percentile(samples, 0.95);
    console.log(`workspace scan of 40 YAML files of ~1 MB (GameServerSets only), completion asked every 5 ms meanwhile:`);
    console.log(`  ${line.replace(/^okg: /, '')}`);
    console.log(
      `  scan done ${scanMs.toFixed(0)} ms after start; server cpu ${Number.isNaN(cpu) ? 'n/a' : `${cpu} ms`}; ${Array.isArray(items) ? items.length : 0} image items offered after; server rss ${(mem.rss / MB).toFixed(0)} MB`,
    );
    console.log(
      `  completion during the scan: ${samples.length} requests, p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${samples[samples.length - 1].toFixed(1)} ms (budget p95 ≤ ${SCAN_COMPLETION_P95_BUDGET_MS} ms)`,
    );
    if (samples.length < 20) misses.push(`only ${samples.length} completions during the scan: too few to judge`);
    // Wall time is all there is to judge here: under load it is mostly the wait for a core, so the
    // budget is then not judged, and the bench says so.
    if (BUSY) console.log(`  load average above the core count: the p95 budget is not judged in this run`);
    else if (p95 > SCAN_COMPLETION_P95_BUDGET_MS) misses.push(`completion p95 during the scan ${p95.toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return misses;
}

async function main(): Promise<void> {
  console.log(`load average ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`);
  const misses = [...(await requests()), ...(await scan())];
  if (misses.length > 0) {
    console.error(`lsp-hostile benchmark: over budget (${misses.join('; ')})`);
    process.exit(1);
  }
  console.log('OK: every request within budget');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
