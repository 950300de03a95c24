// Update mode (-j): patch every match, each guarded by what it was matched at (its spec, and the
// values the filter read: see PatchRunner); with --dry-run, a server-side dry run per object
// printed as a unified diff.
import * as l10n from '@vscode/l10n';
import { checkPatch } from '../../../../server/src/engine';
import { PatchRunner, type ApplyResult, type Preview } from '../../cluster/patch-runner';
import type { KgctlOptions } from '../args';
import { connect } from '../connect';
import { objectDiff } from '../diff';
import { requireConsent } from '../guard';
import { EXIT_OK, EXIT_PARTIAL, UsageOrSetupError, type Io } from '../io';
import { json, resultsTable, updateDocument } from '../output';
import { formatProblems } from '../problems';
import { prepareFilter, select } from '../select';
import { readSpec } from '../sources';

const OUTCOME_WORDS: Record<ApplyResult['outcome'], string> = {
  changed: 'patched',
  'changed-since-preview': 'changed-since-matched',
  'may-have-been-applied': 'may-have-been-applied',
  failed: 'failed',
  cancelled: 'cancelled',
};

function printDryRun(previews: readonly Preview[], io: Io): number {
  let changed = 0;
  let failed = 0;
  for (const p of previews) {
    if (p.error || !p.after) {
      failed++;
      io.stderr(`kgctl: ${p.error?.message ?? l10n.t('{0}: no answer', p.key)}\n`);
      continue;
    }
    const d = objectDiff(p.key, p.before, p.after);
    if (d === '') io.stderr(`kgctl: ${l10n.t('{0}: no change', p.key)}\n`);
    else {
      changed++;
      io.stdout(d);
    }
  }
  const unchanged = previews.length - changed - failed;
  io.stderr(`kgctl: ${l10n.t('dry run: {0} would change, {1} unchanged, {2} failed; nothing was changed', changed, unchanged, failed)}\n`);
  return failed > 0 ? EXIT_PARTIAL : EXIT_OK;
}

export async function updateMode(o: KgctlOptions, io: Io, signal: AbortSignal): Promise<number> {
  const source = await readSpec(o.patch ?? '', 'patch', io);
  const patch = checkPatch(source.text, o.kind);
  const notes = formatProblems(source, patch.problems);
  if (notes) io.stderr(notes);
  if (!patch.ok) throw new UsageOrSetupError(l10n.t('the patch has errors (see above); nothing was changed'));
  const filter = await prepareFilter(o, io);
  const client = connect(o, io, 'update');
  try {
    const sel = await select(filter, o, { client }, io);
    const runner = new PatchRunner(client, o.kind);
    if (o.dryRun) return printDryRun(await runner.preview(sel.objects, patch.ops, { signal }), io);
    requireConsent(sel, { ...o, verb: 'patch' });
    const results = await runner.apply(
      sel.objects.map((before) => ({ before })),
      patch.ops,
      { signal, stillMatches: (obj) => filter.matches(obj) },
    );
    const bad = results.filter((r) => r.outcome !== 'changed');
    for (const r of bad) io.stderr(`kgctl: ${r.error?.message ?? r.key}\n`);
    const unknown = bad.filter((r) => r.outcome === 'may-have-been-applied').length;
    const notPatched = bad.length - unknown;
    if (notPatched > 0) io.stderr(`kgctl: ${l10n.t('{0} of {1} {2}s were not patched', notPatched, results.length, o.kind)}\n`);
    if (unknown > 0) {
      const message = l10n.t(
        '{0} of {1} {2}s may have been patched (the answer was lost); check them before running again, which could patch them twice',
        unknown,
        results.length,
        o.kind,
      );
      io.stderr(`kgctl: ${message}\n`);
    }
    io.stdout(
      o.output === 'table'
        ? resultsTable(results.map((r) => ({ object: r.before, result: OUTCOME_WORDS[r.outcome], error: r.error })))
        : json(updateDocument(o.kind, results), o.pretty),
    );
    return bad.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    client.dispose();
  }
}
