// Driving the VS Code window as a person would, through Playwright: the command palette, quick
// open, views, hovers and context menus. Selectors are VS Code 1.100's workbench DOM. Locators are
// exact (a row by its whole label, never by position: the tree and the quick-input lists are
// virtualised, so indexes move as rows render), and every wait is on a condition.

const STEP_TIMEOUT_MS = 30_000;

/** Escapes `text` for use inside a RegExp. */
const reEscape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches an element's whole text, give or take surrounding white space (codicons render as empty spans). */
export const exactText = (text) => new RegExp(`^\\s*${reEscape(text)}\\s*$`);

const firstLine = (err) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

/**
 * Runs a command by its palette title (e.g. "OKG: Run Filter"). Until the extension host has
 * registered its contributions the palette does not list them, so this reopens the palette until
 * the command shows up.
 */
export async function runCommand(page, title, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  const row = quickInputRow(page, title);
  for (;;) {
    try {
      await page.keyboard.press('F1');
      // Short waits: F1 may have closed a palette that was open, or the widget may re-render
      // under the cursor while the workbench settles; either way, the next round reopens it.
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      // Inside the retry: a command still running (Run Filter focusing the view, say) may take the
      // focus and so close the palette between listing the row and the click.
      await row.click({ timeout: 3_000 });
      break;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`the command palette never listed "${title}": ${firstLine(err)}`);
    }
  }
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS })
    .catch(() => undefined);
}

/** The quick-input row (palette, quick open, a QuickPick) whose label is exactly `label`. */
export function quickInputRow(page, label) {
  return page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactText(label) }) });
}

/** Selects the quick-input row whose label is exactly `label` and waits for the widget to close. */
export async function pickQuickInputRow(page, label) {
  const row = quickInputRow(page, label);
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await row.click();
  await page
    .locator('.quick-input-widget')
    .waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS })
    .catch(() => undefined);
}

/**
 * Opens a workspace file by name through Quick Open and waits for its editor tab. Retried as a
 * whole: a command finishing in the background may take the focus and close Quick Open.
 */
export async function openFile(page, fileName, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  const row = quickInputRow(page, fileName);
  const tab = page.locator('.tabs-container .tab.active').filter({ has: page.locator('.label-name', { hasText: exactText(fileName) }) });
  for (;;) {
    try {
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(fileName, { timeout: 5_000 });
      // The file search may answer a moment after the recently opened list.
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      await row.click({ timeout: 3_000 });
      await tab.waitFor({ timeout: 10_000 });
      return;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`Quick Open did not open ${fileName}: ${firstLine(err)}`);
    }
  }
}

/** The contributed view whose id matches `idPattern`, with its container, read from the manifest. */
export function contributedView(pkg, idPattern) {
  for (const [container, views] of Object.entries(pkg.contributes?.views ?? {})) {
    const view = views.find((v) => idPattern.test(v.id));
    if (!view) continue;
    const containers = Object.values(pkg.contributes?.viewsContainers ?? {}).flat();
    const containerTitle = containers.find((c) => c.id === container)?.title ?? container;
    return { id: view.id, name: view.name, container, containerTitle };
  }
  throw new Error(`package.json contributes no view matching ${idPattern}`);
}

/** The palette title ("Category: Title") of the contributed command whose id matches `idPattern`. */
export function commandTitle(pkg, idPattern) {
  const cmd = (pkg.contributes?.commands ?? []).find((c) => idPattern.test(c.command));
  if (!cmd) throw new Error(`package.json contributes no command matching ${idPattern}`);
  return cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title;
}

/** Shows a contributed view through its generated "<container>: Focus on <name> View" command. */
export async function focusView(page, view) {
  await runCommand(page, `${view.containerTitle}: Focus on ${view.name} View`);
}

/** The pane of a view, located by its header. */
export function viewPane(page, view) {
  return page.locator(`.pane:has(.pane-header[aria-label^="${view.name}"])`);
}

/** The rows of a view's tree, located by the view's pane header. */
export function treeRows(page, view) {
  return viewPane(page, view).locator('.monaco-list-row');
}

/** The view's row whose label is exactly `label` (a namespace, set or GameServer name). */
export function treeRow(page, view, label) {
  return treeRows(page, view).filter({ has: page.locator('.label-name', { hasText: exactText(label) }) });
}

/** The view's message line (what `TreeView.message` says), or '' when it shows none. */
export async function viewMessage(page, view) {
  const message = viewPane(page, view).locator('.tree-explorer-viewlet-tree-view > .message');
  if ((await message.count()) === 0) return '';
  const hidden = await message.evaluate((el) => el.classList.contains('hide') || el.offsetParent === null).catch(() => true);
  return hidden ? '' : (await message.innerText()).trim();
}

/** The view's description beside its title (what `TreeView.description` says). */
export async function viewDescription(page, view) {
  const d = viewPane(page, view).locator('.pane-header .description');
  return (await d.count()) ? (await d.innerText()).trim() : '';
}

/** The labels and descriptions of the rows the view renders now: [{ label, description, expanded, level }]. */
export async function renderedRows(page, view) {
  return treeRows(page, view).evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: r.querySelector('.label-description')?.textContent?.trim() ?? '',
      expanded: r.getAttribute('aria-expanded'),
      level: Number(r.getAttribute('aria-level')),
    })),
  );
}

/**
 * Expands the row labelled exactly `label` (idempotent). Clicks its twistie and waits for
 * aria-expanded="true" on that same row; clicks again if a refresh of the tree swallowed the click.
 */
