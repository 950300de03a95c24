// The UI pass: drives a VS Code window with Playwright as a person would (Quick Open, the command
// palette, hovers, context menus, the decision beside the preview, the typed count, the status bar) against
// its own sandbox, checks what each step shows and what it did to the cluster, and saves a picture
// of each step. The test run saves them under test-results/ui/; `npm run screenshots` saves the
// README's pictures to docs/screenshots/.
//
// Each step sets up what it needs (the cluster's scene, the namespaces shown, its own files and
// filter, no dialog or editor left open) instead of relying on the step before, so any step may
// fail, be skipped or run alone without changing what the others see.
//
// Alone: node --import tsx test/e2e/ui-pass.mjs (after `node esbuild.mjs`), and with
// OKG_UI_STEPS=<RegExp> only the steps whose title matches (e.g. OKG_UI_STEPS='stale|churn').
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  copyWorkspace,
  failureShot,
  makeTempDir,
  manifest,
  openWorkbench,
  removeDir,
  startSandbox,
  startVSCodeServer,
  withTimeout,
  workbenchUrl,
  ROOT,
} from './harness.mjs';
import {
  clearHover,
  closeContextMenu,
  commandTitle,
  contextMenuItem,
  contributedView,
  exactText,
  expandAll,
  expandRow,
  focusView,
  hoverFor,
  openContextMenu,
  openFile,
  pickQuickInputRow,
  quickInputRow,
  renderedRows,
  runCommand,
  statusBarItem,
  treeRow,
  treeRows,
  viewDescription,
  viewMessage,
  viewPane,
} from './ui.mjs';

const STEP_TIMEOUT_MS = 90_000;
const WAIT_MS = 30_000;
const CONTEXT = 'okg-sandbox';
const NAMESPACE = 'default';
const REPLICAS = 5;
const STATUS_ITEM = 'okg.context';

/** Servers not in play: what a scale-down should take first. */
const FILTER_FILE = 'unallocated.kgfilter';
const FILTER = '{"opsState": {"$ne": "Allocated"}}\n';
const KILL_FILTER_FILE = 'kill-two.kgfilter';
const KILL_TARGETS = ['battle-royale-4', 'minecraft-4'];
const KILL_PATCH_FILE = 'kill.kgpatch';
/** The churn step's filter: most servers match, and a burst of Maintaining lowers the count. */
const CHURN_FILTER_FILE = 'in-service.kgfilter';
const CHURN_FILTER = '{"opsState": {"$ne": "Maintaining"}}\n';
/** The staleness steps' filter: few matches, so one change during the outage moves the count. */
const STALE_FILTER_FILE = 'maintaining.kgfilter';
const STALE_FILTER = '{"opsState": "Maintaining"}\n';
/** What OKG: New Filter and New Patch name their untitled documents. */
const STARTER_FILTER = 'new-filter.kgfilter';
const STARTER_PATCH = 'new-patch.kgpatch';
/** The path-completion step types into this unfinished patch, and reverts it afterwards. */
const TYPING_PATCH_FILE = 'typing.kgpatch';
const TYPING_PATCH = '[\n  {"op": "replace", "path": ';

/** The labels the editor's suggest widget lists now, or null when it is not shown. */
async function suggestLabels(page) {
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  if ((await widget.count()) === 0) return null;
  return (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map((t) => t.trim());
}

/** Waits until the suggest widget lists exactly `labels` (in any order); `what` names the moment for the failure. */
async function suggestsExactly(page, labels, what) {
  const want = [...labels].sort();
  await eventually(
    () => suggestLabels(page),
    (shown) => JSON.stringify(shown && [...shown].sort()) === JSON.stringify(want),
    (shown) => `${what}: the suggestions are ${shown ? JSON.stringify(shown) : 'not shown'}, not ${JSON.stringify(want)}`,
    10_000,
  );
}

/** The text of the active editor's line `n` (0-based) as shown, spaces as spaces. */
async function editorLine(page, n) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-line').allInnerTexts();
  return (lines[n] ?? '').replace(/\u00a0/g, ' ');
}

/** What the tests' filters test, as plain predicates over a sandbox object (the ground truth). */
const PREDICATES = {
  [FILTER_FILE]: (gs) => gs.spec.opsState !== 'Allocated',
  [KILL_FILTER_FILE]: (gs) => KILL_TARGETS.includes(gs.metadata.name),
  [CHURN_FILTER_FILE]: (gs) => gs.spec.opsState !== 'Maintaining',
  [STALE_FILTER_FILE]: (gs) => gs.spec.opsState === 'Maintaining',
  // OKG: New Filter's starting point (client/src/commands/starters.ts), as the walkthrough opens it.
  [STARTER_FILTER]: (gs) => gs.spec.opsState === 'None' && gs.status.currentState === 'Ready',
};

/**
 * The default namespace's GameServers (sets battle-royale and minecraft, 5 each) as players and
 * operators left them: four allocated, one in maintenance, one not ready, assorted priorities.
 * The filter then matches the other six, whose rows in the tree differ in state, opsState and priorities.
 * Every other GameServer (both namespaces) is as OKG creates it: Ready, opsState None, priorities 0.
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
const BASE = { opsState: 'None', currentState: 'Ready', networkState: 'Ready', deletionPriority: 0, updatePriority: 0 };

/**
 * Puts the cluster back to the scene through the sandbox's mutate API, as the cluster's other
 * clients would: every set at its replicas (a Kill lowers them; OKG then recreates the missing
 * servers), every GameServer as the scene has it. Objects already right are not touched.
 */
function setScene(sandbox) {
  for (const set of sandbox.objects('GameServerSet')) {
    if (set.spec.replicas !== REPLICAS) sandbox.mutate('GameServerSet', set.metadata.namespace, set.metadata.name, (s) => (s.spec.replicas = REPLICAS));
  }
  const scene = new Map(SCENE);
  for (const gs of sandbox.objects('GameServer')) {
    const want = { ...BASE, ...(gs.metadata.namespace === NAMESPACE ? scene.get(gs.metadata.name) : undefined) };
    const net = gs.status.networkStatus;
    const same =
      gs.spec.opsState === want.opsState &&
      gs.status.currentState === want.currentState &&
      (!net || net.currentNetworkState === want.networkState) &&
      gs.spec.deletionPriority === want.deletionPriority &&
      gs.status.deletionPriority === String(want.deletionPriority) &&
      gs.spec.updatePriority === want.updatePriority &&
      gs.status.updatePriority === String(want.updatePriority);
    if (same) continue;
    sandbox.mutate('GameServer', gs.metadata.namespace, gs.metadata.name, (o) => {
      o.spec.opsState = want.opsState;
      o.status.currentState = want.currentState;
      if (o.status.networkStatus) o.status.networkStatus.currentNetworkState = want.networkState;
      // Spec is what a user sets; status is OKG's copy of it (a string), which the tree shows.
      o.spec.deletionPriority = want.deletionPriority;
      o.status.deletionPriority = String(want.deletionPriority);
      o.spec.updatePriority = want.updatePriority;
      o.status.updatePriority = String(want.updatePriority);
    });
  }
}

/** The names of the shown namespace's GameServers that `file`'s filter matches, sorted. */
const matching = (sandbox, file, namespace = NAMESPACE) =>
  sandbox
    .objects('GameServer', namespace)
    .filter(PREDICATES[file])
    .map((gs) => gs.metadata.name)
    .sort();

/**
 * The view message the contract gives for `file` run on the default namespace, from the sandbox
 * itself: `Filter <file>: <m> of <t> GameServers match`, then ` · <k> more in other namespaces`
 * when the filter also matches elsewhere.
 */
function expectedFilterMessage(sandbox, file) {
  const all = sandbox.objects('GameServer');
  const shown = all.filter((gs) => gs.metadata.namespace === NAMESPACE);
  const m = shown.filter(PREDICATES[file]).length;
  const k = all.filter((gs) => gs.metadata.namespace !== NAMESPACE && PREDICATES[file](gs)).length;
  return `Filter ${file}: ${m} of ${shown.length} GameServers match${k ? ` · ${k} more in other namespaces` : ''}`;
}

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
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the view message reads exactly what `expected()` (re-read each time) says. */
async function messageReads(page, view, expected, what, timeoutMs = WAIT_MS) {
  let want = expected();
  await eventually(
    async () => {
      want = expected();
      return viewMessage(page, view);
    },
    (text) => text === want,
    (text) => `${what}: the view message reads ${JSON.stringify(text)}, not ${JSON.stringify(want)} (after ${timeoutMs / 1000} s)`,
    timeoutMs,
  );
}

