// The UI pass: drives a VS Code window with Playwright as a person would (Quick Open, the command
// palette, hovers, the modal confirmation, the typed count, the status bar) against its own
// sandbox, checks what each step shows and what it did to the cluster, and saves a picture of each
// step. The test run saves them under test-results/ui/; `npm run screenshots` saves the README's
// pictures to docs/screenshots/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyWorkspace, failureShot, makeTempDir, manifest, openWorkbench, removeDir, startSandbox, startVSCodeServer, withTimeout, workbenchUrl, ROOT } from './harness.mjs';
import { commandTitle, contributedView, expandAll, focusView, openFile, pickQuickInputRow, runCommand, treeRows } from './ui.mjs';

const STEP_TIMEOUT_MS = 90_000;
const WAIT_MS = 30_000;
const NAMESPACE = 'default';

/** Servers not in play: what a scale-down should take first. */
const FILTER_FILE = 'unallocated.kgfilter';
const FILTER = '{"opsState": {"$ne": "Allocated"}}\n';
const KILL_FILTER_FILE = 'kill-two.kgfilter';
const KILL_TARGETS = ['battle-royale-4', 'minecraft-4'];
const KILL_PATCH_FILE = 'kill.kgpatch';

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

/** Sets the scene through the sandbox's mutate API, as the cluster's other clients would. */
function setScene(sandbox) {
  for (const [name, { opsState, currentState, deletionPriority, updatePriority }] of SCENE) {
    sandbox.mutate('GameServer', NAMESPACE, name, (gs) => {
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
}

const unallocated = (sandbox) =>
  sandbox
    .objects('GameServer', NAMESPACE)
    .filter((gs) => gs.spec.opsState !== 'Allocated')
    .map((gs) => gs.metadata.name)
    .sort();

function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** Polls `read` until `ok` holds; fails with `describe` of the last value read. */
async function eventually(read, ok, describe, timeoutMs = WAIT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(describe(value));
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The labels of a view's GameServer rows (leaves: no twistie). */
async function gameServerRows(page, view) {
  const rows = treeRows(page, view).and(page.locator(':not([aria-expanded])'));
  return (await rows.locator('.label-name').allInnerTexts()).map((t) => t.trim()).sort();
}

/** The dialog box of a modal message, once it shows `text`. */
async function modalDialog(page, text) {
  const dialog = page.locator('.monaco-dialog-box', { hasText: text });
  await dialog.waitFor({ timeout: WAIT_MS });
  return dialog;
}

/** Waits for a notification toast that contains `text`; resolves to its whole text. */
async function toast(page, text) {
  const t = page.locator('.notification-toast', { hasText: text }).first();
  await t.waitFor({ timeout: WAIT_MS });
  return t.innerText();
}

async function closeToasts(page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
}

/** The Apply Patch to Matches button in the editor title of the open patch. */
const applyButton = (page) => page.locator('.editor-actions .action-label[aria-label^="Apply Patch to Matches"]');

/**
 * Runs Apply Patch to Matches on the open patch (from the palette, or with `button` from the editor
 * title), picks the view's current results, and waits for the diff.
 */
async function previewCurrentResults(page, pkg, files, { button = false } = {}) {
  if (button) await applyButton(page).click({ timeout: WAIT_MS });
  else await runCommand(page, commandTitle(pkg, /applyPatch/i));
  await pickQuickInputRow(page, 'Current results');
  await page.locator('.multiDiffEditor').first().waitFor({ timeout: WAIT_MS });
  await page.getByText(`(${files} files)`).first().waitFor({ timeout: WAIT_MS });
  // Let the per-file editors render their text before anyone looks.
  await page.locator('.multiDiffEditor .view-line').first().waitFor({ timeout: WAIT_MS });
}

/**
 * Each step: a title (what a person does and sees), the picture it leaves (`shot`), and `run`,
 * which throws with what differed. `readme` marks the pictures the README shows.
 */
const steps = [
  {
    title: 'an unknown filter field gets an error squiggle whose hover names the field and the near miss, and the cluster is not touched',
    shot: 'filter-diagnostics.png',
    readme: true,
    async run({ page, sandbox }) {
      await openFile(page, 'unknown-field.kgfilter');
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor({ timeout: WAIT_MS });
      const box = await squiggle.boundingBox();
      check(box, 'the error squiggle has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      await hover.waitFor({ timeout: WAIT_MS });
      const text = await hover.innerText();
      check(/opState/.test(text) && /opsState/.test(text), `the hover does not name the field and its near miss: ${JSON.stringify(text)}`);
      // The language features activated the extension; only the view or a command may reach the cluster.
      await page.locator('.statusbar-item', { hasText: 'okg-sandbox' }).first().waitFor({ timeout: WAIT_MS });
      const requests = sandbox.requests();
      check(requests.length === 0, `the extension reached the cluster before the view was shown or a command ran: ${JSON.stringify(requests.slice(0, 3))}`);
    },
  },
  {
    title: 'Run Filter from the palette: the view says how many match and lists exactly the matches',
    shot: 'tree-matches.png',
    readme: true,
    async run({ page, pkg, view, sandbox }) {
      const want = unallocated(sandbox);
      await openFile(page, FILTER_FILE);
      await runCommand(page, commandTitle(pkg, /runFilter/i));
      await focusView(page, view);
      await page.locator('.pane-body').getByText(`${want.length} of 10 GameServers match`).first().waitFor({ timeout: WAIT_MS });
      await widenSideBar(page, 420);
      await expandAll(page, view);
      // Children render after their parent expands: poll until the rows settle.
      await eventually(
        () => gameServerRows(page, view),
        (rows) => JSON.stringify(rows) === JSON.stringify(want),
        (rows) => `the view lists ${JSON.stringify(rows)}, the filter matches ${JSON.stringify(want)}`,
      );
      await page.mouse.move(0, 0);
    },
  },
  {
    title: 'Apply Patch to Matches from the palette: one diff per match, then the modal names the count and context',
    shot: 'diff-preview.png',
    readme: true,
    async run({ page, pkg, sandbox }) {
      const want = unallocated(sandbox);
      await openFile(page, 'mark-wait.kgpatch');
      await previewCurrentResults(page, pkg, want.length);
      // The modal stands over the diff; the picture shows the diff, so it is taken once the dialog is up.
      await modalDialog(page, `Apply to ${want.length} GameServers in okg-sandbox?`);
      // The preview's progress notification fades out once every object is previewed.
      await page.locator('.notification-toast', { hasText: 'Previewing' }).waitFor({ state: 'detached', timeout: WAIT_MS });
    },
  },
  {
    title: 'clicking Apply in the modal changes exactly the matches and the summary says so',
    shot: 'apply-summary.png',
    async run({ page, sandbox }) {
      const want = unallocated(sandbox);
      const before = new Map(sandbox.objects('GameServer').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
      const dialog = await modalDialog(page, `Apply to ${want.length} GameServers`);
      await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
      const text = await toast(page, 'Changed');
      check(text.includes(`Changed ${want.length} of ${want.length} GameServers in okg-sandbox.`), `the summary reads ${JSON.stringify(text)}`);
      // The view follows the watch: every match now reads WaitToBeDeleted, with no refresh.
      await page
        .locator('.pane-body .monaco-list-row .label-description', { hasText: 'WaitToBeDeleted' })
        .nth(want.length - 1)
        .waitFor({ timeout: WAIT_MS });
      for (const obj of sandbox.objects('GameServer')) {
        const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
        if (obj.metadata.namespace === NAMESPACE && want.includes(obj.metadata.name)) {
          check(obj.spec.opsState === 'WaitToBeDeleted', `${key} is a match but its opsState is ${obj.spec.opsState}`);
        } else {
          check(JSON.stringify(obj.spec) === JSON.stringify(before.get(key)?.spec), `${key} is not a match but its spec changed`);
        }
      }
    },
  },
  {
    title: 'Apply from the patch editor\'s title button: a Kill patch asks for the count to be typed: a wrong count does not apply, the right one kills exactly those servers',
    shot: 'kill-typed-count.png',
    async run({ page, pkg, view, sandbox, extraShot }) {
      await closeToasts(page);
      await openFile(page, KILL_FILTER_FILE);
      await runCommand(page, commandTitle(pkg, /runFilter/i));
      await focusView(page, view);
      await page.locator('.pane-body').getByText(`${KILL_TARGETS.length} of 10 GameServers match`).first().waitFor({ timeout: WAIT_MS });
      await openFile(page, KILL_PATCH_FILE);
      await previewCurrentResults(page, pkg, KILL_TARGETS.length, { button: true });
      const dialog = await modalDialog(page, `Apply to ${KILL_TARGETS.length} GameServers in okg-sandbox?`);
      await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: WAIT_MS });
      const prompt = await page.locator('.quick-input-widget').innerText();
      check(/opsState to Kill/.test(prompt), `the typed-count prompt does not give the Kill reason: ${JSON.stringify(prompt)}`);
      await input.fill(String(KILL_TARGETS.length + 1));
      await page.locator('.quick-input-message', { hasText: `Type ${KILL_TARGETS.length} to confirm` }).waitFor({ timeout: WAIT_MS });
      await page.keyboard.press('Enter');
      check(await input.isVisible(), 'Enter with the wrong count closed the input box');
      check(KILL_TARGETS.every((n) => sandbox.objects('GameServer', NAMESPACE).some((o) => o.metadata.name === n && o.spec.opsState !== 'Kill')), 'a wrong count killed a server');
      await extraShot('kill-wrong-count.png');
      await input.fill(String(KILL_TARGETS.length));
      await page.keyboard.press('Enter');
      const text = await toast(page, 'Changed');
      check(text.includes(`Changed ${KILL_TARGETS.length} of ${KILL_TARGETS.length} GameServers`), `the summary reads ${JSON.stringify(text)}`);
      // OKG deletes a killed server and lowers its set's replicas, so the server does not come back.
      const left = sandbox.objects('GameServer', NAMESPACE).map((o) => o.metadata.name);
      check(!KILL_TARGETS.some((n) => left.includes(n)), `killed servers are still there: ${JSON.stringify(left)}`);
      check(left.length === 10 - KILL_TARGETS.length, `${left.length} GameServers are left in ${NAMESPACE}, not ${10 - KILL_TARGETS.length}: ${JSON.stringify(left)}`);
    },
  },
  {
    title: 'the status bar names the context; choosing both namespaces from it shows both in the view',
    shot: 'status-bar-namespaces.png',
    async run({ page, view, sandbox }) {
      await closeToasts(page);
      await runCommand(page, 'OKG: Clear Filter');
      const item = page.locator('.statusbar-item', { hasText: `okg-sandbox · ${NAMESPACE}` }).first();
      await item.waitFor({ timeout: WAIT_MS });
      await item.click();
      const contexts = page.locator('.quick-input-widget .monaco-list-row');
      await contexts.first().waitFor({ timeout: WAIT_MS });
      const listed = await contexts.locator('.label-name').allInnerTexts();
      check(listed.includes('okg-sandbox'), `the context pick lists ${JSON.stringify(listed)}, not the kubeconfig's okg-sandbox`);
      await pickQuickInputRow(page, 'okg-sandbox');
      const namespaces = [...new Set(sandbox.objects('GameServer').map((o) => o.metadata.namespace))].sort();
      check(namespaces.length === 2, `sandbox precondition: two namespaces, got ${JSON.stringify(namespaces)}`);
      for (const ns of namespaces) {
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: ns }).first();
        await row.waitFor({ timeout: WAIT_MS });
        if ((await row.getAttribute('aria-checked')) !== 'true') await row.click();
      }
      await page.locator('.quick-input-widget .quick-input-action .monaco-button', { hasText: 'OK' }).click();
      await page.locator('.statusbar-item', { hasText: `okg-sandbox · ${namespaces.join(', ')}` }).first().waitFor({ timeout: WAIT_MS });
      await focusView(page, view);
      for (const ns of namespaces) await treeRows(page, view).filter({ hasText: ns }).first().waitFor({ timeout: WAIT_MS });
    },
  },
];

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

/** What the command palette lists for `query`, once the list has settled. */
async function paletteTitles(page, query) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT_MS });
  await input.fill(`>${query}`);
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: WAIT_MS });
  const titles = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
  await page.keyboard.press('Escape');
  return titles.map((t) => t.trim());
}

