// Drives an Extension Development Host as a person would and saves the README's screenshots to
// docs/screenshots/: diagnostics with a hover in a filter, the GameServer tree with a filter's
// matches, and the diff preview of "Apply Patch to Matches" (cancelled at the confirmation).
// The sandbox is first set to a cluster mid-session (SCENE) so the filter matches only some servers.
// Run with `npm run screenshots` (builds first), or node --import tsx test/e2e/screenshots.mjs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureVSCode } from './install-vscode.mjs';
import { ROOT, copyWorkspace, failureShot, makeTempDir, manifest, openWorkbench, removeDir, startSandbox, startVSCodeServer, withTimeout, workbenchUrl } from './harness.mjs';
import { commandTitle, contributedView, expandAll, focusView, openFile, pickQuickInputRow, runCommand, treeRows } from './ui.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
const STEP_TIMEOUT_MS = 90_000;

/** Servers not in play: what a scale-down should take first. */
const FILTER_FILE = 'unallocated.kgfilter';
const FILTER = '{"opsState": {"$ne": "Allocated"}}\n';

/**
 * The default namespace's GameServers (sets battle-royale and minecraft, 5 each) as players and
 * operators left them: four allocated, one in maintenance, one not ready, assorted priorities.
 * The filter then matches the other six, whose rows in the tree differ in state, opsState and priorities.
 */
const SCENE = [
  ['battle-royale-0', { opsState: 'Allocated' }],
  ['battle-royale-1', { opsState: 'Maintaining', updatePriority: 10 }],
  ['battle-royale-2', { opsState: 'Allocated', deletionPriority: 3 }],
  ['battle-royale-3', { currentState: 'NotReady' }],
  ['battle-royale-4', { deletionPriority: 5 }],
  ['minecraft-0', { opsState: 'Allocated', updatePriority: 3 }],
  ['minecraft-2', { deletionPriority: 10, updatePriority: 2 }],
  ['minecraft-3', { opsState: 'Allocated' }],
];
const SCENE_MATCHES = 6;

/** Sets the scene through the sandbox's mutate API, as the cluster's other clients would. */
function setScene(sandbox, namespace) {
  for (const [name, { opsState, currentState, deletionPriority, updatePriority }] of SCENE) {
    sandbox.mutate('GameServer', namespace, name, (gs) => {
      if (opsState) gs.spec.opsState = opsState;
      if (currentState) gs.status.currentState = currentState;
      // Spec is what a user sets; status is OKG's copy of it (a string), which the tree shows.
      if (deletionPriority !== undefined) {
        gs.spec.deletionPriority = deletionPriority;
        gs.status.deletionPriority = String(deletionPriority);
      }
      if (updatePriority !== undefined) {
        gs.spec.updatePriority = updatePriority;
        gs.status.updatePriority = String(updatePriority);
      }
    });
  }
  const all = sandbox.objects('GameServer', namespace);
  const matches = all.filter((gs) => gs.spec.opsState !== 'Allocated').length;
  if (all.length !== 10 || matches !== SCENE_MATCHES) throw new Error(`the scene has ${matches} of ${all.length} GameServers unallocated in ${namespace}, not ${SCENE_MATCHES} of 10`);
}

/** Drags the side bar's edge so the tree's descriptions (`STATE · OPSSTATE · DP/UP`) fit. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the side bar has no box');
  if (box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

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
    what: `Run Filter on ${FILTER_FILE}: the GameServers view shows only the ${SCENE_MATCHES} matches`,
    async take(page, { pkg, namespace }) {
      await openFile(page, FILTER_FILE);
      await runCommand(page, commandTitle(pkg, /runFilter/i));
      const view = contributedView(pkg, /gameServers/i);
      await focusView(page, view);
      await treeRows(page, view).filter({ hasText: namespace }).first().waitFor({ timeout: 30_000 });
      await page.locator(`.pane:has(.pane-header[aria-label^="${view.name}"])`).getByText(`${SCENE_MATCHES} of 10 GameServers match`).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
      await widenSideBar(page, 420);
      await expandAll(page, view);
      await page.mouse.move(0, 0);
    },
  },
  {
    file: 'diff-preview.png',
    what: `Apply Patch to Matches with mark-wait.kgpatch: one diff per match (${SCENE_MATCHES})`,
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
      await page.getByText(`(${SCENE_MATCHES} files)`).first().waitFor({ timeout: 30_000 });
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
  const namespace = 'default';
  setScene(sandbox, namespace);
  const server = await startVSCodeServer({ serverMain: paths.serverMain, dataDir: join(tmp, 'vscode'), extensionsDir: join(tmp, 'extensions'), env: { KUBECONFIG: kubeconfigPath } });
  cleanups.push(() => server.close());
  const workspace = copyWorkspace(join(ROOT, 'test', 'e2e', 'workspace'), tmp);
  writeFileSync(join(workspace, FILTER_FILE), FILTER);
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
