// Revert... on a History entry: puts back what an apply wrote, on the objects that still hold it,
// through the same preview and confirmation as any apply (and recorded in the journal as one).
import * as vscode from 'vscode';
import type { JsonPatchOp } from '../cluster/api';
import { keyOf, type KubeObject } from '../cluster/resources';
import type { JournalEntry } from '../journal/entry';
import { holdsWhatWasWritten, type RefusedObject } from '../journal/inverse';
import { revertTargets } from '../journal/revert-targets';
import type { HistoryNode } from '../views/history-tree';
import type { ApplySummary } from './apply-summary';
import type { Deps } from './deps';
import { previewAndApply, type Confirm } from './preview-and-apply';
import { requireTrust } from './trust';

export interface RevertOptions {
  /** See Confirm: true (default) asks the user; the preview opens in every case. */
  confirm?: Confirm;
}

export interface RevertResult {
  /** Undefined when nothing was applied. */
  summary?: ApplySummary;
  /** Objects left alone before the preview, each with its reason. */
  refused: RefusedObject[];
}

/** Objects read at once to check them before the preview. */
const READ_CONCURRENCY = 16;

/** Names in a notification; the log has every one. */
const NAMED = 10;

function entryOf(deps: Deps, arg: HistoryNode | string | undefined): JournalEntry | undefined {
  if (typeof arg === 'string') return deps.journal.get(arg);
  return arg?.entry;
}

function tellRefused(deps: Deps, refused: readonly RefusedObject[], nothingLeft: boolean): void {
  if (refused.length === 0) return;
  for (const r of refused) deps.log.warn(`revert: ${r.namespace}/${r.name} left alone: ${r.reason}`);
  const named = refused.slice(0, NAMED).map((r) => vscode.l10n.t('{0}/{1} ({2})', r.namespace, r.name, r.reason));
  const more = refused.length > NAMED ? vscode.l10n.t(' and {0} more (see the OKG log)', refused.length - NAMED) : '';
  const message = nothingLeft
    ? vscode.l10n.t('Nothing was reverted; every object was left alone: {0}{1}', named.join('; '), more)
    : vscode.l10n.t('Left alone: {0}{1}', named.join('; '), more);
  void vscode.window.showWarningMessage(message);
}

/** The distinct restoring writes, standing for every object's own in the confirmation rules and the journal. */
function distinctWrites(all: readonly JsonPatchOp[][]): JsonPatchOp[] {
  const seen = new Map<string, JsonPatchOp>();
  for (const ops of all) for (const op of ops) if (op.op !== 'test') seen.set(JSON.stringify(op), op);
  return [...seen.values()];
}

async function run(deps: Deps, arg?: HistoryNode | string, options: RevertOptions = {}): Promise<RevertResult | undefined> {
  if (!requireTrust(vscode.l10n.t('Revert'))) return undefined;
  const entry = entryOf(deps, arg);
  if (!entry) return undefined;
  await deps.session.start();
  const context = deps.session.target()?.context;
  if (context !== entry.context) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('{0} was applied in context {1}; connect to it (OKG: Select Context) to revert it.', entry.what, entry.context),
    );
    return undefined;
  }
  const { targets, refused } = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Checking what {0} changed', entry.what),
      cancellable: true,
    },
    (_progress, token) => {
      const ac = new AbortController();
      token.onCancellationRequested(() => ac.abort());
      return revertTargets(entry, (ns, name) => deps.session.fetch(entry.kind, ns, name, ac.signal), READ_CONCURRENCY, ac.signal);
    },
  );
  tellRefused(deps, refused, targets.length === 0);
  if (targets.length === 0) return { refused };
  const own = new Map(targets.map((t) => [`${t.namespace}/${t.name}`, t.ops]));
  const opsFor = (o: KubeObject) => own.get(keyOf(o)) ?? [];
  const summary = await previewAndApply(deps, {
    kind: entry.kind,
    objects: targets.map((t) => ({
      metadata: { namespace: t.namespace, name: t.name },
    })),
    ops: distinctWrites(targets.map((t) => t.ops)),
    opsFor,
    what: vscode.l10n.t('Revert of {0}', entry.what),
    filterIsEmpty: false,
    stillMatches: (o) => holdsWhatWasWritten(o, opsFor(o)),
    confirm: options.confirm ?? true,
  });
  return { summary, refused };
}

export function registerRevertEntry(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.history.revert', (arg?: HistoryNode | string, options?: RevertOptions) => run(deps, arg, options));
}
