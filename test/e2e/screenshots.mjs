// Drives an Extension Development Host as a person would and saves the README's screenshots to
// docs/screenshots/: diagnostics with a hover in a filter, the GameServer tree with a filter's
// matches, and the diff preview of "Apply Patch to Matches" (cancelled at the confirmation).
// Run with `npm run screenshots` (builds first), or node --import tsx test/e2e/screenshots.mjs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVSCode } from './install-vscode.mjs';
import { ROOT, copyWorkspace, failureShot, makeTempDir, manifest, openWorkbench, removeDir, startSandbox, startVSCodeServer, withTimeout, workbenchUrl } from './harness.mjs';
import { commandTitle, contributedView, expandAll, focusView, openFile, pickQuickInputRow, runCommand, treeRows } from './ui.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
const STEP_TIMEOUT_MS = 90_000;

const shots = [
  {
    file: 'filter-diagnostics.png',
    what: 'a filter with an unknown field: the squiggle and its hover',
    async take(page) {
      await openFile(page, 'unknown-field.kgfilter');
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor({ timeout: 30_000 });
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the error squiggle has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ timeout: 15_000 });
    },
  },
  {
    file: 'tree-matches.png',
    what: 'Run Filter on idle.kgfilter: the GameServers view shows the matches',
    async take(page, { pkg, namespace }) {
      await openFile(page, 'idle.kgfilter');
      await runCommand(page, commandTitle(pkg, /runFilter/i));
      const view = contributedView(pkg, /gameServers/i);
      await focusView(page, view);
      await treeRows(page, view).filter({ hasText: namespace }).first().waitFor({ timeout: 30_000 });
      await expandAll(page, view);
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'diff-preview.png',
    what: 'Apply Patch to Matches with mark-wait.kgpatch: one diff per match',
    async take(page, { pkg }) {
      await openFile(page, 'mark-wait.kgpatch');
      await runCommand(page, commandTitle(pkg, /applyPatch/i));
      // The command may ask which matches to use; take the filter the tree shows (first entry).
      const diff = page.locator('.multiDiffEditor, .monaco-diff-editor').first();
      const picker = page.locator('.quick-input-widget .monaco-list-row').first();
      for (let i = 0; i < 3; i++) {
        await Promise.race([diff.waitFor({ timeout: 30_000 }), picker.waitFor({ timeout: 30_000 })]);
        if (await diff.isVisible()) break;
        await pickQuickInputRow(page, (await picker.innerText()).split('\n')[0]);
      }
      await diff.waitFor({ timeout: 30_000 });
      // Let the per-file editors render their text before the picture is taken.
      await page.locator('.multiDiffEditor .view-line, .monaco-diff-editor .view-line').first().waitFor({ timeout: 30_000 });
    },
    // The preview ends in a modal confirmation; cancel it so nothing is written.
    after: (page) => page.keyboard.press('Escape'),
  },
];

const started = Date.now();
const cleanups = [];
let failed = 0;
let saved = 0;
try {
  const paths = await ensureVSCode();
  const pkg = manifest();
  const tmp = makeTempDir('okg-shots-');
  cleanups.push(() => removeDir(tmp));
  const kubeconfigPath = join(tmp, 'kubeconfig');
  const sandbox = await withTimeout(startSandbox({ sets: 3, replicas: 5, churn: 0, port: 0, kubeconfigPath }), 30_000, 'the sandbox to start');
  cleanups.push(() => sandbox.close());
  const namespace = (await sandbox.objects('GameServer'))[0]?.metadata?.namespace;
  const server = await startVSCodeServer({ serverMain: paths.serverMain, dataDir: join(tmp, 'vscode'), extensionsDir: join(tmp, 'extensions'), env: { KUBECONFIG: kubeconfigPath } });
  cleanups.push(() => server.close());
  const workspace = copyWorkspace(join(ROOT, 'test', 'e2e', 'workspace'), tmp);
  const window = await openWorkbench(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: ROOT }));
  cleanups.push(() => window.close());
  mkdirSync(OUT, { recursive: true });
  for (const shot of shots) {
    try {
      await withTimeout(shot.take(window.page, { pkg, namespace }), STEP_TIMEOUT_MS, shot.what);
      await window.page.screenshot({ path: join(OUT, shot.file) });
      saved++;
      console.log(`screenshots: saved docs/screenshots/${shot.file} (${shot.what})`);
    } catch (err) {
      failed++;
      const note = await failureShot(window.page, shot.file.replace(/\.png$/, '.failed'));
      console.log(`screenshots: FAILED ${shot.file} (${shot.what}): ${err instanceof Error ? err.message.split('\n')[0] : String(err)} ${note}`);
    }
    await shot.after?.(window.page);
  }
} catch (err) {
  failed++;
  console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  while (cleanups.length > 0) await Promise.resolve().then(cleanups.pop()).catch(() => undefined);
}
console.log(`screenshots: ${saved} saved, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed === 0 && saved === shots.length ? 0 : 1);