/** The labels of the GameServer rows the view renders now (leaves, not a "Show more" row). */
async function gameServerRows(page, view) {
  return (await renderedRows(page, view))
    .filter((r) => r.expanded === null && r.label !== 'Show more')
    .map((r) => r.label)
    .sort();
}

/**
 * The status bar's Apply item once it names `count` and the context; no modal dialog may stand
 * over the diff while the decision waits.
 */
async function decisionItem(page, pkg, count) {
  const item = statusBarItem(page, pkg, 'okg.previewApply');
  await item
    .filter({ hasText: `Apply to ${count} GameServers in ${CONTEXT}` })
    .waitFor({ timeout: WAIT_MS })
    .catch(async () => {
      const shown = (await item.count()) ? JSON.stringify(await item.innerText()) : 'nothing';
      throw new Error(`the status bar does not ask "Apply to ${count} GameServers in ${CONTEXT}" while the preview waits (it shows ${shown})`);
    });
  check((await page.locator('.monaco-dialog-box').count()) === 0, 'a modal dialog stands over the preview while the decision waits');
  return item;
}

/** A button in the title of the preview's diff editor: Apply or Cancel Previewed Changes. */
const previewAction = (page, pkg, idPattern) =>
  page.locator(`.editor-actions .action-label[aria-label^="${commandTitle(pkg, idPattern).replace(/^OKG: /, '')}"]`);
const previewApply = (page, pkg) => previewAction(page, pkg, /^okg\.preview\.apply$/);
const previewCancel = (page, pkg) => previewAction(page, pkg, /^okg\.preview\.cancel$/);

/** The header of a file in the preview's diff editor (rendered only while it is in view): its name, then its folder. */
const diffHeader = (page, file) => {
  const name = new RegExp(`^\\s*${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`);
  return page.locator('.multiDiffEditor .multiDiffEntry .header .file-path', { hasText: name });
};

/**
 * Scrolls the preview's diff editor with the mouse wheel, as a person reads down it, until the
 * header of `file` (the last entry) is in view; fails if the diffs do not move.
 */
async function scrollDiffTo(page, file) {
  const editor = page.locator('.multiDiffEditor');
  const box = await editor.boundingBox();
  if (!box) throw new Error("the preview's diff editor has no box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 40 && !(await diffHeader(page, file).isVisible()); i++) await page.mouse.wheel(0, 400);
  await diffHeader(page, file)
    .waitFor({ timeout: 5_000 })
    .catch(() => {
      throw new Error(`scrolling the preview did not bring ${file} into view while the decision was pending`);
    });
}

/**
 * The GameServer rows among `names` whose name or first description field does not show whole
 * in their row (VS Code cuts a row's end with an ellipsis): what the row format must avoid at the
 * default width. The fields after the first may be cut; the tooltip has them all.
 */
async function cutRows(page, view, names) {
  const rows = await treeRows(page, view).evaluateAll((els) =>
    els.map((r) => {
      const box = r.querySelector('.monaco-icon-label-container')?.getBoundingClientRect();
      const name = r.querySelector('.label-name');
      const text = r.querySelector('.label-description')?.firstChild;
      const right = (node, length) => {
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, length);
        return range.getBoundingClientRect().right;
      };
      const first = text?.textContent?.split(' · ')[0] ?? '';
      const ends = [name?.getBoundingClientRect().right ?? Infinity, text ? right(text, first.length) : -Infinity];
      const shown = `${name?.textContent ?? ''} ${text?.textContent ?? ''}`;
      return { label: name?.textContent?.trim() ?? '', shown, cut: !box || ends.some((e) => e > box.right + 0.5) };
    }),
  );
  return rows.filter((r) => names.includes(r.label) && r.cut).map((r) => r.shown);
}

/** Waits for a notification toast that contains `text`; resolves to its whole text. */
async function toast(page, text) {
  const t = page.locator('.notification-toast', { hasText: text });
  await t.waitFor({ timeout: WAIT_MS });
  return t.innerText();
}

/** The Apply Patch to Matches button in the editor title of the open patch. */
const applyButton = (page) => page.locator('.editor-actions .action-label[aria-label^="Apply Patch to Matches"]');

/**
 * Runs Apply Patch to Matches on the open patch (from the palette, or with `button` from the editor
 * title), picks the view's current results, and waits for the diff.
 */
async function previewCurrentResults(page, pkg, filterFile, files, { button = false } = {}) {
  if (button) await applyButton(page).click({ timeout: WAIT_MS });
  else await runCommand(page, commandTitle(pkg, /applyPatch/i));
  await pickQuickInputRow(page, `Current results: ${filterFile}`);
  await page.locator('.multiDiffEditor').waitFor({ timeout: WAIT_MS });
  await page.locator('.tabs-container .tab.active', { hasText: `(${files} files)` }).waitFor({ timeout: WAIT_MS });
  // Let the per-file editors render their text before anyone looks.
  await page.locator('.multiDiffEditor .view-line').first().waitFor({ timeout: WAIT_MS });
}

/** Runs `file`'s filter from the palette and waits for the view message the sandbox says it should read. */
async function runFilter({ page, pkg, view, sandbox }, file) {
  await openFile(page, file);
  await runCommand(page, commandTitle(pkg, /runFilter/i));
  await focusView(page, view);
  await messageReads(page, view, () => expectedFilterMessage(sandbox, file), `Run Filter on ${file}`);
}

/** The status bar item's text, without its icon. */
const statusText = async (page, pkg) => (await statusBarItem(page, pkg, STATUS_ITEM).innerText()).trim();

/**
 * Makes the view show exactly `namespaces` of the sandbox's context, through the status bar's
 * picker as a person would (nothing when they are shown already).
 */
async function showNamespaces({ page, pkg, view }, namespaces) {
  const want = `${CONTEXT} · ${namespaces.join(', ')}`;
  const item = statusBarItem(page, pkg, STATUS_ITEM);
  await item.waitFor({ timeout: WAIT_MS });
  if ((await statusText(page, pkg)) === want) return;
  await item.click();
  await pickQuickInputRow(page, CONTEXT);
  const listed = await namespaceRows(page);
  for (const [label, checked] of listed) {
    if (checked !== namespaces.includes(label)) await quickInputRow(page, label).click();
  }
  await page.locator('.quick-input-widget .quick-input-action .monaco-button', { hasText: 'OK' }).click();
  await eventually(
    () => statusText(page, pkg),
    (t) => t === want,
    (t) => `the status bar reads ${JSON.stringify(t)} after choosing ${JSON.stringify(namespaces)}, not ${JSON.stringify(want)}`,
  );
  await focusView(page, view);
}

/** The namespace picker's rows once listed: [label, checked] in display order. */
async function namespaceRows(page) {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await quickInputRow(page, NAMESPACE).waitFor({ timeout: WAIT_MS });
  return rows.evaluateAll((els) => els.map((r) => [r.querySelector('.label-name')?.textContent?.trim() ?? '', r.getAttribute('aria-checked') === 'true']));
}

/** Clears the view's filter if one runs (the view's title shows Clear Filter only then). */
async function clearFilter({ page, pkg, view }) {
  const action = viewPane(page, view).locator('.pane-header .action-label[aria-label="Clear Filter"]');
  if ((await action.count()) === 0) return;
  await runCommand(page, commandTitle(pkg, /clearFilter/i));
  await action.waitFor({ state: 'detached', timeout: WAIT_MS });
}

/**
 * What every step but the first starts from: no dialog, menu, input box, toast or editor left
 * open; the cluster back to the scene; the view shown on the default namespace with no filter.
 */
async function prepare(ctx) {
  const { page, sandbox, view } = ctx;
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: WAIT_MS });
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'Notifications: Clear All Notifications');
  setScene(sandbox);
  await focusView(page, view);
  await showNamespaces(ctx, [NAMESPACE]);
  await clearFilter(ctx);
}

/**
 * Changes `perSecond` GameServers a second, round robin over both namespaces but `spare` (names in
 * the default namespace), as OKG's status updates would: currentState Ready <-> NotReady, which
 * the rows show and no filter here tests. A row that itself changes is redrawn, which rightly
 * drops its own pending tooltip, so the rows a step hovers are left alone while their siblings
 * change. Bounded: stops after `maxChanges` or `maxMs`, or at stop(). Resolves stop() to the count made.
 */
