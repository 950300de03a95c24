// The reserved-id lists OKG's GameServerSet controller reads, each parsed the way it parses that
// one (kruise-game pkg/util/set.go and slice.go): the spec list (one bad entry voids it), the
// game.kruise.io/reserve-ids annotation as the scale reads it (same rule) and as the check for a
// needed scale reads it (bad items skipped), and the StatefulSet's reserveOrdinals.
// OKG expands every range into a set of ints; ranges are counted first so a list such as
// "0-2147483647" is reported instead of filling memory.
import { parseGoInt } from '../okg';
import { goTrimSpace, parseRange, parseReserveEntry, type ReserveEntry } from './reserve-entry';

/** At most this many ids are expanded; planScale reports a bigger list instead of planning. */
export const MAX_ORDINALS = 1_000_000;

interface Interval {
  from: number;
  to: number;
}

export type Ordinals =
  | { ok: true; intervals: Interval[] }
  /** The entry at `index` makes OKG ignore the whole list. */
  | { ok: false; index: number; entry: unknown; why: Exclude<ReserveEntry, { ok: true }>['why'] };

/** GetReserveOrdinalIntSet over a list of IntOrString: every entry, or nothing when one fails to parse. */
export function listOrdinals(list: unknown): Ordinals {
  const intervals: Interval[] = [];
  const entries = Array.isArray(list) ? list : [];
  for (let index = 0; index < entries.length; index++) {
    const parsed = parseReserveEntry(entries[index]);
    if (!parsed.ok) return { ok: false, index, entry: entries[index], why: parsed.why };
    intervals.push({ from: parsed.from, to: parsed.to });
  }
  return { ok: true, intervals };
}

/**
 * The annotation as GameServerScale reads it: StringToIntStrSlice (items that Atoi reads are ints,
 * the rest trimmed strings, empty items skipped) and then GetReserveOrdinalIntSet, so one bad item
 * voids it.
 */
export function annotationOrdinals(text: string): Interval[] {
  const intervals: Interval[] = [];
  for (const item of text === '' ? [] : text.split(',')) {
    if (item === '') continue;
    const n = parseGoInt(item);
    const range = n === undefined ? parseRange(goTrimSpace(item)) : { from: n, to: n };
    if (typeof range !== 'object') return [];
    intervals.push(range);
  }
  return intervals;
}

/** The annotation as IsNeedToScale reads it (StringToOrdinalIntSet): an item it cannot read is skipped. */
export function lenientAnnotationOrdinals(text: string): Interval[] {
  const intervals: Interval[] = [];
  for (const item of text === '' ? [] : text.split(',')) {
    const range = item.includes('-') ? parseRange(item) : parseGoInt(goTrimSpace(item));
    if (typeof range === 'number') intervals.push({ from: range, to: range });
    else if (typeof range === 'object') intervals.push(range);
  }
  return intervals;
}

/** How many ids the intervals hold, counting overlaps twice: an upper bound, cheap to check before expanding. */
export function countOf(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, { from, to }) => sum + (to - from + 1), 0);
}

/** The ids of `intervals`, which the caller has bounded with countOf. */
export function expand(intervals: readonly Interval[]): Set<number> {
  const ids = new Set<number>();
  for (const { from, to } of intervals) for (let i = from; i <= to; i++) ids.add(i);
  return ids;
}
