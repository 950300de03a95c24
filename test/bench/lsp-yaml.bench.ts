// Latency of our YAML features on a 3,000-line file of 20 GameServerSets with serviceQualities, and
// yaml-language-server validating the same file with our GameServerSet schema, in the same run.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';
import { yamlCompletion, yamlDiagnostics, yamlHover } from '../../server/src/features/yaml';

const SETS = 20;
const BUDGET = { completionP95: 15, diagnosticsP95: 50 };

function serviceQuality(set: number, q: number): string {
  return `    - name: probe-${q}
      containerName: game
      permanent: false
      periodSeconds: ${3 + q}
      exec:
        command: ["/bin/sh", "-c", "/opt/game/probe-${q}.sh"]
      serviceQualityAction:
        - state: true
          opsState: None
        - state: true
          result: idle
          opsState: WaitToBeDeleted
          deletionPriority: ${10 + set}
        - state: false
          opsState: Maintaining
          labels:
            gs-sync/probe-${q}: failed
`;
}

/** One set; `tag` goes into a comment so a variant of the file differs in every document. */
function gameServerSet(i: number, tag: string): string {
  return `# set ${i} ${tag}
apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: battle-${i}
  namespace: games
  labels:
    app: battle
spec:
  replicas: ${5 + i}
  reserveGameServerIds: [1, "4-6"]
  scaleStrategy:
    scaleDownStrategyType: General
  updateStrategy:
    rollingUpdate:
      podUpdatePolicy: InPlaceIfPossible
      maxUnavailable: 20%
  network:
    networkType: Kubernetes-HostPort
    networkConf:
      - name: ContainerPorts
        value: "game:7777/UDP"
  gameServerTemplate:
    reclaimPolicy: Cascade
    metadata:
      labels:
        game: battle-${i}
    spec:
      containers:
        - name: game
          image: registry.example.com/battle:1.${i}.0
          ports:
            - containerPort: 7777
              protocol: UDP
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
        - name: sidecar
          image: busybox:1.37.0
  serviceQualities:
${Array.from({ length: 7 }, (_, q) => serviceQuality(i, q)).join('')}`;
}

function file(tag: (i: number) => string): string {
  return Array.from({ length: SETS }, (_, i) => gameServerSet(i, tag(i))).join('---\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Stats {
  p50: number;
  p95: number;
  cpuP95: number;
}

function stats(samples: Sample[]): Stats {
  const wall = samples.map((x) => x.wall).sort((a, b) => a - b);
  const cpu = samples.map((x) => x.cpu).sort((a, b) => a - b);
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP95: percentile(cpu, 95) };
}

interface Sample {
  wall: number;
  /** CPU time of this process: what the request costs, without the waits a busy machine adds. */
  cpu: number;
}

