// The A/B of the yaml library's two builds: the same whole-file parse timed in a process that runs the
// browser build (tsconfig.json's `#yaml`, what ships) and in one that runs the Node build (its per-token
// read of process.env included), alternating, so the benchmark shows what the browser build buys.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseYaml } from '../../server/src/engine/internal';
import { gameServerSetsYaml as file } from './lsp-fixtures';
import { percentile } from './measure';

const PARSES = 40;
const FLAG = '--yaml-parse-only';

/** In a child started by compareYamlBuilds: times whole-file parses and prints `p50 p95 cpuP50 cpuP95 build`. */
export function parseOnlyIfAsked(): boolean {
  if (!process.argv.includes(FLAG)) return false;
  for (let k = 0; k < 20; k++) parseYaml(file((i) => `warm ${k} ${i}`));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < PARSES; k++) {
    const text = file((i) => `parse ${k} ${i}`);
    const used = process.cpuUsage();
    const start = performance.now();
    parseYaml(text);
    wall.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  const build = Object.keys(require.cache).some((p) => p.includes(join('yaml', 'browser'))) ? 'browser' : 'node';
  const figures = [percentile(wall, 0.5), percentile(wall, 0.95), percentile(cpu, 0.5), percentile(cpu, 0.95)];
  console.log(`${figures.join(' ')} ${build}`);
  return true;
}

export interface BuildTiming {
  build: string;
  p50: number;
  p95: number;
  /** CPU time: what a parse costs without the waits a busy machine adds. */
  cpuP50: number;
  cpuP95: number;
}

function child(benchFile: string, tsconfig?: string): BuildTiming {
  const env = tsconfig ? { ...process.env, TSX_TSCONFIG_PATH: tsconfig } : process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', benchFile, FLAG], { env, encoding: 'utf8' });
  const [p50, p95, cpuP50, cpuP95, build] = r.stdout.trim().split(' ');
  if (r.status !== 0 || !build) throw new Error(`the yaml parse child failed (${r.status}): ${r.stderr}`);
  return { build, p50: Number(p50), p95: Number(p95), cpuP50: Number(cpuP50), cpuP95: Number(cpuP95) };
}

/** Each build's best round (by CPU p50) of `rounds`, browser first; the runs alternate so machine load falls on both. */
export function compareYamlBuilds(benchFile: string, rounds = 3): [BuildTiming, BuildTiming] {
  const nodeConfig = join(__dirname, 'tsconfig.yaml-node.json');
  const best = (a: BuildTiming | undefined, b: BuildTiming): BuildTiming => (a && a.cpuP50 <= b.cpuP50 ? a : b);
  let browser: BuildTiming | undefined;
  let node: BuildTiming | undefined;
  for (let r = 0; r < rounds; r++) {
    browser = best(browser, child(benchFile));
    node = best(node, child(benchFile, nodeConfig));
  }
  if (browser?.build !== 'browser' || node?.build !== 'node') {
    throw new Error(`the yaml A/B ran the ${browser?.build} and ${node?.build} builds, not browser and node`);
  }
  return [browser, node];
}