function startChurn(sandbox, { perSecond = 4, maxChanges = 400, maxMs = 90_000, spare = [] } = {}) {
  const names = sandbox
    .objects('GameServer')
    .filter((gs) => !(gs.metadata.namespace === NAMESPACE && spare.includes(gs.metadata.name)))
    .map((gs) => [gs.metadata.namespace, gs.metadata.name]);
  const started = Date.now();
  let made = 0;
  const timer = setInterval(
    () => {
      if (made >= maxChanges || Date.now() - started > maxMs) return clearInterval(timer);
      const [ns, name] = names[made % names.length];
      made++;
      try {
        sandbox.mutate('GameServer', ns, name, (gs) => {
          gs.status.currentState = gs.status.currentState === 'Ready' ? 'NotReady' : 'Ready';
          gs.status.lastTransitionTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
        });
      } catch {
        // Deleted meanwhile (a Kill elsewhere): skip it.
      }
    },
    Math.round(1000 / perSecond),
  );
  return {
    made: () => made,
    stop() {
      clearInterval(timer);
      return made;
    },
  };
}

/** Today's local time for `HH:MM:SS` as read from the view, placed within 12 hours of `near`. */
function clockToMs(hms, near) {
  const [h, m, s] = hms.split(':').map(Number);
  const d = new Date(near);
  d.setHours(h, m, s, 0);
  let t = d.getTime();
  if (t - near > 12 * 3600_000) t -= 24 * 3600_000;
  if (near - t > 12 * 3600_000) t += 24 * 3600_000;
  return t;
}

const STALE_MS = 15_000;
const LIVE_AGAIN_MS = 15_000;
const STALE_MESSAGE = /^Not live since (\d{2}:\d{2}:\d{2}) \((.+)\); retrying(?: · (.*))?$/;

/**
 * The view live on the staleness filter; then `outage.start()`; within 15 s the view message says
 * `Not live since HH:MM:SS (reason); retrying · <the filter's message as it was>`, the title and the
 * status bar say stale, the status bar's tooltip says since when. A GameServer changes during the
 * outage; `outage.end()`; within 15 s, with no click, the marker is gone everywhere and the view
 * message counts the change; the changed server's row shows it.
 */
async function staleThenLive(ctx, outage) {
  const { page, pkg, view, sandbox } = ctx;
  await prepare(ctx);
  await runFilter(ctx, STALE_FILTER_FILE);
  const liveMessage = await viewMessage(page, view);
  const liveLabel = `${CONTEXT} · ${NAMESPACE}`;
  check(
    (await statusText(page, pkg)) === liveLabel,
    `precondition: the status bar reads ${JSON.stringify(await statusText(page, pkg))}, not ${JSON.stringify(liveLabel)}`,
  );
  check(
    (await viewDescription(page, view)) === liveLabel,
    `precondition: the view title reads ${JSON.stringify(await viewDescription(page, view))}, not ${JSON.stringify(liveLabel)}`,
  );
  // The server that changes while the view cannot hear: it joins the matches.
  const changed = 'minecraft-2';
  check(
    !PREDICATES[STALE_FILTER_FILE](sandbox.objects('GameServer', NAMESPACE).find((gs) => gs.metadata.name === changed)),
    `precondition: ${changed} already matches`,
  );

  const faultAt = Date.now();
  let ended = false;
  try {
    await outage.start();
    const stale = await eventually(
      () => viewMessage(page, view),
      (t) => STALE_MESSAGE.test(t),
      (t) => `${outage.what}: ${STALE_MS / 1000} s on, the view message reads ${JSON.stringify(t)}, without "Not live since HH:MM:SS (reason); retrying"`,
      STALE_MS,
    );
    const [, since, reason, rest] = STALE_MESSAGE.exec(stale);
    const sinceMs = clockToMs(since, Date.now());
    check(
      sinceMs <= Date.now() + 1000 && sinceMs >= faultAt - 60_000,
      `${outage.what}: the view says not live since ${since}, but the outage began at ${new Date(faultAt).toLocaleTimeString('en-GB', { hour12: false })}`,
    );
    check(reason.trim() !== '', `${outage.what}: the stale message gives no reason: ${JSON.stringify(stale)}`);
    check(
      rest === liveMessage,
      `${outage.what}: while stale the view message should keep the filter's last counts after " · " (${JSON.stringify(liveMessage)}); it reads ${JSON.stringify(stale)}`,
    );
    await eventually(
      () => statusText(page, pkg),
      (t) => t.endsWith(' · stale'),
      (t) => `${outage.what}: the view message says stale, but the status bar reads ${JSON.stringify(t)}, not ending in " · stale"`,
      5_000,
    );
    const description = await viewDescription(page, view);
    check(
      description === `${liveLabel} · stale`,
      `${outage.what}: the view title reads ${JSON.stringify(description)}, not ${JSON.stringify(`${liveLabel} · stale`)}`,
    );
    await hoverFor(page, statusBarItem(page, pkg, STATUS_ITEM), /Not live since/, 5_000).catch((e) => {
      throw new Error(`${outage.what}: the status bar's tooltip does not say "Not live since": ${e.message}`);
    });
    await clearHover(page);
    await ctx.extraShot(outage.shot);

    sandbox.mutate('GameServer', NAMESPACE, changed, (gs) => (gs.spec.opsState = 'Maintaining'));
    await outage.end();
    ended = true;
    // Back without a click: the pointer stays away from the window's controls.
    await messageReads(
      page,
      view,
      () => expectedFilterMessage(sandbox, STALE_FILTER_FILE),
      `${outage.what}, then back: within ${LIVE_AGAIN_MS / 1000} s, with no click`,
      LIVE_AGAIN_MS,
    );
    await eventually(
      () => Promise.all([statusText(page, pkg), viewDescription(page, view)]),
      ([s, d]) => s === liveLabel && d === liveLabel,
      ([s, d]) =>
        `${outage.what}, then back: the view message is live again, but the status bar reads ${JSON.stringify(s)} and the view title ${JSON.stringify(d)} (want ${JSON.stringify(liveLabel)})`,
      5_000,
    );
  } finally {
    if (!ended) await outage.end().catch(() => undefined);
  }
  // The change made during the outage is in the tree: its set now has a match, and its row says so.
  await expandRow(page, view, 'minecraft');
  await eventually(
    async () => (await renderedRows(page, view)).find((r) => r.label === changed)?.description ?? '(no row)',
    (d) => d.split(' · ').includes('Maintaining'),
    (d) => `${changed} became Maintaining during the outage; its row reads ${JSON.stringify(d)}`,
    10_000,
  );
}

/**
 * Each step: a title (what a person does and sees), the picture it leaves (`shot`), and `run`,
 * which throws with what differed; `after` runs once the picture is taken. `readme` marks the
 * pictures the README shows.
 */
