// Driving the VS Code window as a person would, through Playwright: the command palette, quick
// open, views. Selectors are VS Code 1.100's workbench DOM.

const STEP_TIMEOUT_MS = 30_000;

/**
 * Runs a command by its palette title (e.g. "OKG: Run Filter"). Until the extension host has
 * registered its contributions the palette does not list them, so this reopens the palette until
 * the command shows up.
 */
export async function runCommand(page, title, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  for (;;) {
    try {
      await page.keyboard.press('F1');
      // Short waits: F1 may have closed a palette that was open, or the widget may re-render
      // under the cursor while the workbench settles; either way, the next round reopens it.
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      break;
    } catch (err) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw new Error(`the command palette never listed "${title}": ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
}

/** Selects the quick-input row whose label contains `label` (the palette, quick open, a QuickPick). */
export async function pickQuickInputRow(page, label) {
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
}

/** Opens a workspace file by name through Quick Open and waits for its editor tab. */
export async function openFile(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(fileName);
  await pickQuickInputRow(page, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** The contributed view whose id matches `idPattern`, with its container, read from the manifest. */
export function contributedView(pkg, idPattern) {
  for (const [container, views] of Object.entries(pkg.contributes?.views ?? {})) {
    const view = views.find((v) => idPattern.test(v.id));
    if (view) return { id: view.id, name: view.name, container };
  }
  throw new Error(`package.json contributes no view matching ${idPattern}`);
}

/** The palette title ("Category: Title") of the contributed command whose id matches `idPattern`. */
export function commandTitle(pkg, idPattern) {
  const cmd = (pkg.contributes?.commands ?? []).find((c) => idPattern.test(c.command));
  if (!cmd) throw new Error(`package.json contributes no command matching ${idPattern}`);
  return cmd.category ? `${cmd.category}: ${cmd.title}` : cmd.title;
}

/** Shows a contributed view through its generated "Focus on <name> View" command. */
export async function focusView(page, view) {
  await runCommand(page, `Focus on ${view.name} View`);
}

/** The rows of a view's tree, located by the view's pane header. */
export function treeRows(page, view) {
  return page.locator(`.pane:has(.pane-header[aria-label^="${view.name}"]) .monaco-list-row`);
}

/** Expands every collapsed row of a view's tree, top to bottom, up to `limit` rows. */
export async function expandAll(page, view, limit = 40) {
  for (let i = 0; i < limit; i++) {
    const row = treeRows(page, view).and(page.locator('[aria-expanded="false"]')).first();
    if ((await row.count()) === 0) return;
    // By label, not index: rows above may still be rendering their children and shift indexes.
    const label = await row.getAttribute('aria-label');
    await row.locator('.monaco-tl-twistie').click();
    await treeRows(page, view)
      .and(page.locator(`[aria-expanded="true"][aria-label="${label?.replaceAll('"', '\\"')}"]`))
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
  }
}
