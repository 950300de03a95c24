// The one path every change to the cluster takes: server-side dry run of each object, one
// multi-file diff of all of them, a confirmation sized to the risk, the apply guarded by what
// was previewed (the spec, and the values the filter chose each object by: see PatchRunner), and
// a summary that offers to preview what is surely left. The plan's objects come from the cache,
// which keeps compact copies: each is read whole from the cluster before its dry run, so the
// diff's "before" and the apply's guard are the object as it is.
import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import type { JsonPatchOp } from '../cluster/api';
import type { ApplyResult, Preview } from '../cluster/patch-runner';
import type { KubeObject } from '../cluster/resources';
import { openDiffPreview } from '../preview/diffPreview';
import { summarize, type ApplySummary, type ObjectOutcome } from './applySummary';
import { applyConcurrency, confirmationFor, confirmThreshold, typedCountError } from './confirmRules';
import type { Deps } from './deps';
import { kindPlural, type ResourceKind } from './resourceKind';

export interface ChangePlan {
  kind: ResourceKind;
  /** The objects to change, as the cache holds them (compact): they name what is read and previewed. */
  objects: KubeObject[];
  ops: JsonPatchOp[];
  /** What is applied to what, for titles and the log, e.g. `idle.kgpatch on old-image.kgfilter`. */
  what: string;
  filterIsEmpty: boolean;
  /**
   * Whether an object (as it is now) still belongs to the plan: checked on the object read for its
   * preview, when a value the filter reads moved before the apply, and before previewing the rest again.
   */
  stillMatches(obj: KubeObject): boolean;
  confirm: Confirm;
}

/** What a caller-supplied confirmation sees: the objects previewed and shown in the diff. */
export interface PreviewFacts {
  count: number;
  keys: string[];
}

/**
 * true: ask the user (modal, then the typed count when the rules require it). false: the caller
 * has confirmed already. A function: the caller decides after the preview (another extension
 * with its own confirmation, or a test).
 */
export type Confirm = boolean | ((facts: PreviewFacts) => boolean | Promise<boolean>);

function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

function settings() {
  // A workspace may ask for more confirmation, never less (see confirmRules.ts).
  const c = vscode.workspace.getConfiguration('okg.apply');
  return { concurrency: applyConcurrency(c.inspect('concurrency') ?? {}), threshold: confirmThreshold(c.inspect('confirmThreshold') ?? {}) };
}

async function withCancellableProgress<T>(title: string, work: (signal: AbortSignal, report: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const ac = new AbortController();
    // Every object in flight listens for the cancel (up to the concurrency at once): not a leak.
    setMaxListeners(0, ac.signal);
    token.onCancellationRequested(() => ac.abort());
    let last = 0;
    return work(ac.signal, (done, total) => {
      const pct = (done / Math.max(total, 1)) * 100;
      progress.report({ increment: pct - last, message: `${done} of ${total}` });
      last = pct;
    });
  });
}

async function confirmApply(plan: ChangePlan, keys: string[], context: string, previewFailures: number): Promise<boolean> {
  const count = keys.length;
  if (plan.confirm === false) return true;
  if (typeof plan.confirm === 'function') return plan.confirm({ count, keys });
  const noun = kindPlural(plan.kind, count);
  const detail = [
    `${plan.what}. The diff editor shows every change.`,
    previewFailures ? `${previewFailures} could not be previewed and will not be changed (see the OKG log).` : '',
    'Each object is patched only if its spec, and what the filter chose it by, have not changed since this preview.',
  ]
    .filter(Boolean)
    .join('\n');
  const choice = await vscode.window.showWarningMessage(`Apply to ${count} ${noun} in ${context}?`, { modal: true, detail }, 'Apply');
  if (choice !== 'Apply') return false;
  const rule = confirmationFor({ count, threshold: settings().threshold, filterIsEmpty: plan.filterIsEmpty, ops: plan.ops });
  if (rule.kind === 'click') return true;
  const typed = await vscode.window.showInputBox({
    title: `Apply to ${count} ${noun} in ${context}`,
    prompt: `Type ${count} to confirm: ${rule.reasons.join('; ')}.`,
    ignoreFocusOut: true,
    validateInput: (v) => typedCountError(v, count),
  });
  return typed !== undefined && typedCountError(typed, count) === undefined;
}

function logResults(deps: Deps, results: readonly ApplyResult[]): void {
  for (const r of results) {
    if (r.outcome === 'changed') deps.log.info(`changed ${r.key} (resourceVersion ${r.after?.metadata.resourceVersion ?? '?'})`);
    else deps.log.warn(`${r.outcome} ${r.key}: ${r.error?.message ?? ''}`);
  }
}