const steps = [
  {
    // First in its window by nature: it checks what a fresh window does before the view is shown.
    title: 'an unknown filter field gets an error squiggle whose hover names the field and the near miss, and the cluster is not touched',
    shot: 'filter-diagnostics.png',
    readme: true,
    async run({ page, pkg, sandbox }) {
      await openFile(page, 'unknown-field.kgfilter');
      const squiggle = page.locator('.monaco-editor .squiggly-error');
      await squiggle.first().waitFor({ timeout: WAIT_MS });
      check((await squiggle.count()) === 1, `unknown-field.kgfilter shows ${await squiggle.count()} error squiggles, not 1`);
      const { text } = await hoverFor(page, squiggle, /opState/, WAIT_MS);
      check(/opsState/.test(text), `the hover does not name the near miss opsState: ${JSON.stringify(text)}`);
      // The language features activated the extension; only the view or a command may reach the cluster.
      await statusBarItem(page, pkg, STATUS_ITEM).filter({ hasText: CONTEXT }).waitFor({ timeout: WAIT_MS });
      const requests = sandbox.requests();
      check(requests.length === 0, `the extension reached the cluster before the view was shown or a command ran: ${JSON.stringify(requests.slice(0, 3))}`);
    },
  },
  {
    title: 'Run Filter from the palette: the view says how many match and lists exactly the matches',
    shot: 'tree-matches.png',
    readme: true,
    async run(ctx) {
      const { page, view, sandbox } = ctx;
      await prepare(ctx);
      const want = matching(sandbox, FILTER_FILE);
      await runFilter(ctx, FILTER_FILE);
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
    title:
      'Apply Patch to Matches from the palette: one diff per match; the decision waits beside it, no modal: ' +
      "the status bar asks to apply to the count in the context, Apply and Cancel are in the preview's title",
    shot: 'diff-preview.png',
    readme: true,
    async run(ctx) {
      const { page, pkg, view, sandbox } = ctx;
      await prepare(ctx);
      await resizeSideBar(page, DEFAULT_SIDE_BAR);
      const want = matching(sandbox, FILTER_FILE);
      await runFilter(ctx, FILTER_FILE);
      // The matches' rows beside their diffs, at the default width.
      for (const set of new Set(want.map((n) => n.replace(/-\d+$/, '')))) await expandRow(page, view, set);
      await openFile(page, 'mark-wait.kgpatch');
      await previewCurrentResults(page, pkg, FILTER_FILE, want.length);
      await decisionItem(page, pkg, want.length);
      await statusBarItem(page, pkg, 'okg.previewCancel').waitFor({ timeout: WAIT_MS });
      for (const [what, action] of [
        ['Apply', previewApply(page, pkg)],
        ['Cancel', previewCancel(page, pkg)],
      ]) {
        await action.waitFor({ timeout: WAIT_MS }).catch(() => {
          throw new Error(`the preview's title has no ${what} Previewed Changes button while the decision is pending`);
        });
      }
      // The preview's progress notification fades out once every object is previewed.
      await page.locator('.notification-toast', { hasText: 'Previewing' }).waitFor({ state: 'detached', timeout: WAIT_MS });
      await page.mouse.move(0, 0);
    },
    async after(ctx) {
      // Leave the cluster as it was: Cancel in the preview's title.
      await previewCancel(ctx.page, ctx.pkg)
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    },
  },
  {
    title:
      'Cancel in the status bar writes nothing and takes Apply away; with a new preview waiting the diffs scroll to the last match; ' +
      'Apply in its title changes exactly the matches, whose rows show their name and first field whole at the default side bar width',
    shot: 'apply-summary.png',
    async run(ctx) {
      const { page, pkg, view, sandbox, extraShot } = ctx;
      await prepare(ctx);
      await resizeSideBar(page, DEFAULT_SIDE_BAR);
      const want = matching(sandbox, FILTER_FILE);
      await runFilter(ctx, FILTER_FILE);
      await openFile(page, 'mark-wait.kgpatch');
      const before = new Map(sandbox.objects('GameServer').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
      const unchanged = (when) => {
        for (const obj of sandbox.objects('GameServer')) {
          const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
          check(JSON.stringify(obj.spec) === JSON.stringify(before.get(key)?.spec), `${key} changed ${when}`);
        }
      };
      await previewCurrentResults(page, pkg, FILTER_FILE, want.length);
      const apply = await decisionItem(page, pkg, want.length);
      await statusBarItem(page, pkg, 'okg.previewCancel').click({ timeout: WAIT_MS });
      for (const [where, gone] of [
        ["the preview's title", previewApply(page, pkg)],
        ['the status bar', apply],
      ]) {
        await gone.waitFor({ state: 'hidden', timeout: WAIT_MS }).catch(() => {
          throw new Error(`after Cancel ${where} still offers to apply`);
        });
      }
      unchanged('after Cancel');

      await openFile(page, 'mark-wait.kgpatch');
      await previewCurrentResults(page, pkg, FILTER_FILE, want.length);
      await decisionItem(page, pkg, want.length);
      // Read down the diffs while the question waits: the last match comes into view, the buttons stay.
      await scrollDiffTo(page, `${want[want.length - 1]}.yaml`);
      unchanged('while the decision was pending');
      await page.mouse.move(0, 0);
      await extraShot('apply-scrolled.png');
      await previewApply(page, pkg).click({ timeout: WAIT_MS });
      // The pointer rests on the tab bar: its tab's tooltip would cover the command palette.
      await clearHover(page);
      const text = await toast(page, `Changed ${want.length} of `);
      check(text.includes(`Changed ${want.length} of ${want.length} GameServers in ${CONTEXT}.`), `the summary reads ${JSON.stringify(text)}`);
      for (const obj of sandbox.objects('GameServer')) {
        const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
        if (obj.metadata.namespace === NAMESPACE && want.includes(obj.metadata.name)) {
          check(obj.spec.opsState === 'WaitToBeDeleted', `${key} is a match but its opsState is ${obj.spec.opsState}`);
        } else {
          check(JSON.stringify(obj.spec) === JSON.stringify(before.get(key)?.spec), `${key} is not a match but its spec changed`);
        }
      }
      // The view follows the watch: every match's row now reads WaitToBeDeleted, with no refresh.
      await focusView(page, view);
      for (const set of new Set(want.map((n) => n.replace(/-\d+$/, '')))) await expandRow(page, view, set);
      await eventually(
        async () => {
          const rows = await renderedRows(page, view);
          return want.map((n) => [n, rows.find((r) => r.label === n)?.description ?? '(no row)']);
        },
        (rows) => rows.every(([, d]) => d.split(' · ').includes('WaitToBeDeleted')),
        (rows) => `after Apply the rows read ${JSON.stringify(rows.filter(([, d]) => !d.split(' · ').includes('WaitToBeDeleted')))}, without WaitToBeDeleted`,
      );
      const cut = await cutRows(page, view, want);
      check(cut.length === 0, `at the default side bar width (${DEFAULT_SIDE_BAR} px) these rows are cut off: ${JSON.stringify(cut)}`);
    },
  },
  {
    title:
      "Apply from the patch editor's title button: a Kill patch, applied from the status bar, asks for the count to be typed: " +
      'a wrong count does not apply, the right one kills exactly those servers',
    shot: 'kill-typed-count.png',
    async run(ctx) {
      const { page, pkg, sandbox, extraShot } = ctx;
      await prepare(ctx);
      const countBefore = sandbox.objects('GameServer', NAMESPACE).length;
      await runFilter(ctx, KILL_FILTER_FILE);
      await openFile(page, KILL_PATCH_FILE);
      await previewCurrentResults(page, pkg, KILL_FILTER_FILE, KILL_TARGETS.length, { button: true });
      await (await decisionItem(page, pkg, KILL_TARGETS.length)).click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: WAIT_MS });
      const prompt = await page.locator('.quick-input-widget').innerText();
      check(/opsState to Kill/.test(prompt), `the typed-count prompt does not give the Kill reason: ${JSON.stringify(prompt)}`);
      await input.fill(String(KILL_TARGETS.length + 1));
      await page.locator('.quick-input-message', { hasText: `Type ${KILL_TARGETS.length} to confirm` }).waitFor({ timeout: WAIT_MS });
      await page.keyboard.press('Enter');
      check(await input.isVisible(), 'Enter with the wrong count closed the input box');
      check(
        KILL_TARGETS.every((n) => sandbox.objects('GameServer', NAMESPACE).some((o) => o.metadata.name === n && o.spec.opsState !== 'Kill')),
        'a wrong count killed a server',
      );
      await extraShot('kill-wrong-count.png');
      await input.fill(String(KILL_TARGETS.length));
      await page.keyboard.press('Enter');
      const text = await toast(page, `Changed ${KILL_TARGETS.length} of `);
      check(text.includes(`Changed ${KILL_TARGETS.length} of ${KILL_TARGETS.length} GameServers`), `the summary reads ${JSON.stringify(text)}`);
      // OKG deletes a killed server and lowers its set's replicas, so the server does not come back.
      const left = sandbox.objects('GameServer', NAMESPACE).map((o) => o.metadata.name);
      check(!KILL_TARGETS.some((n) => left.includes(n)), `killed servers are still there: ${JSON.stringify(left)}`);
      check(
        left.length === countBefore - KILL_TARGETS.length,
        `${left.length} GameServers are left in ${NAMESPACE}, not ${countBefore - KILL_TARGETS.length}: ${JSON.stringify(left)}`,
      );
    },
  },
  {
    title:
      "the filter editor's title has a Copy as kruisegamectl Command button (not only under More Actions...); " +
      'clicking it copies the command line with the filter',
    shot: 'copy-kruisegamectl.png',
    async run(ctx) {
      const { page, pkg } = ctx;
      await prepare(ctx);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await openFile(page, FILTER_FILE);
      const title = commandTitle(pkg, /copyAsKruisegamectl/).replace(/^OKG: /, '');
      const button = page.locator(`.editor-actions .action-label[aria-label^="${title}"]`);
      await button.waitFor({ timeout: WAIT_MS }).catch(() => {
        throw new Error(`the title of ${FILTER_FILE} shows no ${title} button`);
      });
      await button.click();
      const text = await toast(page, 'Copied the kruisegamectl command');
      check(text.includes(FILTER_FILE), `the confirmation does not name ${FILTER_FILE}: ${JSON.stringify(text)}`);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const want = `-r gameserver -f '${JSON.stringify(JSON.parse(FILTER))}'`;
      check(
        copied.startsWith('kruisegamectl ') && copied.endsWith(want),
        `the clipboard holds ${JSON.stringify(copied)}, not a kruisegamectl command ending ${JSON.stringify(want)}`,
      );
    },
  },
  {
    title:
      'while the cluster changes: hovering a GameServer row shows its tooltip within 1 s (5 rows), right-clicking one opens its menu with Set opsState... (5 of 5), and a burst of changes moves the view message to the exact count within 10 s',
    shot: 'churn.png',
    async run(ctx) {
      const { page, view, sandbox } = ctx;
      await prepare(ctx);
      await widenSideBar(page, 420);
      await runFilter(ctx, CHURN_FILTER_FILE);
      for (const set of ['battle-royale', 'minecraft']) await expandRow(page, view, set);
      const names = await eventually(
        () => gameServerRows(page, view),
        (rows) => rows.length >= 5,
        (rows) => `the view renders ${rows.length} GameServer rows, fewer than the 5 to hover: ${JSON.stringify(rows)}`,
      );
      const picked = names.slice(0, 5);
      const churn = startChurn(sandbox, { spare: picked });
      try {
        // Every part is tried and reported, so one failure does not hide how the others went.
        const problems = [];
        const slow = [];
        for (const name of picked) {
          const hover = await hoverFor(page, treeRow(page, view, name), `${name} in ${NAMESPACE}`, 5_000).catch((e) => ({ ms: Infinity, error: e.message }));
          if (!(hover.ms <= 1000)) slow.push(`${name}: ${hover.error ?? `${hover.ms} ms`}`);
        }
        await clearHover(page);
        if (slow.length) problems.push(`${slow.length} of ${picked.length} GameServer tooltips did not show within 1 s (${slow.join('; ')})`);
        const missed = [];
        for (const name of picked) {
          await openContextMenu(page, treeRow(page, view, name), 'Set opsState...', 3_000).catch((e) => missed.push(`${name}: ${e.message}`));
          await closeContextMenu(page);
        }
        if (missed.length)
          problems.push(
            `right-clicking opened the menu with Set opsState... ${picked.length - missed.length} of ${picked.length} times (${missed.join('; ')})`,
          );
        // The burst: five matching servers go into maintenance at once, as an operator's script would.
        const burst = matching(sandbox, CHURN_FILTER_FILE).slice(0, 5);
        check(burst.length === 5, `precondition: 5 servers to put into maintenance, found ${JSON.stringify(burst)}`);
        const before = expectedFilterMessage(sandbox, CHURN_FILTER_FILE);
        for (const name of burst) sandbox.mutate('GameServer', NAMESPACE, name, (gs) => (gs.spec.opsState = 'Maintaining'));
        check(expectedFilterMessage(sandbox, CHURN_FILTER_FILE) !== before, 'precondition: the burst changes the count');
        await messageReads(page, view, () => expectedFilterMessage(sandbox, CHURN_FILTER_FILE), 'within 10 s of a burst of 5 changes', 10_000).catch((e) =>
          problems.push(e.message),
        );
        check(problems.length === 0, `while the cluster changed (${churn.made()} changes so far): ${problems.join('; ')}`);
      } finally {
        churn.stop();
      }
    },
  },
  {
    title:
      'stale and back, black hole: with the API silent the view, its title and the status bar say "Not live since" within 15 s; once it answers the marker goes within 15 s with no click, and a change made meanwhile shows',
    shot: 'stale-blackhole.png',
    timeoutMs: 150_000,
    async run(ctx) {
      await staleThenLive(ctx, {
        what: 'with the API a black hole',
        shot: 'stale-blackhole-marker.png',
        start: async () => ctx.sandbox.setFaults({ blackhole: true }),
        end: async () => ctx.sandbox.setFaults({ blackhole: false }),
      });
    },
  },
  {
    title:
      'stale and back, API process killed: connection refused makes the view, its title and the status bar say "Not live since" within 15 s; once it listens again the marker goes within 15 s with no click, and a change made meanwhile shows',
    shot: 'stale-killed.png',
    timeoutMs: 150_000,
    async run(ctx) {
      await staleThenLive(ctx, {
        what: 'with the API process killed',
        shot: 'stale-killed-marker.png',
        start: () => ctx.sandbox.suspend(),
        end: () => ctx.sandbox.resume(),
      });
    },
  },
  {
    title: 'the status bar names the context; its namespace picker opens on the choice in force; choosing both namespaces shows both in the view',
    shot: 'status-bar-namespaces.png',
    async run(ctx) {
      const { page, pkg, view, sandbox } = ctx;
      await prepare(ctx);
      const item = statusBarItem(page, pkg, STATUS_ITEM);
      check((await statusText(page, pkg)) === `${CONTEXT} · ${NAMESPACE}`, `precondition: the status bar reads ${JSON.stringify(await statusText(page, pkg))}`);
      const namespaces = [...new Set(sandbox.objects('GameServer').map((o) => o.metadata.namespace))].sort();
      check(namespaces.length === 2, `sandbox precondition: two namespaces, got ${JSON.stringify(namespaces)}`);
      const openPicker = async () => {
        await item.click();
        const contexts = page.locator('.quick-input-widget .monaco-list-row .label-name');
        await quickInputRow(page, CONTEXT).waitFor({ timeout: WAIT_MS });
        const listed = (await contexts.allInnerTexts()).map((t) => t.trim());
        check(listed.includes(CONTEXT), `the context pick lists ${JSON.stringify(listed)}, not the kubeconfig's ${CONTEXT}`);
        await pickQuickInputRow(page, CONTEXT);
        return namespaceRows(page);
      };
      const checkedIn = (rows) => rows.filter(([, c]) => c).map(([l]) => l);
      // The picker opens with the namespace in force (here the kubeconfig's) checked, and only it.
      const first = await openPicker();
      check(
        JSON.stringify(checkedIn(first)) === JSON.stringify([NAMESPACE]),
        `the namespace picker opened with ${JSON.stringify(checkedIn(first))} checked, not the choice in force ${JSON.stringify([NAMESPACE])} (rows: ${JSON.stringify(first)})`,
      );
      await page
        .locator('.quick-input-widget .quick-input-count', { hasText: '1 Selected' })
        .waitFor({ timeout: 5_000 })
        .catch(async () => {
          throw new Error(
            `the namespace picker's count reads ${JSON.stringify(
              await page
                .locator('.quick-input-widget .quick-input-count')
                .innerText()
                .catch(() => ''),
            )}, not "1 Selected"`,
          );
        });
      for (const ns of namespaces) {
        if (!checkedIn(await namespaceRows(page)).includes(ns)) await quickInputRow(page, ns).click();
      }
      await page.locator('.quick-input-widget .quick-input-action .monaco-button', { hasText: 'OK' }).click();
      await statusBarItem(page, pkg, STATUS_ITEM)
        .filter({ hasText: `${CONTEXT} · ${namespaces.join(', ')}` })
        .waitFor({ timeout: WAIT_MS });
      await focusView(page, view);
      for (const ns of namespaces) await treeRow(page, view, ns).waitFor({ timeout: WAIT_MS });
      // Opened again, it shows the choice just made (kept by VS Code for the workspace).
      const again = await openPicker();
      check(
        JSON.stringify(checkedIn(again)) === JSON.stringify(namespaces),
        `opened again, the namespace picker has ${JSON.stringify(checkedIn(again))} checked, not the choice just made ${JSON.stringify(namespaces)}`,
      );
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
    },
  },
  {
    title: 'typing / in a patch path opens completion; accepting a segment offers the next',
    shot: 'patch-path-completion.png',
    async run(ctx) {
      const { page, extraShot } = ctx;
      await prepare(ctx);
      await openFile(page, TYPING_PATCH_FILE);
      const editor = page.locator('.editor-group-container.active .monaco-editor').first();
      // The unfinished JSON gets a squiggle once the language server has read the file.
      await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+End');
      const root = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
      await page.keyboard.type('"');
      await suggestsExactly(page, root, 'typing " to open the path');
      await page.keyboard.press('Escape');
      await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'detached', timeout: 5_000 });
      await page.keyboard.type('/');
      await suggestsExactly(page, root, 'typing / (the list closed before)');
      await page.keyboard.type('sp');
      await suggestsExactly(page, ['spec'], 'typing sp after /');
      await page.keyboard.press('Enter');
      await suggestsExactly(page, ['opsState', 'updatePriority', 'deletionPriority', 'networkDisabled', 'containers'], 'accepting spec');
      const afterSpec = await editorLine(page, 1);
      check(afterSpec.endsWith('"path": "/spec/"'), `accepting spec leaves line 2 reading ${JSON.stringify(afterSpec)}, not ending in "path": "/spec/"`);
      await extraShot('patch-path-next-segment.png');
      await page.keyboard.type('ops');
      await suggestsExactly(page, ['opsState'], 'typing ops after /spec/');
      await page.keyboard.press('Enter');
      await eventually(
        () => editorLine(page, 1),
        (line) => line.endsWith('"path": "/spec/opsState"'),
        (line) => `accepting opsState leaves line 2 reading ${JSON.stringify(line)}, not ending in "path": "/spec/opsState"`,
        5_000,
      );
      // A leaf: nothing lies below opsState, so no list opens after it.
      check((await suggestLabels(page)) === null, `after the leaf opsState the suggestions still show ${JSON.stringify(await suggestLabels(page))}`);
    },
    async after({ page }) {
      // Leave the file as written, so that no later step meets an unsaved editor.
      await page.keyboard.press('Escape');
      await runCommand(page, 'File: Revert File').catch(() => undefined);
    },
  },
  {
    title: 'OKG: Get Started opens the walkthrough with every step; its New Filter button opens a starter filter beside it and ticks the step',
    shot: 'walkthrough.png',
    async run(ctx) {
      const { page, pkg } = ctx;
      await prepare(ctx);
      const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === 'okg.gettingStarted');
      const step = (id) => page.locator(`button.getting-started-step[data-step-id="${pkg.publisher}.${pkg.name}#${walkthrough.id}#${id}"]`);
      await runCommand(page, commandTitle(pkg, /^okg\.getStarted$/));
      for (const { id, title } of walkthrough.steps) {
        await step(id)
          .locator('.step-title', { hasText: exactText(title) })
          .waitFor({ timeout: WAIT_MS })
          .catch(() => {
            throw new Error(`the walkthrough shows no step "${title}"`);
          });
      }
      const filter = step('filter');
      await filter.locator('.step-title').click();
      await filter.locator('.button-container a.monaco-button', { hasText: exactText('New Filter') }).click();
      const tab = (label) => page.locator('.tabs-container .tab', { has: page.locator('.label-name', { hasText: exactText(label) }) });
      await tab('new-filter.kgfilter')
        .waitFor({ timeout: WAIT_MS })
        .catch(() => {
          throw new Error('New Filter in the walkthrough opened no new-filter.kgfilter tab');
        });
      check(await tab(`Walkthrough: ${pkg.displayName}`).isVisible(), 'the walkthrough is no longer in view beside the new filter');
      await eventually(
        () => filter.getAttribute('aria-checked'),
        (v) => v === 'true',
        (v) => `the step "Write a first filter" is not ticked after New Filter (aria-checked ${v})`,
      );
    },
    async after({ page }) {
      // An unsaved new filter would make the next Close All Editors ask whether to save it.
      await page.locator('.tabs-container .tab', { hasText: 'new-filter.kgfilter' }).first().click({ timeout: 5_000 });
      await runCommand(page, 'View: Revert and Close Editor');
    },
  },
  {
    title:
      "Scale GameServerSet... from a set's context menu: while the set's diff waits, the rows OKG will delete are marked; " +
      'Apply asks for their count typed, and the sandbox then removes exactly the marked servers',
    shot: 'scale.png',
    async run(ctx) {
      const { page, pkg, view, sandbox } = ctx;
      await prepare(ctx);
      await widenSideBar(page, 420);
      const set = 'battle-royale';
      const before = sandbox
        .objects('GameServer', NAMESPACE)
        .filter((gs) => gs.metadata.name.startsWith(`${set}-`))
        .map((gs) => gs.metadata.name);
      await openContextMenu(page, treeRow(page, view, set), 'Scale GameServerSet...', WAIT_MS);
      // The menu runs an item on the key or on the pointer's release over it: hover it, then Enter.
      await contextMenuItem(page, 'Scale GameServerSet...').hover();
      await page.keyboard.press('Enter');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: WAIT_MS });
      await input.fill(String(REPLICAS - 2));
      await page.keyboard.press('Enter');
      // Keep the reserved ids as they are: the first choice.
      await quickInputRow(page, 'Keep: no reserved ids').waitFor({ timeout: WAIT_MS });
      await quickInputRow(page, 'Keep: no reserved ids').click();
      const decision = statusBarItem(page, pkg, 'okg.previewApply').filter({ hasText: `Apply to 1 GameServerSet in ${CONTEXT}` });
      await decision.waitFor({ timeout: WAIT_MS }).catch(() => {
        throw new Error(`the status bar does not ask "Apply to 1 GameServerSet in ${CONTEXT}" while the scale's diff waits`);
      });
      await focusView(page, view);
      await expandRow(page, view, set);
      const marked = await eventually(
        async () => (await renderedRows(page, view)).filter((r) => (r.description ?? '').startsWith('will be deleted')).map((r) => r.label),
        (rows) => rows.length === 2,
        (rows) => `the rows marked "will be deleted" are ${JSON.stringify(rows)}, not two of ${set}`,
      );
      check(
        sandbox.objects('GameServer', NAMESPACE).filter((gs) => gs.metadata.name.startsWith(`${set}-`)).length === before.length,
        'the cluster changed while the decision was pending',
      );
      await decision.click();
      await input.waitFor({ state: 'visible', timeout: WAIT_MS });
      const prompt = await page.locator('.quick-input-widget').innerText();
      check(/OKG will delete 2 GameServers/.test(prompt), `the typed-count prompt does not say that OKG will delete 2 GameServers: ${JSON.stringify(prompt)}`);
      await input.fill('2');
      await page.keyboard.press('Enter');
      await toast(page, 'Changed 1 of 1');
      const left = () =>
        sandbox
          .objects('GameServer', NAMESPACE)
          .filter((gs) => gs.metadata.name.startsWith(`${set}-`))
          .map((gs) => gs.metadata.name)
          .sort();
      const want = before.filter((n) => !marked.includes(n)).sort();
      await eventually(
        left,
        (names) => JSON.stringify(names) === JSON.stringify(want),
        (names) => `after the scale ${set} holds ${JSON.stringify(names)}, not the unmarked ${JSON.stringify(want)}`,
      );
    },
  },
  {
    title: "Show Fleet Overview from the palette: bars by state, opsState and network state show the sandbox's counts per set, and follow a change of opsState",
    shot: 'overview.png',
    readme: true,
    async run(ctx) {
      const { page, pkg, sandbox } = ctx;
      await prepare(ctx);
      await runCommand(page, commandTitle(pkg, /^okg\.showOverview$/));
      const overview = page.frameLocator('iframe.webview').last().frameLocator('iframe#active-frame');
      /** "set dimension value count" of every bar segment the webview draws for the shown namespace's sets. */
      const drawn = () =>
        overview
          .locator(`section.namespace[data-namespace="${NAMESPACE}"] section.set .segment`)
          .evaluateAll((segments) =>
            segments.map((s) => `${s.closest('section.set').dataset.set.split('/')[1]} ${s.dataset.dimension} ${s.dataset.value} ${s.dataset.count}`).sort(),
          )
          .catch(() => []);
      const expected = () => {
        const counts = new Map();
        for (const gs of sandbox.objects('GameServer', NAMESPACE)) {
          const set = gs.metadata.labels?.['game.kruise.io/owner-gss'] ?? '';
          const network = gs.status.networkStatus?.currentNetworkState || 'none';
          const values = [
            ['state', gs.status.currentState || 'none'],
            ['opsState', gs.spec.opsState || 'None'],
            ['networkState', network],
          ];
          for (const [dimension, value] of values) counts.set(`${set} ${dimension} ${value}`, (counts.get(`${set} ${dimension} ${value}`) ?? 0) + 1);
        }
        return [...counts].map(([k, n]) => `${k} ${n}`).sort();
      };
      const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
      await eventually(
        drawn,
        (d) => same(d, expected()),
        (d) => `the overview draws ${JSON.stringify(d)}, the sandbox holds ${JSON.stringify(expected())}`,
      );
      sandbox.mutate('GameServer', NAMESPACE, 'minecraft-1', (gs) => (gs.spec.opsState = 'WaitToBeDeleted'));
      check(
        expected().some((k) => k.startsWith('minecraft opsState WaitToBeDeleted')),
        'precondition: minecraft-1 is now WaitToBeDeleted in the sandbox',
      );
      const after = (d) => `after minecraft-1 became WaitToBeDeleted the overview draws ${JSON.stringify(d)}, not ${JSON.stringify(expected())}`;
      await eventually(drawn, (d) => same(d, expected()), after);
    },
  },
];

