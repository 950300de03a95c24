// What the user types when scaling a set: the new replicas, and the reserved ids in the syntax OKG
// accepts in reserveGameServerIds (`1,3-5`: ints, and ranges "a-b"). The list is checked by the
// engine's planScale, which parses it as OKG does, so what is accepted here is what OKG reserves.
import * as l10n from '@vscode/l10n';
import { planScale } from '../../../server/src/engine';

const MAX_INT32 = 2 ** 31 - 1;

/** Why `text` is not a replicas count (a non-negative int32), or undefined when it is. */
export function replicasInputError(text: string): string | undefined {
  const t = text.trim();
  if (!/^[0-9]+$/.test(t)) return l10n.t('Replicas must be a whole number, 0 or more: {0}', JSON.stringify(text));
  if (Number(t) > MAX_INT32) return l10n.t('Replicas must be at most {0}.', MAX_INT32);
  return undefined;
}

export type ReserveEntryValue = number | string;

export type ReserveIdsInput = { ok: true; entries: ReserveEntryValue[] } | { ok: false; message: string };

/** Why OKG would not reserve `entries` (naming the entry), from planScale's notes on a set holding them alone. */
function entriesProblem(entries: ReserveEntryValue[]): string | undefined {
  const probe = planScale({ metadata: { name: 'probe' }, spec: { replicas: 0, reserveGameServerIds: entries } }, [], 0);
  for (const note of probe.notes) {
    const item = (i: number | undefined) => JSON.stringify(String(entries[i ?? 0]));
    if (note.code === 'reserve-ids-ignored' && note.why === 'reversed') return l10n.t('{0}: the range starts after it ends.', item(note.index));
    if (note.code === 'reserve-ids-ignored') return l10n.t('{0}: not an id or a range such as 3-5.', item(note.index));
    if (note.code === 'unreadable') return l10n.t('{0}: an id must be at most {1}.', item(note.index), MAX_INT32);
    if (note.code === 'too-large') return l10n.t('The ranges hold {0} ids, more than can be planned.', note.count);
  }
  return undefined;
}

/**
 * The list for spec.reserveGameServerIds from `text` (comma-separated; empty: no reserved ids):
 * an integer becomes an int, anything else must be a range OKG reads ("3-5").
 */
export function parseReserveIdsInput(text: string): ReserveIdsInput {
  const items = text.trim() === '' ? [] : text.split(',').map((s) => s.trim());
  if (items.includes('')) return { ok: false, message: l10n.t('An empty entry between two commas: write ids like 1,3-5.') };
  const entries = items.map((item): ReserveEntryValue => (/^[0-9]+$/.test(item) ? Number(item) : item));
  const problem = entriesProblem(entries);
  return problem ? { ok: false, message: problem } : { ok: true, entries };
}

/** The current list as the input box shows it: its entries as written, comma-separated. */
export function reserveIdsText(list: unknown): string {
  return Array.isArray(list) ? list.map((e) => (typeof e === 'string' || typeof e === 'number' ? String(e) : JSON.stringify(e))).join(',') : '';
}

/**
 * Whether `ordinal` is in `list`, an entry list OKG reads (planScale says when it ignores one):
 * ints, and ranges "a-b" with spaces around each bound.
 */
export function listHolds(list: unknown, ordinal: number): boolean {
  if (!Array.isArray(list)) return false;
  return list.some((e) => {
    if (typeof e === 'number') return e === ordinal;
    if (typeof e !== 'string') return false;
    const [from, to] = e.split('-').map((s) => Number(s.trim()));
    return from !== undefined && to !== undefined && from <= ordinal && ordinal <= to;
  });
}