/** Steps in a Restricted Mode window (workspace trust on, the folder not trusted), on a fresh sandbox. */
const untrustedSteps = [
  {
    title: 'in Restricted Mode a filter still gets its diagnostics, Apply Patch to Matches is not offered, and the cluster is not changed',
    shot: 'restricted-mode.png',
    async run({ page, pkg, sandbox }) {
      await openFile(page, 'unknown-field.kgfilter');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT_MS });
      const apply = commandTitle(pkg, /applyPatch/i);
      const run = commandTitle(pkg, /runFilter/i);
      // The language server answered, so the extension is active and its commands are registered.
      const titles = await eventually(
        () => paletteTitles(page, 'OKG:'),
        (t) => t.includes(run),
        (t) => `the palette lists ${JSON.stringify(t)}, without ${run}`,
      );
      check(!titles.includes(apply), `the palette offers ${apply} in Restricted Mode: ${JSON.stringify(titles)}`);
      await openFile(page, 'mark-wait.kgpatch');
      await page.locator('.tabs-container .tab.active', { hasText: 'mark-wait.kgpatch' }).waitFor({ timeout: WAIT_MS });
      check((await applyButton(page).count()) === 0, 'the patch editor shows an Apply Patch to Matches button in Restricted Mode');
      const writes = sandbox.requests().filter((r) => !['get', 'list', 'watch'].includes(r.verb));
      check(writes.length === 0, `the cluster got writes in Restricted Mode: ${JSON.stringify(writes.slice(0, 3))}`);
    },
  },
];

