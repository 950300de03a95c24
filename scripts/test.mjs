// Runs every node:test suite in one runner (one closing summary), then the e2e suite if built.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
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

const only = process.argv.slice(2);
const suites = (only.length ? only : ['unit', 'lsp', 'cluster', 'cli']).flatMap((s) => find(join('test', s))).sort();
if (suites.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The cluster and CLI suites drive the sandbox with kubectl, which the set-up installs when missing.
if (suites.some((f) => f.startsWith(join('test', 'cluster')) || f.startsWith(join('test', 'cli')))) {
  const setup = spawnSync(process.execPath, [join('scripts', 'setup-kubectl.mjs')], { stdio: 'inherit' });
  if (setup.status !== 0) process.exit(setup.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...suites], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
