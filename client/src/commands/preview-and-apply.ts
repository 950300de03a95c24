// The one path every change to the cluster takes: server-side dry run of each object, one
// multi-file diff of all of them, a confirmation beside the diff (never over it) sized to the
// risk, the apply guarded by what was previewed (the spec, and the values the filter chose each
// object by: see PatchRunner), and a summary that offers to preview what is surely left. The
// plan's objects come from the cache, which keeps compact copies: each is read whole from the
// cluster before its dry run, so the diff's "before" and the apply's guard are the object as it is.
import { setMaxListeners } from 'node:events';
import * as vscode from 'vscode';
import type { JsonPatchOp } from '../cluster/api';
import type { ApplyResult, Preview } from '../cluster/patch-runner';
import type { KubeObject } from '../cluster/resources';
import { openDiffPreview } from '../preview/diff-preview';
import type { DecisionEnd, DecisionRequest } from '../preview/preview-decision';
import { previewTitle } from '../preview/preview-title';
import { summarize, type ApplySummary, type ObjectOutcome } from './apply-summary';
import { applySettings } from '../settings';
import { confirmationFor, typedCountError } from './confirm-rules';
import type { Deps } from './deps';
import { kindPlural, type ResourceKind } from './resource-kind';

export interface ChangePlan {
  kind: ResourceKind;
  /** The objects to change, as the cache holds them (compact): they name what is read and previewed. */
  objects: KubeObject[];
  ops: JsonPatchOp[];
  /** Each object's own patch, when they differ (a revert); `ops` then stands for them in the confirmation rules and the journal. */
  opsFor?: (obj: KubeObject) => readonly JsonPatchOp[];
  /** The filter's text as written, for the journal, when the objects came from a filter. */
  filter?: string;
  /** What is applied to what, for titles and the log, e.g. `idle.kgpatch on old-image.kgfilter`. */
  what: string;
  filterIsEmpty: boolean;
  /**
   * Whether an object (as it is now) still belongs to the plan: checked on the object read for its
   * preview, when a value the filter reads moved before the apply, and before previewing the rest again.
   */
  stillMatches(obj: KubeObject): boolean;
  confirm: Confirm;
  /**
   * Checked once the user chose Apply, before anything is written: a reason not to write (the
   * caller tells the user; it is logged here), or undefined to go on. A scale re-plans here.
   */
  beforeApply?: () => Promise<string | undefined>;
  /** GameServers OKG deletes because of this change (a scale down): the confirmation asks for their count typed. */
  deletes?: number;
}

/** What a caller-supplied confirmation sees: the objects previewed and shown in the diff. */
export interface PreviewFacts {
  count: number;
  keys: string[];
}

/**
 * true: ask the user (Apply in the status bar or the preview's title, then the typed count when
 * the rules require it). false: the caller has confirmed already. A function: the caller decides
 * after the preview (another extension with its own confirmation, or a test).
 */
export type Confirm = boolean | ((facts: PreviewFacts) => boolean | Promise<boolean>);

function splitKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
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
      progress.report({ increment: pct - last, message: vscode.l10n.t('{0} of {1}', done, total) });
      last = pct;
    });
  });
}

/** Why nothing was applied: for the log (English), and for the user when it was not their own Cancel. */
const NOT_APPLIED: Record<Exclude<DecisionEnd, 'apply'>, { log: string; tell?: () => string }> = {
  cancel: { log: 'Apply cancelled; nothing was changed.' },
  closed: { log: 'The preview was closed before a decision; nothing was changed.', tell: () => vscode.l10n.t('Nothing was applied: the preview was closed.') },
  replaced: { log: 'A newer preview replaced this one before a decision; nothing was changed.' },
  connectionChanged: {
    log: 'The cluster connection changed while the preview awaited a decision; nothing was changed.',
    tell: () => vscode.l10n.t('Nothing was applied: the cluster connection changed while the preview awaited a decision. Run it again to preview the new one.'),
  },
};

/**
 * The preview was of one cluster connection: a decision still pending when the context or the
 * kubeconfig changes ends unapplied rather than write to what the question no longer names.
 */
function endOnNewConnection(deps: Deps, request: DecisionRequest, context: string): vscode.Disposable {
  const abandon = () => {
    if (deps.decision.pending === request) deps.decision.abandon('connectionChanged');
  };
  return vscode.Disposable.from(
    deps.session.onDidChangeState(() => {
      const now = deps.session.target()?.context;
      if (now !== undefined && now !== context) abandon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('okg.kubeconfig')) abandon();
    }),
  );
}

async function typedCountConfirms(plan: ChangePlan, question: string, count: number): Promise<boolean> {
  const rule = confirmationFor({ count, threshold: applySettings().threshold, filterIsEmpty: plan.filterIsEmpty, ops: plan.ops, deletes: plan.deletes });
  if (rule.kind === 'click') return true;
  const typed = await vscode.window.showInputBox({
    title: question.replace(/[?？]$/, ''),
    prompt: vscode.l10n.t('Type {0} to confirm: {1}.', rule.count, rule.reasons.join('; ')),
    ignoreFocusOut: true,
    validateInput: (v) => typedCountError(v, rule.count),
  });
  return typed !== undefined && typedCountError(typed, rule.count) === undefined;
}