function time(run: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function show(label: string, s: Stats, extra = ''): void {
  const cpu = Number.isNaN(s.cpuP95) ? '' : `   cpu p95 ${s.cpuP95.toFixed(1).padStart(6)} ms`;
  console.log(`  ${label.padEnd(42)} p50 ${s.p50.toFixed(1).padStart(6)} ms   p95 ${s.p95.toFixed(1).padStart(6)} ms${cpu}${extra}`);
}

/** The position just after `needle` in the given set's document. */
function positionAfter(text: string, set: number, needle: string): Position {
  const docStart = text.indexOf(`# set ${set} `);
  const at = text.indexOf(needle, docStart) + needle.length;
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
}

async function main(): Promise<void> {
  const base = file(() => 'base');
  const lines = base.split('\n').length;
  console.log(
    `YAML: ${SETS} GameServerSets, ${lines} lines, ${(base.length / 1024).toFixed(0)} KB; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  const errors = yamlDiagnostics(base).filter((d) => d.severity === 1);
  if (errors.length) throw new Error(`the generated file should be clean: ${errors.map((d) => d.message).join('; ')}`);

  const N = 100;
  const ROUNDS = 30;
  // One document changed, as after a keystroke.
  const edited = Array.from({ length: N }, (_, k) => file((i) => (i === k % SETS ? `edit ${k}` : 'base')));
  // The document being typed in changes on each request.
  const typing = Array.from({ length: N }, (_, k) => file((i) => (i === 10 ? `typing ${k}` : 'base')));
  // Every document new: nothing can come from the per-document cache (one set of texts for each side).
  const cold = Array.from({ length: ROUNDS }, (_, k) => file((i) => `cold ${k} ${i}`));
  const theirs = Array.from({ length: ROUNDS }, (_, k) => file((i) => `yls ${k} ${i}`));

  // Warm-up, unmeasured: the language server answers many requests, so the JIT has compiled the hot code.
  for (let k = 0; k < 30; k++) {
    const t = file((i) => `warm ${k} ${i % 3}`);
    yamlDiagnostics(t);
    yamlCompletion(t, positionAfter(t, 10, 'opsState: '));
    yamlCompletion(t, positionAfter(t, 10, '      permanent: false\n      '));
    yamlHover(t, positionAfter(t, 10, '      perman'));
  }
  globalThis.gc?.();

  const diagEdit = edited.map((t) => time(() => yamlDiagnostics(t)));
  const completeValue = typing.map((t) => time(() => yamlCompletion(t, positionAfter(t, 10, 'opsState: '))));
  const completeKey = typing.map((t) => time(() => yamlCompletion(t, positionAfter(t, 10, '      permanent: false\n      '))));
  const hover = typing.map((t) => time(() => yamlHover(t, positionAfter(t, 10, '      perman'))));
  const sample = typing[0];
  const values = yamlCompletion(sample, positionAfter(sample, 10, 'opsState: ')).map((c) => c.label);
  if (!values.includes('WaitToBeDeleted')) throw new Error(`completion found no opsState values: ${values.join(', ')}`);
  if (!yamlHover(sample, positionAfter(sample, 10, '      perman'))) throw new Error('hover found nothing');

  // yaml-language-server (ESM only, loaded here), with our GameServerSet schema for the file.
  const yls = await import('yaml-language-server');
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'gameserverset.schema.json'), 'utf8')) as unknown;
  const service = yls.getLanguageService({
    schemaRequestService: async () => '{}',
    workspaceContext: { resolveRelativePath: (relative: string) => relative },
  });
  service.configure({
    validate: true,
    completion: true,
    hover: true,
    schemas: [{ uri: 'file:///okg/gameserverset.schema.json', fileMatch: ['*.yaml'], schema }],
  });
  const validate = async (text: string, version: number): Promise<number> => {
    const doc = TextDocument.create('file:///bench/gss.yaml', 'yaml', version, text);
    return (await service.doValidation(doc, false)).length;
  };
  const ylsCount = await validate(base, 1); // the first run compiles the schema

  // Ours and theirs alternate, so that load from other processes falls on both alike. First the same
  // stream of edits as above (yaml-language-server re-validates the whole file on each new version),
  // then whole files whose every document is new.
  let version = 2;
  const ylsTime = async (text: string): Promise<Sample> => {
    const start = performance.now();
    await validate(text, version++);
    return { wall: performance.now() - start, cpu: Number.NaN };
  };
  const oursEdit: Sample[] = [];
  const ylsEdit: Sample[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    const text = file((i) => (i === k % SETS ? `round ${k}` : 'base'));
    oursEdit.push(time(() => yamlDiagnostics(text)));
    ylsEdit.push(await ylsTime(text));
  }
  const diagCold: Sample[] = [];
  const ylsDiag: Sample[] = [];
  for (let k = 0; k < ROUNDS; k++) {
    // Each side starts from a collected heap, so neither pays for the other's garbage.
    globalThis.gc?.();
    diagCold.push(time(() => yamlDiagnostics(cold[k])));
    globalThis.gc?.();
    ylsDiag.push(await ylsTime(theirs[k]));
  }
  globalThis.gc?.();
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

  const s = {
    diagCold: stats(diagCold),
    diagEdit: stats(diagEdit),
    completeValue: stats(completeValue),
    completeKey: stats(completeKey),
    hover: stats(hover),
    yls: stats(ylsDiag),
    oursEdit: stats(oursEdit),
    ylsEdit: stats(ylsEdit),
  };
  console.log('ours (documents are parsed and checked one by one and cached by their text)');
  show('diagnostics, one document edited', s.diagEdit, `   (budget p95 < ${BUDGET.diagnosticsP95} ms)`);
  show('completion, opsState value', s.completeValue, `   (budget p95 < ${BUDGET.completionP95} ms)`);
  show('completion, service-quality keys', s.completeKey, `   (budget p95 < ${BUDGET.completionP95} ms)`);
  show('hover, service-quality key', s.hover);
  console.log(`  heap after (whole bench process, both servers)  ${heapMb.toFixed(1)} MB`);
  console.log(`yaml-language-server 2.0.0 with our GameServerSet schema (${ylsCount} diagnostics on the clean file), alternating with ours`);
  show('theirs: validation, one document edited', s.ylsEdit);
  show('ours:   diagnostics, one document edited', s.oursEdit);
  show('theirs: validation, every document new', s.yls);
  show('ours:   diagnostics, every document new', s.diagCold);
  const ratio = s.ylsEdit.p50 / s.oursEdit.p50;
  const coldRatio = s.yls.p50 / s.diagCold.p50;
  console.log(`ratio, after an edit (what a user waits for): ours is ${ratio.toFixed(1)}x as fast (p50)`);
  console.log(`ratio, every document new (both parse the whole file with the same yaml package): ${coldRatio.toFixed(1)}x (p50)`);

  // Latency is wall-clock time; on a machine busier than its cores, most of that is waiting for a core,
  // so the budget is then judged on the CPU time the requests used, and the bench says so.
  const busy = loadavg()[0] > cpus().length;
  const p95 = (x: Stats): number => (busy ? x.cpuP95 : x.p95);
  if (busy) console.log(`load average above the core count: budgets judged on cpu p95`);
  const misses: string[] = [];
  if (p95(s.completeValue) >= BUDGET.completionP95 || p95(s.completeKey) >= BUDGET.completionP95) misses.push('completion p95');
  if (p95(s.diagEdit) >= BUDGET.diagnosticsP95) misses.push('diagnostics p95');
  if (ratio <= 1) misses.push('not faster than yaml-language-server');
  if (misses.length) {
    console.error(`lsp-yaml benchmark: over budget (${misses.join(', ')})`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