/**
 * The side bar's width in a fresh window of this size (VS Code's default): the width at which
 * GameServer rows must read whole.
 */
const DEFAULT_SIDE_BAR = 300;

/** Drags the side bar's edge to `width` px, wider or narrower. */
async function resizeSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the side bar has no box');
  if (Math.abs(box.width - width) <= 1) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
  const now = (await page.locator('.part.sidebar').boundingBox())?.width ?? 0;
  check(Math.abs(now - width) <= 2, `the side bar is ${now} px wide after dragging it to ${width} px`);
}

/** Drags the side bar's edge so the tree's longer descriptions fit. */
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
      // Asked title by title: the palette's list is virtualised, so a broad query may not draw the one sought.
      await eventually(
        () => paletteTitles(page, run),
        (t) => t.includes(run),
        (t) => `the palette, asked for ${JSON.stringify(run)}, lists ${JSON.stringify(t)}`,
      );
      const titles = await paletteTitles(page, apply);
      check(!titles.includes(apply), `the palette offers ${apply} in Restricted Mode: ${JSON.stringify(titles)}`);
      await openFile(page, 'mark-wait.kgpatch');
      check((await applyButton(page).count()) === 0, 'the patch editor shows an Apply Patch to Matches button in Restricted Mode');
      const writes = sandbox.requests().filter((r) => !['get', 'list', 'watch'].includes(r.verb));
      check(writes.length === 0, `the cluster got writes in Restricted Mode: ${JSON.stringify(writes.slice(0, 3))}`);
    },
  },
];

