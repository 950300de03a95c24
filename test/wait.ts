// The one way the node suites wait: poll a condition until it holds or a deadline passes, then
// fail (or return) with what was seen last, so a timeout says what never happened.

const EVERY_MS = 20;

/** Polls `check` until it returns '' (success); returns '' or the last complaint at the deadline. */
export async function eventually(check: () => string | Promise<string>, deadlineMs: number, everyMs = EVERY_MS): Promise<string> {
  const end = Date.now() + deadlineMs;
  let last = await check();
  while (last !== '' && Date.now() < end) {
    await new Promise((r) => setTimeout(r, everyMs));
    last = await check();
  }
  return last;
}

/** Polls `cond` until it holds; throws naming `what` after `ms`. */
export async function until(what: string, cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const last = await eventually(async () => ((await cond()) ? '' : 'not yet'), ms);
  if (last !== '') throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