export async function expandRow(page, view, label, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  const row = treeRow(page, view, label);
  for (;;) {
    try {
      await row.waitFor({ timeout: 5_000 });
      const state = await row.getAttribute('aria-expanded', { timeout: 2_000 });
      if (state === 'true') return;
      if (state === null) throw new Error(`the row "${label}" cannot be expanded (it has no children)`);
      await row.locator('.monaco-tl-twistie').click({ timeout: 3_000 });
      await treeRows(page, view)
        .and(page.locator('[aria-expanded="true"]'))
        .filter({ has: page.locator('.label-name', { hasText: exactText(label) }) })
        .waitFor({ timeout: 3_000 });
      return;
    } catch (err) {
      if (/cannot be expanded/.test(String(err))) throw err;
      if (Date.now() > deadline) throw new Error(`the row "${label}" did not expand: ${firstLine(err)}`);
    }
  }
}

/** Expands every collapsed row of a view's tree, top to bottom, up to `limit` rows. */
export async function expandAll(page, view, limit = 40) {
  for (let i = 0; i < limit; i++) {
    const collapsed = (await renderedRows(page, view)).find((r) => r.expanded === 'false');
    if (!collapsed) return;
    // By label, not index: rows above may still be rendering their children and shift indexes.
    await expandRow(page, view, collapsed.label);
  }
}

/** The texts of the hover widgets on screen now (a tree item's tooltip, a status bar item's, an editor hover). */
export function shownHovers(page) {
  return page
    .locator('.monaco-hover')
    .evaluateAll((els) =>
      els
        .filter((e) => !e.classList.contains('hidden') && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => e.innerText),
    )
    .catch(() => []);
}

/**
 * Moves the pointer off any hover target and waits until no hover is shown, so that the next
 * hover measured is a new one.
 */
export async function clearHover(page, timeoutMs = 5_000) {
  await page.mouse.move(1, 1);
  const deadline = Date.now() + timeoutMs;
  while ((await shownHovers(page)).length > 0 && Date.now() < deadline) await page.waitForTimeout(25);
}

/**
 * Rests the pointer on `target` and waits for a hover whose text satisfies `ok` (a string it
 * contains, a RegExp or a predicate). Resolves to { ms, text }: the time from the pointer first
 * arriving to that hover showing. If the target moves meanwhile (a CodeLens drawn above an editor
 * line, rows rendering above a tree row), or a redraw under it cancels the hover and nothing
 * shows for 1.5 s, the pointer follows or nudges it as a person's would; the time still counts
 * from the first arrival. Rejects after `timeoutMs` with the last hover text seen.
 */
export async function hoverFor(page, target, ok, timeoutMs = 5_000) {
  const test = typeof ok === 'function' ? ok : typeof ok === 'string' ? (t) => t.includes(ok) : (t) => ok.test(t);
  const what = typeof ok === 'string' ? `containing ${JSON.stringify(ok)}` : typeof ok === 'function' ? 'accepted' : `matching ${ok}`;
  await clearHover(page);
  const aim = async () => {
    const box = await target.first().boundingBox({ timeout: timeoutMs });
    if (!box) throw new Error('the hover target has no box (not rendered)');
    // Rest on the label's left part, away from inline actions.
    return { x: box.x + Math.min(box.width / 2, 120), y: box.y + box.height / 2 };
  };
  let at = await aim();
  await page.mouse.move(at.x - 5, at.y);
  const started = Date.now();
  await page.mouse.move(at.x, at.y);
  let last = '';
  let checked = started;
  let seen = started;
  const deadline = started + timeoutMs;
  while (Date.now() < deadline) {
    const texts = await shownHovers(page);
    const hit = texts.find((t) => test(t));
    if (hit !== undefined) return { ms: Date.now() - started, text: hit };
    if (texts.length) {
      last = texts.join(' | ');
      seen = Date.now();
    }
    if (Date.now() - checked >= 250) {
      checked = Date.now();
      const now = await aim().catch(() => at);
      const moved = Math.abs(now.x - at.x) > 2 || Math.abs(now.y - at.y) > 2;
      if (moved || Date.now() - seen >= 1_500) {
        at = now;
        seen = Date.now();
        await page.mouse.move(at.x - 5, at.y);
        await page.mouse.move(at.x, at.y);
      }
    }
    await page.waitForTimeout(20);
  }
  throw new Error(`no hover ${what} within ${timeoutMs} ms (last hover: ${last ? JSON.stringify(last.slice(0, 200)) : 'none'})`);
}

/** The open context menu's item labelled exactly `label`. */
export function contextMenuItem(page, label) {
  return page.locator('.context-view.monaco-menu-container .action-menu-item .action-label').filter({ hasText: exactText(label) });
}

/**
 * Right-clicks `target` and waits for its context menu to list `label`; resolves to the time it
 * took (ms) and leaves the menu open. Rejects after `timeoutMs` naming what the menu showed.
 */
export async function openContextMenu(page, target, label, timeoutMs = 5_000) {
  const started = Date.now();
  await target.click({ button: 'right', timeout: timeoutMs });
  try {
    await contextMenuItem(page, label).waitFor({ state: 'visible', timeout: Math.max(500, timeoutMs - (Date.now() - started)) });
  } catch {
    const shown = await page
      .locator('.context-view.monaco-menu-container .action-label')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`the context menu did not show "${label}" within ${timeoutMs} ms (it shows ${JSON.stringify(shown.filter(Boolean))})`);
  }
  return Date.now() - started;
}

/** Closes an open context menu with Escape and waits for it to go. */
export async function closeContextMenu(page) {
  await page.keyboard.press('Escape');
  await page
    .locator('.context-view.monaco-menu-container')
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => undefined);
}

/** The status bar item an extension contributed with `createStatusBarItem(id)`: its element id is `<publisher>.<name>.<id>`. */
export function statusBarItem(page, pkg, id) {
  return page.locator(`.statusbar-item[id="${pkg.publisher}.${pkg.name}.${id}"]`);
}