/** The zh-cn window's filter: nothing in the scene is being killed, so it matches nothing. */
const NOTHING_FILTER_FILE = 'nothing.kgfilter';
const NOTHING_FILTER = '{"opsState": "Kill"}\n';

/**
 * Steps in a window whose display language is zh-cn (docs/l10n.md): the workbench's own words stay
 * English (no language pack offline), the extension's and its language server's are Chinese.
 */
const zhSteps = [
  {
    title: 'zh-cn: the GameServer view, a filter diagnostic and its hover speak Chinese',
    shot: 'zh-cn.png',
    readme: true,
    async run(ctx) {
      const { page, view } = ctx;
      await prepare(ctx);
      await widenSideBar(page, 420);
      for (const set of ['battle-royale', 'minecraft']) await expandRow(page, view, set);
      const namespaceRow = async () => (await renderedRows(page, view)).find((r) => r.label === NAMESPACE)?.description ?? '(no row)';
      await eventually(
        namespaceRow,
        (d) => /^\d+ 个 GameServer$/.test(d),
        (d) => `the namespace row reads ${JSON.stringify(d)}, not "N 个 GameServer"`,
      );
      await openFile(page, 'unknown-field.kgfilter');
      const squiggle = page.locator('.monaco-editor .squiggly-error');
      await squiggle.first().waitFor({ timeout: WAIT_MS });
      const { text } = await hoverFor(page, squiggle, /不是 GameServer 的字段/, WAIT_MS);
      check(text.includes('你是否想写 "opsState"'), `the hover does not offer opsState in Chinese: ${JSON.stringify(text)}`);
      // For the picture, the hover held open from the keyboard: a pointer hover fades out when the
      // CodeLens above the line redraws with the live counts.
      await clearHover(page);
      await page.locator('.editor-group-container.active .monaco-editor .view-line').first().click();
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await runCommand(page, 'Show or Focus Hover');
      await page.locator('.monaco-editor .monaco-hover', { hasText: '不是 GameServer 的字段' }).waitFor({ timeout: WAIT_MS });
      const opacity = () =>
        page
          .locator('.monaco-editor .monaco-hover')
          .first()
          .evaluate((el) => {
            let o = 1;
            for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
            return o;
          });
      await eventually(
        opacity,
        (o) => o === 1,
        (o) => `the hover stays at opacity ${o}`,
        5_000,
      );
    },
  },
  {
    title: "zh-cn: the palette lists OKG's commands in Chinese; Run Filter on a filter nothing matches says so in the view's message, in Chinese",
    shot: 'zh-cn-no-matches.png',
    async run(ctx) {
      const { page, pkg, view } = ctx;
      await prepare(ctx);
      const run = commandTitle(pkg, /^okg\.runFilter$/);
      check(run === 'OKG: 运行过滤器', `the zh-cn manifest names Run Filter ${JSON.stringify(run)}, not "OKG: 运行过滤器"`);
      const newFilter = commandTitle(pkg, /^okg\.newFilter$/);
      // One query per title: the palette's list is virtualised, and OKG has more commands than it draws.
      for (const title of [run, newFilter]) {
        await eventually(
          () => paletteTitles(page, title),
          (t) => t.includes(title),
          (t) => `the palette, asked for ${JSON.stringify(title)}, lists ${JSON.stringify(t)}`,
        );
      }
      await openFile(page, NOTHING_FILTER_FILE);
      await runCommand(page, run);
      await focusView(page, view);
      await eventually(
        () => viewMessage(page, view),
        (t) => t.startsWith(`过滤器 ${NOTHING_FILTER_FILE}：`) && t.endsWith('GameServer 中有 0 个匹配'),
        (t) => `the view message reads ${JSON.stringify(t)}, not "过滤器 ${NOTHING_FILTER_FILE}：N 个 GameServer 中有 0 个匹配"`,
      );
    },
    // The next window or step starts with no filter running.
    after: ({ page, pkg }) => runCommand(page, commandTitle(pkg, /^okg\.clearFilter$/), 10_000),
  },
];

