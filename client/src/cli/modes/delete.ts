// Delete mode (-d): delete every match; with --dry-run, the server checks each delete and
// nothing is deleted.
import * as l10n from '@vscode/l10n';
import { PatchRunner } from '../../cluster/patch-runner';
import type { KgctlOptions } from '../args';
import { connect } from '../connect';
import { requireConsent } from '../guard';
import { EXIT_OK, EXIT_PARTIAL, type Io } from '../io';
import { deleteDocument, json, resultsTable } from '../output';
import { prepareFilter, select } from '../select';

export async function deleteMode(o: KgctlOptions, io: Io, signal: AbortSignal): Promise<number> {
  const filter = await prepareFilter(o, io);
  const client = connect(o, io, 'delete');
  try {
    const sel = await select(filter, o, { client }, io);
    if (!o.dryRun) requireConsent(sel, { ...o, verb: 'delete' });
    const results = await new PatchRunner(client, o.kind).delete(sel.objects, { signal, dryRun: o.dryRun });
    const bad = results.filter((r) => r.outcome !== 'deleted');
    for (const r of bad) io.stderr(`kgctl: ${r.error?.message ?? r.key}\n`);
    if (o.dryRun) {
      for (const r of results) if (r.outcome === 'deleted') io.stdout(`would delete ${r.key}\n`);
      io.stderr(`kgctl: ${l10n.t('dry run: {0} would be deleted, {1} failed; nothing was deleted', results.length - bad.length, bad.length)}\n`);
      return bad.length > 0 ? EXIT_PARTIAL : EXIT_OK;
    }
    const unknown = bad.filter((r) => r.outcome === 'may-have-been-deleted').length;
    const notDeleted = bad.length - unknown;
    if (notDeleted > 0) io.stderr(`kgctl: ${l10n.t('{0} of {1} {2}s were not deleted', notDeleted, results.length, o.kind)}\n`);
    if (unknown > 0) {
      const message = l10n.t('{0} of {1} {2}s may have been deleted (the answer was lost); check them before running again', unknown, results.length, o.kind);
      io.stderr(`kgctl: ${message}\n`);
    }
    io.stdout(
      o.output === 'table'
        ? resultsTable(results.map((r) => ({ object: r.object, result: r.outcome, error: r.error })))
        : json(deleteDocument(o.kind, results), o.pretty),
    );
    return bad.length > 0 ? EXIT_PARTIAL : EXIT_OK;
  } finally {
    client.dispose();
  }
}
