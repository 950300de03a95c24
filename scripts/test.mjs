// The whole test run: every node:test suite in one runner, then the end-to-end suite in a real
// VS Code, then one closing line that counts both. `--fast` (npm run test:fast) runs the type check
// and the lint beside the node suites, and leaves out the files whose header says `// Not in
// test:fast: <why>` (VS Code and root to install it; packaging a single executable).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileTests } from './compile-tests.mjs';

function find(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** A file that says so in its header is left to the full run (npm test), with its reason. */
const leftToFullRun = (file) => /^\/\/ Not in test:fast: /m.test(readFileSync(file, 'utf8'));

/** Runs node with `args`; asynchronous, so the checks beside it keep draining their output. */
function run(args) {
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

/** Node's runner: spec output on the terminal, TAP into a file whose totals we read. */
async function nodeSuites(suites) {
  if (suites.some((f) => f.startsWith(join('test', 'cluster')) || f.startsWith(join('test', 'cli')))) {
    // The cluster and CLI suites drive the sandbox with kubectl, which the set-up installs when missing.
    if ((await run([join('scripts', 'setup-kubectl.mjs')])) !== 0) return { passed: 0, failed: 1 };
  }
  const tap = join(mkdtempSync(join(tmpdir(), 'okg-test-')), 'results.tap');
  const status = await run([
    '--enable-source-maps',
    '--test',
    ...(concurrency ? [`--test-concurrency=${concurrency}`] : []),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...(await compileTests(suites)),
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

/**
 * Runs an npm script with its output kept, so it does not interleave with the tests'; resolves with
 * a result that counts as one test, and prints the output when it failed.
 */
function npmScript(name) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (code) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(0);
      console.log(`\nnpm run ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds} s`);
      if (code !== 0) console.log(out);
      resolve(code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
    });
  });
}

// `--concurrency=N`: test files run N at a time (node's default here is one less than the cores).
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const concurrency = /^--concurrency=(\d+)$/.exec(flags.find((f) => f.startsWith('--concurrency=')) ?? '')?.[1];
const fast = flags.includes('--fast');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const names = only.length ? only : ['unit', 'lsp', 'cluster', 'cli', 'e2e'];
const suites = names
  .filter((n) => n !== 'e2e')
  .flatMap((s) => find(join('test', s)))
  .filter((f) => !fast || !leftToFullRun(f))
  .sort();
const t0 = Date.now();
// The checks are one process each, mostly on one core; beside the suites they fill the time the
// tests spend waiting on sockets and timers. Only the scripts package.json has are run.
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};
// lint:fast keeps ESLint's cache between runs: a file's type-aware findings may then lag a change
// in another file, so npm test runs the uncached lint.
const checks = fast ? ['check', 'lint:fast'].filter((n) => n in scripts).map(npmScript) : [];
const results = [];
if (suites.length) results.push(await nodeSuites(suites));
results.push(...(await Promise.all(checks)));
if (names.includes('e2e')) results.push(await e2e());
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
if (passed + failed === 0) {
  console.error('no tests ran');
  process.exit(1);
}
console.log(`\ntotal: ${passed} passed, ${failed} failed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failed === 0 ? 0 : 1);