/**
 * A fresh window of its own: a new user follows the walkthrough page by page, using only the
 * buttons on its pages, from opening it to a patch applied and read back in the view.
 */
const walkthroughSteps = [
  {
    title:
      'from a fresh window, the seven Get Started pages in order by their buttons only: connect, write and run a filter, write, preview and apply a patch, read it in the view; every page ticks',
    shot: 'walkthrough-applied.png',
    timeoutMs: 180_000,
    async run(ctx) {
      const { page, pkg, view, sandbox } = ctx;
      const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === 'okg.gettingStarted');
      const step = (id) => page.locator(`button.getting-started-step[data-step-id="${pkg.publisher}.${pkg.name}#${walkthrough.id}#${id}"]`);
      const titleOf = (id) => walkthrough.steps.find((s) => s.id === id).title;
      const tab = (label) => page.locator('.tabs-container .tab', { has: page.locator('.label-name', { hasText: exactText(label) }) });
      const walkthroughTab = tab(`Walkthrough: ${pkg.displayName}`);
      /** The page's text, drawn in a webview beside the steps: selecting a step loads it there. */
      const pageHeading = (id) =>
        page
          .frameLocator('.getting-started-media iframe.webview')
          .frameLocator('iframe#active-frame')
          .locator('h1', { hasText: exactText(titleOf(id)) });
      /**
       * Opens page `id` (back on the walkthrough's tab first), waits for its text to show as a
       * reader would, and clicks its button labelled `label`. Loading the page's text takes the
       * focus: a picker opened before that closes at once.
       */
      const press = async (id, label) => {
        await walkthroughTab.click({ timeout: WAIT_MS });
        await step(id).locator('.step-title').click({ timeout: WAIT_MS });
        await pageHeading(id)
          .waitFor({ timeout: WAIT_MS })
          .catch(() => {
            throw new Error(`selecting "${titleOf(id)}" does not show its page beside the steps`);
          });
        const button = step(id).locator('.button-container a.monaco-button', { hasText: exactText(label) });
        await button.waitFor({ timeout: WAIT_MS }).catch(() => {
          throw new Error(`the page "${titleOf(id)}" shows no ${label} button`);
        });
        await button.click();
      };
      const ticked = async (id) => {
        await walkthroughTab.click({ timeout: WAIT_MS }).catch(() => {
          throw new Error(`the walkthrough's tab is gone when "${titleOf(id)}" should be ticked`);
        });
        await eventually(
          () =>
            step(id)
              .getAttribute('aria-checked', { timeout: 1_000 })
              .catch(() => 'not shown'),
          (v) => v === 'true',
          (v) => `the page "${titleOf(id)}" is not ticked after its button (aria-checked ${v})`,
        );
      };
      const before = new Map(sandbox.objects('GameServer').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, JSON.stringify(o.spec)]));
      const want = matching(sandbox, STARTER_FILTER);

      await runCommand(page, commandTitle(pkg, /^okg\.getStarted$/));
      for (const { id, title } of walkthrough.steps) {
        await step(id)
          .locator('.step-title', { hasText: exactText(title) })
          .waitFor({ timeout: WAIT_MS })
          .catch(() => {
            throw new Error(`the walkthrough shows no page "${title}"`);
          });
        // Connecting ticks the first two as soon as the extension reaches the cluster; the rest wait for the user.
        if (!['connect', 'sandbox'].includes(id)) {
          check((await step(id).getAttribute('aria-checked')) !== 'true', `the page "${title}" is ticked in a fresh window before anything was done`);
        }
      }

      // 1. Connect: the context, then the namespaces, in the pickers the button opens.
      await press('connect', 'Select Context and Namespaces');
      await pickQuickInputRow(page, CONTEXT).catch(() => {
        throw new Error(`Select Context and Namespaces on the walkthrough page opened no context picker listing ${CONTEXT}`);
      });
      await quickInputRow(page, NAMESPACE)
        .waitFor({ timeout: WAIT_MS })
        .catch(() => {
          throw new Error(`after picking ${CONTEXT}, no namespace picker listing ${NAMESPACE} opened`);
        });
      for (const [label, checked] of await namespaceRows(page)) {
        if (checked !== (label === NAMESPACE)) await quickInputRow(page, label).click();
      }
      await page.locator('.quick-input-widget .quick-input-action .monaco-button', { hasText: 'OK' }).click();
      await ticked('connect');
      // 2. The sandbox page is for those without a cluster: connected, it is ticked already.
      await walkthroughTab.click({ timeout: WAIT_MS });
      await step('sandbox').locator('.step-title').click({ timeout: WAIT_MS });
      await ticked('sandbox');

      // 3. A first filter: the starter opens beside the walkthrough.
      await press('filter', 'New Filter');
      await tab(STARTER_FILTER)
        .waitFor({ timeout: WAIT_MS })
        .catch(() => {
          throw new Error(`New Filter opened no ${STARTER_FILTER} tab`);
        });
      await ticked('filter');
      // 4. Run it: the walkthrough is the active editor, so Run Filter asks which filter.
      await press('run', 'Run Filter');
      await pickQuickInputRow(page, STARTER_FILTER).catch(() => {
        throw new Error(`Run Filter on the walkthrough page opened no picker listing ${STARTER_FILTER}`);
      });
      await messageReads(page, view, () => expectedFilterMessage(sandbox, STARTER_FILTER), `Run Filter from the walkthrough on ${STARTER_FILTER}`);
      await ticked('run');

      // 5. A patch: the starter sets every match's update priority to 10.
      await press('patch', 'New Patch');
      await tab(STARTER_PATCH)
        .waitFor({ timeout: WAIT_MS })
        .catch(() => {
          throw new Error(`New Patch opened no ${STARTER_PATCH} tab`);
        });
      await ticked('patch');
      // 6. Preview, then apply: pick the patch and the running filter's results, then Apply in the status bar.
      await press('apply', 'Apply Patch to Matches');
      await pickQuickInputRow(page, STARTER_PATCH).catch(() => {
        throw new Error(`Apply Patch to Matches on the walkthrough page opened no picker listing ${STARTER_PATCH}`);
      });
      await pickQuickInputRow(page, `Current results: ${STARTER_FILTER}`).catch(() => {
        throw new Error(`after picking ${STARTER_PATCH}, no picker offered "Current results: ${STARTER_FILTER}"`);
      });
      await page.locator('.multiDiffEditor').waitFor({ timeout: WAIT_MS });
      await page
        .locator('.tabs-container .tab.active', { hasText: `(${want.length} files)` })
        .waitFor({ timeout: WAIT_MS })
        .catch(() => {
          throw new Error(`the preview does not show ${want.length} files, one per match of ${STARTER_FILTER}`);
        });
      await (await decisionItem(page, pkg, want.length)).click();
      const text = await toast(page, `Changed ${want.length} of `);
      check(text.includes(`Changed ${want.length} of ${want.length} GameServers in ${CONTEXT}.`), `the summary reads ${JSON.stringify(text)}`);
      await ticked('apply');
      for (const obj of sandbox.objects('GameServer')) {
        const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
        if (obj.metadata.namespace === NAMESPACE && want.includes(obj.metadata.name)) {
          check(obj.spec.updatePriority === 10, `${key} matches the starter filter but its updatePriority is ${obj.spec.updatePriority}, not 10`);
        } else {
          check(JSON.stringify(obj.spec) === before.get(key), `${key} does not match the starter filter but its spec changed`);
        }
      }

      // 7. Read the view: its button shows the GameServers, where every match now reads UP 10.
      await press('legend', 'Show GameServers');
      for (const set of new Set(want.map((n) => n.replace(/-\d+$/, '')))) await expandRow(page, view, set);
      await eventually(
        async () => {
          const rows = await renderedRows(page, view);
          return want.map((n) => [n, rows.find((r) => r.label === n)?.description ?? '(no row)']);
        },
        (rows) => rows.every(([, d]) => d.split(' · ').includes('UP 10')),
        (rows) => `after the apply these rows do not read UP 10: ${JSON.stringify(rows.filter(([, d]) => !d.split(' · ').includes('UP 10')))}`,
      );
      for (const { id } of walkthrough.steps) await ticked(id);
    },
  },
];

