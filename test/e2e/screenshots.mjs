// `npm run screenshots`: the UI pass (ui-pass.mjs), keeping the README's pictures in
// docs/screenshots/: diagnostics with a hover in a filter, the GameServer tree with a filter's
// matches, and the diff preview of "Apply Patch to Matches" under its confirmation.
// Or: node --import tsx test/e2e/screenshots.mjs (after `node esbuild.mjs`).
import { join } from 'node:path';
import { ensureVSCode } from './install-vscode.mjs';
import { ROOT } from './harness.mjs';
import { runUiPass } from './ui-pass.mjs';

const started = Date.now();
const outDir = join(ROOT, 'docs', 'screenshots');
const { passed, failures } = await runUiPass({
  paths: await ensureVSCode(),
  outDir,
  readmeOnly: true,
  onResult: (r) => console.log(r.ok ? `screenshots: ok   ${r.title}` : `screenshots: FAIL ${r.title}: ${r.message}`),
});
for (const f of failures.filter((f) => f.title === 'UI pass')) console.error(`screenshots: ${f.message}`);
console.log(`screenshots: ${passed} steps passed, ${failures.length} failed; pictures in ${outDir} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failures.length === 0 && passed > 0 ? 0 : 1);