async function confirmApply(deps: Deps, plan: ChangePlan, title: string, keys: string[], context: string, previewFailures: number): Promise<DecisionEnd> {
  const count = keys.length;
  if (plan.confirm === false) return 'apply';
  if (typeof plan.confirm === 'function') return (await plan.confirm({ count, keys })) ? 'apply' : 'cancel';
  const request: DecisionRequest = {
    title,
    question: vscode.l10n.t('Apply to {0} {1} in {2}?', count, kindPlural(plan.kind, count), context),
    detail: [
      `(${plan.what})`,
      previewFailures ? vscode.l10n.t('{0} could not be previewed and will not be changed (see the OKG log).', previewFailures) : '',
      vscode.l10n.t(
        "Nothing is written until you choose Apply, in the status bar or the preview's title; an object changed since this preview is left as it is.",
      ),
    ]
      .filter(Boolean)
      .join(' '),
  };
  const watch = endOnNewConnection(deps, request, context);
  let end: DecisionEnd;
  try {
    end = await deps.decision.ask(request);
  } finally {
    watch.dispose();
  }
  if (end !== 'apply') return end;
  return (await typedCountConfirms(plan, request.question, count)) ? 'apply' : 'cancel';
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
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Not connected to a cluster: {0}', deps.session.error?.message ?? vscode.l10n.t('choose a context first.')),
    );
    return undefined;
  }
  if (plan.objects.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to change: no {0} matches ({1}).', plan.kind, plan.what));
    return undefined;
  }
  const { concurrency } = applySettings();
  deps.log.info(`Preview ${plan.what}: ${plan.objects.length} ${kindPlural(plan.kind, plan.objects.length)} in ${target.context}`);
  const previews: Preview[] = await withCancellableProgress(vscode.l10n.t('Previewing {0}', plan.what), (signal, report) =>
    runner.preview(plan.objects, plan.opsFor ?? plan.ops, {
      fresh: true,
      stillMatches: (o) => plan.stillMatches(o),
      concurrency,
      signal,
      onProgress: (d, t) => report(d, t),
    }),
  );
  const ok = previews.filter((p) => p.after !== undefined);
  for (const p of previews) if (p.error) deps.log.warn(`preview failed ${p.key}: ${p.error.message}`);
  deps.log.info(`Previewed ${ok.length} of ${previews.length}`);
  if (ok.length === 0) {
    const reason = previews[0]?.error?.message ?? vscode.l10n.t('unknown error');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('No object could be previewed: {0}', reason), vscode.l10n.t('Show Log'))
      .then((c) => c && deps.log.show(true));
    return undefined;
  }
  const title = previewTitle(plan.what, ok.length, kindPlural(plan.kind, ok.length), target.context);
  deps.decision.abandon('replaced');
  await openDiffPreview(
    deps.previews,
    title,
    target.context,
    ok.map((p) => ({ kind: plan.kind, ...splitKey(p.key), before: p.before, after: p.after })),
  );
  deps.lastRun.preview = { title, entries: ok.map((p) => p.key) };

  const end = await confirmApply(
    deps,
    plan,
    title,
    ok.map((p) => p.key),
    target.context,
    previews.length - ok.length,
  );
  if (end !== 'apply') {
    const { log, tell } = NOT_APPLIED[end];
    deps.log.info(log);
    if (tell) void vscode.window.showInformationMessage(tell());
    return undefined;
  }
  const refusal = await plan.beforeApply?.();
  if (refusal !== undefined) {
    deps.log.warn(`Not applied (${plan.what}): ${refusal}`);
    return undefined;
  }
  deps.log.info(`Applying to ${ok.length} (concurrency ${concurrency ?? 'default'})`);
  const results = await withCancellableProgress(vscode.l10n.t('Applying {0}', plan.what), (signal, report) =>
    runner.apply(previews, plan.opsFor ?? plan.ops, { stillMatches: (o) => plan.stillMatches(o), concurrency, signal, onProgress: (d, t) => report(d, t) }),
  );
  logResults(deps, results);
  void deps.journal.record({ kind: plan.kind, what: plan.what, context: target.context, filter: plan.filter, ops: plan.ops, results });
  const outcomes: ObjectOutcome[] = results.map((r) => ({ ...splitKey(r.key), outcome: r.outcome, error: r.error?.message }));
  const summary = summarize(outcomes, kindPlural(plan.kind, results.length), target.context);
  deps.lastRun.summary = summary;
  // Ticks the walkthrough's "Preview, then apply" page: a context key, not onCommand, since ticking
  // re-renders the walkthrough, which takes the focus and would close the command's pickers.
  if (results.some((r) => r.outcome === 'changed')) void vscode.commands.executeCommand('setContext', 'okg.patchApplied', true);
  deps.log.info(summary.message);
  showSummary(deps, plan, summary, results);
  return summary;
}

/** Not awaited: a notification waits for the user, and the apply is over. */
function showSummary(deps: Deps, plan: ChangePlan, summary: ApplySummary, results: readonly ApplyResult[]): void {
  if (!summary.canRetry) {
    if (summary.mayHaveBeenApplied === 0) void vscode.window.showInformationMessage(summary.message);
    else void vscode.window.showWarningMessage(summary.message, vscode.l10n.t('Show Log')).then((choice) => choice && deps.log.show(true));
    return;
  }
  const [again, showLog] = [vscode.l10n.t('Preview the Rest Again'), vscode.l10n.t('Show Log')];
  void vscode.window.showWarningMessage(summary.message, again, showLog).then((choice) => {
    if (choice === showLog) deps.log.show(true);
    if (choice !== again) return;
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
  return previewAndApply(deps, { ...plan, objects, what: vscode.l10n.t('{0} (the rest)', plan.what) });
}