/** Windows, each on a fresh sandbox and VS Code server, with the steps run in it in order. */
const phases = [
  { untrusted: false, steps },
  { untrusted: true, steps: untrustedSteps },
  { untrusted: false, locale: 'zh-cn', steps: zhSteps },
  { untrusted: false, steps: walkthroughSteps },
];

/**
 * Runs every phase's steps in its own window, in order. `outDir` receives one picture per step;
 * with `readmeOnly`, only the README's pictures are kept. `only` (a RegExp, default from the
 * environment's OKG_UI_STEPS) keeps the steps whose title it matches. Resolves to
 * { passed, failures: [{ title, message }] }; `onResult` hears each step as it ends.
 */
export async function runUiPass({ paths, outDir, readmeOnly = false, only = stepsFromEnv(), onResult = () => undefined }) {
  const failures = [];
  let passed = 0;
  mkdirSync(outDir, { recursive: true });
  for (const phase of phases) {
    const chosen = phase.steps.filter((s) => !only || only.test(s.title));
    if (chosen.length === 0) continue;
    const cleanups = [];
    try {
      const pkg = manifest(phase.locale);
      const view = contributedView(pkg, /gameServers/i);
      const tmp = makeTempDir('okg-ui-');
      cleanups.push(() => removeDir(tmp));
      const kubeconfigPath = join(tmp, 'kubeconfig');
      const sandbox = await withTimeout(startSandbox({ sets: 3, replicas: REPLICAS, churn: 0, port: 0, kubeconfigPath }), 30_000, 'the sandbox to start');
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
      writeFileSync(join(workspace, CHURN_FILTER_FILE), CHURN_FILTER);
      writeFileSync(join(workspace, STALE_FILTER_FILE), STALE_FILTER);
      writeFileSync(join(workspace, TYPING_PATCH_FILE), TYPING_PATCH);
      writeFileSync(join(workspace, NOTHING_FILTER_FILE), NOTHING_FILTER);
      const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: ROOT });
      const window = await openWorkbench(url, { locale: phase.locale });
      cleanups.push(() => window.close());
      const extraShot = async (name) => {
        if (!readmeOnly) await window.page.screenshot({ path: join(outDir, name) });
      };
      const context = { page: window.page, pkg, view, sandbox, extraShot };
      for (const step of chosen) {
        const started = Date.now();
        try {
          await withTimeout(step.run(context), step.timeoutMs ?? STEP_TIMEOUT_MS, step.title);
          if (step.readme || !readmeOnly) await window.page.screenshot({ path: join(outDir, step.shot) });
          passed++;
          onResult({ title: step.title, ok: true, shot: join(outDir, step.shot), ms: Date.now() - started });
        } catch (err) {
          const note = await failureShot(window.page, `ui-${step.shot.replace(/\.png$/, '.failed')}`);
          const failure = { title: `UI pass: ${step.title}`, message: `${err instanceof Error ? err.message.split('\n')[0] : String(err)} ${note}` };
          failures.push(failure);
          onResult({ title: step.title, ok: false, message: failure.message, ms: Date.now() - started });
        } finally {
          // A step that timed out may still hold a fault: the next one starts from a sandbox that answers.
          await Promise.resolve()
            .then(async () => {
              sandbox.setFaults({ blackhole: false });
              await sandbox.resume();
            })
            .catch(() => undefined);
          await Promise.resolve(step.after?.(context)).catch(() => undefined);
        }
      }
    } catch (err) {
      failures.push({ title: 'UI pass', message: err instanceof Error ? err.message : String(err) });
    } finally {
      while (cleanups.length > 0)
        await Promise.resolve()
          .then(cleanups.pop())
          .catch(() => undefined);
    }
  }
  return { passed, failures };
}

function stepsFromEnv() {
  const pattern = process.env.OKG_UI_STEPS;
  return pattern ? new RegExp(pattern, 'i') : undefined;
}

// Run alone: the UI pass only, pictures in test-results/ui/.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ensureVSCode } = await import('./install-vscode.mjs');
  const started = Date.now();
  const { passed, failures } = await runUiPass({
    paths: await ensureVSCode(),
    outDir: join(ROOT, 'test-results', 'ui'),
    onResult: (r) => console.log(`${r.ok ? '  ok  ' : '  FAIL'} UI pass (${(r.ms / 1000).toFixed(1)} s): ${r.title}${r.ok ? '' : `: ${r.message}`}`),
  });
  console.log(`\nui-pass: ${passed} passed, ${failures.length} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const f of failures) console.log(`\nFAILED: ${f.title}\n${f.message}`);
  process.exit(failures.length === 0 && passed > 0 ? 0 : 1);
}
