// Which objects a revert may write: each object the apply changed, read whole now, that still
// holds every value the apply wrote. The others are refused, each with its reason; nothing about
// them is previewed or sent. The check is repeated on the object the preview reads, and the API
// server repeats it atomically with the write (the inverse's `test`s).
import * as l10n from '@vscode/l10n';
import { ClusterFailure } from '../cluster/api';
import { runPool } from '../cluster/pool';
import type { KubeObject } from '../cluster/resources';
import type { JournalEntry } from './entry';
import { holdsWhatWasWritten, inverseOfEntry, type ObjectInverse, type RefusedObject } from './inverse';

export interface RevertTargets {
  targets: ObjectInverse[];
  refused: RefusedObject[];
}

type Checked = { ok: true; target: ObjectInverse } | { ok: false; refused: RefusedObject };

function refusedBecause(inv: ObjectInverse, reason: string): Checked {
  return {
    ok: false,
    refused: { namespace: inv.namespace, name: inv.name, reason },
  };
}

async function check(inv: ObjectInverse, uid: string | undefined, read: (namespace: string, name: string) => Promise<KubeObject>): Promise<Checked> {
  let now: KubeObject;
  try {
    now = await read(inv.namespace, inv.name);
  } catch (e) {
    if (e instanceof ClusterFailure && e.error.code === 'not-found') return refusedBecause(inv, l10n.t('it no longer exists'));
    return refusedBecause(inv, l10n.t('it could not be read: {0}', e instanceof Error ? e.message : String(e)));
  }
  if (uid !== undefined && now.metadata.uid !== uid) return refusedBecause(inv, l10n.t('it was deleted and recreated since the apply, left alone'));
  if (!holdsWhatWasWritten(now, inv.ops)) return refusedBecause(inv, l10n.t('it changed since the apply, left alone'));
  return { ok: true, target: inv };
}

export async function revertTargets(
  entry: JournalEntry,
  read: (namespace: string, name: string) => Promise<KubeObject>,
  concurrency: number,
  signal?: AbortSignal,
): Promise<RevertTargets> {
  const { inverses, refused } = inverseOfEntry(entry);
  const uids = new Map(entry.objects.map((o) => [`${o.namespace}/${o.name}`, o.uid]));
  const checked = await runPool(
    inverses,
    concurrency,
    (inv) => check(inv, uids.get(`${inv.namespace}/${inv.name}`), read),
    (inv) => refusedBecause(inv, l10n.t('cancelled before it was read')),
    signal,
  );
  const out: RevertTargets = { targets: [], refused: [...refused] };
  for (const c of checked) {
    if (c.ok) out.targets.push(c.target);
    else out.refused.push(c.refused);
  }
  return out;
}
