// `kgctl wait`: exits 0 as soon as the filter's matches reach the goal, 1 at the timeout with one
// line saying how far it got. Stdout gets one summary line; stderr gets live progress only on a
// terminal, so a pipeline's log holds nothing but the outcome.
import * as l10n from '@vscode/l10n';
import type { ResourceKind } from '../../cluster/resources';
import { connect } from '../connect';
import { countOf } from '../count-of';
import { formatDuration } from '../duration';
import { EXIT_ERROR, EXIT_OK, type Io } from '../io';
import { MatchWatch, type MatchState } from '../match-watch';
import { prepareFilter } from '../select';
import type { WaitGoal, WaitOptions } from '../wait-args';

/** Redraws of the progress line when nothing changed, so its countdown moves. */
const PROGRESS_EVERY_MS = 1_000;
/** Erases the terminal line the progress is drawn on. */
const CLEAR_LINE = '\r\x1b[2K';

/** The stdout line is a result, the same in every locale; only messages on stderr are translated. */
const many = (n: number, kind: ResourceKind) => `${n} ${kind}${n === 1 ? '' : 's'}`;

function reached(goal: WaitGoal, s: MatchState): boolean {
  if (!s.listed) return false;
  return goal === 'none' ? s.matched === 0 : s.matched >= goal.count;
}

/** How far the wait got, in the words of the timeout line (and the progress line). */
function standing(goal: WaitGoal, kind: ResourceKind, s: MatchState): string {
  if (!s.listed) return l10n.t('the {0}s could not be listed yet', kind);
  if (goal === 'none') {
    const n = countOf(s.matched, kind);
    return s.matched === 1 ? l10n.t('{0} still matches, wanted none', n) : l10n.t('{0} still match, wanted none', n);
  }
  return l10n.t('{0} of {1} wanted {2}s match', s.matched, goal.count, kind);
}

function summary(goal: WaitGoal, kind: ResourceKind, s: MatchState, elapsedMs: number): string {
  const after = `after ${formatDuration(elapsedMs)}`;
  if (goal === 'none') return `no ${kind} matches (of ${s.total}), ${after}\n`;
  return `${many(s.matched, kind)} match${s.matched === 1 ? 'es' : ''} (at least ${goal.count} wanted, of ${s.total}), ${after}\n`;
}

export async function waitMode(o: WaitOptions, io: Io, signal: AbortSignal): Promise<number> {
  const filter = await prepareFilter(o, io);
  const client = connect(o, io, 'wait');
  const began = Date.now();
  const progress = io.stderrIsTTY === true;
  let drawn = false;
  const draw = (s: MatchState) => {
    if (!progress) return;
    const left = formatDuration(Math.ceil(Math.max(0, began + o.timeoutMs - Date.now()) / 1_000) * 1_000);
    const trouble = s.error ? l10n.t('; retrying: {0}', s.error.message) : '';
    io.stderr(`${CLEAR_LINE}kgctl wait: ${l10n.t('{0} ({1} watched), {2} left', standing(o.goal, o.kind, s), s.total, left)}${trouble}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) io.stderr(CLEAR_LINE);
  };

  let settled = false;
  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  const finish = (code: number) => {
    settled = true;
    resolveDone(code);
  };
  const watch = new MatchWatch(client, o.kind, o.namespaces, filter.matches, (s) => {
    if (settled) return;
    if (reached(o.goal, s)) finish(EXIT_OK);
    else draw(s);
  });
  const end = (why: string) => {
    if (settled) return;
    const s = watch.state();
    const last = s.error ? l10n.t('; last error: {0}', s.error.message) : '';
    clear();
    io.stderr(`kgctl wait: ${why}: ${standing(o.goal, o.kind, s)}${last}\n`);
    finish(EXIT_ERROR);
  };
  const deadline = setTimeout(() => end(l10n.t('timed out after {0}', formatDuration(o.timeoutMs))), o.timeoutMs);
  const ticker = progress ? setInterval(() => draw(watch.state()), PROGRESS_EVERY_MS) : undefined;
  const onAbort = () => end(l10n.t('interrupted'));
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  if (!settled) watch.start();
  try {
    const code = await done;
    if (code === EXIT_OK) {
      clear();
      io.stdout(summary(o.goal, o.kind, watch.state(), Date.now() - began));
    }
    return code;
  } finally {
    clearTimeout(deadline);
    clearInterval(ticker);
    signal.removeEventListener('abort', onAbort);
    watch.dispose();
    client.dispose();
  }
}