/** Windows, each on a fresh sandbox and VS Code server, with the steps run in it in order. */
const phases = [
  { untrusted: false, steps },
  { untrusted: true, steps: untrustedSteps },
];

/**
 * Runs every phase's steps in its own window, in order (each step builds on the cluster the last
 * one left). `outDir` receives one picture per step; with `readmeOnly`, only the README's pictures
 * are kept. Resolves to { passed, failures: [{ title, message }] }; `onResult` hears each step as it ends.
 */
export async function runUiPass({ paths, outDir, readmeOnly = false, onResult = () => undefined }) {
  const failures = [];
  let passed = 0;
  mkdirSync(outDir, { recursive: true });
  for (const phase of phases) {
    const cleanups = [];
    try {
      const pkg = manifest();
      const view = contributedView(pkg, /gameServers/i);
      const tmp = makeTempDir('okg-ui-');
      cleanups.push(() => removeDir(tmp));
      const kubeconfigPath = join(tmp, 'kubeconfig');
      const sandbox = await withTimeout(startSandbox({ sets: 3, replicas: 5, churn: 0, port: 0, kubeconfigPath }), 30_000, 'the sandbox to start');
      cleanups.push(() => sandbox.close());
      setScene(sandbox);
      const server = await startVSCodeServer({
        serverMain: paths.serverMain,
        dataDir: join(tmp, 'vscode'),
        extensionsDir: join(tmp, 'extensions'),
        env: { KUBECONFIG: kubeconfigPath },
        untrusted: phase.untrusted,
      });
      cleanups.push(() => server.close());
      const workspace = copyWorkspace(join(ROOT, 'test', 'e2e', 'workspace'), tmp);
      writeFileSync(join(workspace, FILTER_FILE), FILTER);
      writeFileSync(join(workspace, KILL_FILTER_FILE), `${JSON.stringify({ name: { $in: KILL_TARGETS } })}\n`);
      writeFileSync(join(workspace, KILL_PATCH_FILE), '[{"op": "replace", "path": "/spec/opsState", "value": "Kill"}]\n');
      const window = await openWorkbench(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: ROOT }));
      cleanups.push(() => window.close());
      const extraShot = async (name) => {
        if (!readmeOnly) await window.page.screenshot({ path: join(outDir, name) });
      };
      const context = { page: window.page, pkg, view, sandbox, extraShot };
      for (const step of phase.steps) {
        try {
          await withTimeout(step.run(context), STEP_TIMEOUT_MS, step.title);
          if (step.readme || !readmeOnly) await window.page.screenshot({ path: join(outDir, step.shot) });
          passed++;
          onResult({ title: step.title, ok: true, shot: join(outDir, step.shot) });
        } catch (err) {
          const note = await failureShot(window.page, `ui-${step.shot.replace(/\.png$/, '.failed')}`);
          const failure = { title: `UI pass: ${step.title}`, message: `${err instanceof Error ? err.message.split('\n')[0] : String(err)} ${note}` };
          failures.push(failure);
          onResult({ title: step.title, ok: false, message: failure.message });
          // Leave no modal, input box or toast behind for the next step.
          for (let i = 0; i < 3; i++) await window.page.keyboard.press('Escape');
        }
      }
    } catch (err) {
      failures.push({ title: 'UI pass', message: err instanceof Error ? err.message : String(err) });
    } finally {
      while (cleanups.length > 0) await Promise.resolve().then(cleanups.pop()).catch(() => undefined);
    }
  }
  return { passed, failures };
}
