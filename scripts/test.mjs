// The whole test run: every node:test suite in one runner, then the end-to-end suite in a real
// VS Code, then one closing line that counts both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function run(args, options = {}) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', ...options });
  return r.status ?? 1;
}

/** Node's runner: spec output on the terminal, TAP into a file whose totals we read. */
function nodeSuites(suites) {
  if (suites.some((f) => f.startsWith(join('test', 'cluster')) || f.startsWith(join('test', 'cli')))) {
    // The cluster and CLI suites drive the sandbox with kubectl, which the set-up installs when missing.
    if (run([join('scripts', 'setup-kubectl.mjs')]) !== 0) return { passed: 0, failed: 1 };
  }
  const tap = join(mkdtempSync(join(tmpdir(), 'okg-test-')), 'results.tap');
  const status = run([
    '--import',
    'tsx',
    '--test',
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...suites,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  return { passed: count('pass'), failed: status !== 0 && failed === 0 ? 1 : failed };
}

/** The e2e launcher prints `e2e: N passed, N failed`; it installs the VS Code build it needs. */
async function e2e() {
  const child = spawn('npm', ['run', 'test:e2e'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    out += chunk;
  });
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const m = /^e2e: (\d+) passed, (\d+) failed\b/m.exec(out);
  const passed = Number(m?.[1] ?? 0);
  const failed = Number(m?.[2] ?? 0);
  return { passed, failed: status !== 0 && failed === 0 ? 1 : failed };
}

// `--concurrency=N`: test files run N at a time (node's default here is one less than the cores).
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const concurrency = /^--concurrency=(\d+)$/.exec(flags.find((f) => f.startsWith('--concurrency=')) ?? '')?.[1];
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = only.length ? only : ['unit', 'lsp', 'cluster', 'cli', 'e2e'];
const suites = names
  .filter((n) => n !== 'e2e')
  .flatMap((s) => find(join('test', s)))
  .sort();
const results = [];
if (suites.length) results.push(nodeSuites(suites));
if (names.includes('e2e')) results.push(await e2e());
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
if (passed + failed === 0) {
  console.error('no tests ran');
  process.exit(1);
}
console.log(`\ntotal: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