/** Runs the plan; resolves with the summary, or undefined when nothing was applied. */
export async function previewAndApply(deps: Deps, plan: ChangePlan): Promise<ApplySummary | undefined> {
  const runner = await deps.session.patchRunner(plan.kind);
  const target = deps.session.target();
  if (!runner || !target) {
    void vscode.window.showErrorMessage(`Not connected to a cluster: ${deps.session.error?.message ?? 'choose a context first.'}`);
    return undefined;
  }
  if (plan.objects.length === 0) {
    void vscode.window.showInformationMessage(`Nothing to change: no ${plan.kind} matches (${plan.what}).`);
    return undefined;
  }
  const { concurrency } = settings();
  deps.log.info(`Preview ${plan.what}: ${plan.objects.length} ${kindPlural(plan.kind, plan.objects.length)} in ${target.context}`);
  const previews: Preview[] = await withCancellableProgress(`Previewing ${plan.what}`, (signal, report) =>
    runner.preview(plan.objects, plan.ops, { fresh: true, stillMatches: (o) => plan.stillMatches(o), concurrency, signal, onProgress: (d, t) => report(d, t) }),
  );
  const ok = previews.filter((p) => p.after !== undefined);
  for (const p of previews) if (p.error) deps.log.warn(`preview failed ${p.key}: ${p.error.message}`);
  deps.log.info(`Previewed ${ok.length} of ${previews.length}`);
  if (ok.length === 0) {
    void vscode.window.showErrorMessage(`No object could be previewed: ${previews[0]?.error?.message ?? 'unknown error'}`, 'Show Log').then((c) => c && deps.log.show(true));
    return undefined;
  }
  const title = `OKG preview: ${plan.what} (${ok.length} ${kindPlural(plan.kind, ok.length)} in ${target.context})`;
  await openDiffPreview(
    deps.previews,
    title,
    target.context,
    ok.map((p) => ({ kind: plan.kind, ...splitKey(p.key), before: p.before, after: p.after })),
  );
  deps.lastRun.preview = { title, entries: ok.map((p) => p.key) };

  if (!(await confirmApply(plan, ok.map((p) => p.key), target.context, previews.length - ok.length))) {
    deps.log.info('Apply cancelled at confirmation; nothing was changed.');
    return undefined;
  }
  deps.log.info(`Applying to ${ok.length} (concurrency ${concurrency ?? "default"})`);
  const results = await withCancellableProgress(`Applying ${plan.what}`, (signal, report) =>
    runner.apply(previews, plan.ops, { stillMatches: (o) => plan.stillMatches(o), concurrency, signal, onProgress: (d, t) => report(d, t) }),
  );
  logResults(deps, results);
  const outcomes: ObjectOutcome[] = results.map((r) => ({ ...splitKey(r.key), outcome: r.outcome, error: r.error?.message }));
  const summary = summarize(outcomes, kindPlural(plan.kind, results.length), target.context);
  deps.lastRun.summary = summary;
  deps.log.info(summary.message);
  showSummary(deps, plan, summary, results);
  return summary;
}

/** Not awaited: a notification waits for the user, and the apply is over. */
function showSummary(deps: Deps, plan: ChangePlan, summary: ApplySummary, results: readonly ApplyResult[]): void {
  if (!summary.canRetry) {
    if (summary.mayHaveBeenApplied === 0) void vscode.window.showInformationMessage(summary.message);
    else void vscode.window.showWarningMessage(summary.message, 'Show Log').then((choice) => choice && deps.log.show(true));
    return;
  }
  void vscode.window.showWarningMessage(summary.message, 'Preview the Rest Again', 'Show Log').then((choice) => {
    if (choice === 'Show Log') deps.log.show(true);
    if (choice !== 'Preview the Rest Again') return;
    // Not those that may have been changed: previewing them again could apply the patch twice.
    const rest = results.filter((r) => r.outcome !== 'changed' && r.outcome !== 'may-have-been-applied').map((r) => splitKey(r.key));
    void previewRest(deps, plan, rest);
  });
}

/** The objects not changed, as they are now, that still belong to the plan. */
async function previewRest(deps: Deps, plan: ChangePlan, keys: { namespace: string; name: string }[]): Promise<ApplySummary | undefined> {
  const now = keys.map((k) => deps.session.get(plan.kind, k.namespace, k.name)).filter((o): o is KubeObject => o !== undefined);
  const objects = now.filter((o) => plan.stillMatches(o));
  const dropped = keys.length - objects.length;
  if (dropped) deps.log.info(`${dropped} of the rest no longer exist or no longer match; they are left out.`);
  return previewAndApply(deps, { ...plan, objects, what: `${plan.what} (the rest)` });
}
