// The order in which OKG removes pods on scale-down (kruise-game pkg/util/gameserver.go,
// DeleteSequenceGs and opsStateDeletePrority): opsState weight, then deletion priority, then the
// higher ordinal, each higher first.
import type { PodView } from './pod-view';

const OPS_STATE_WEIGHT: ReadonlyMap<string, number> = new Map([
  ['Kill', 100],
  ['WaitToBeDeleted', 1],
  ['None', 0],
  ['Allocated', -1],
  ['Maintaining', -2],
]);

/** opsStateDeletePrority: any other value, custom or empty, weighs as None. */
export function opsStateWeight(opsState: string): number {
  return OPS_STATE_WEIGHT.get(opsState) ?? 0;
}

/**
 * Less as a comparator. OKG compares the priorities as label text first and returns `a > b` on
 * their Atoi values only when the texts differ, so two priorities written differently with the
 * same value ("05" and "5") stop the comparison without looking at the ordinal: OKG's unstable
 * sort leaves such servers in no defined order. Here they fall through to the ordinal, so the
 * order is one OKG may produce; undefinedAtCut reports when that choice decides the plan.
 */
export function deletionOrder(a: PodView, b: PodView): number {
  const wa = opsStateWeight(a.opsState);
  const wb = opsStateWeight(b.opsState);
  if (wa !== wb) return wb - wa;
  if (a.priority !== b.priority) return a.priority > b.priority ? -1 : 1;
  return b.index - a.index;
}

/**
 * The names of the servers OKG could take in any order around the cut after `count` of `sorted`:
 * the run of equal weight and priority value across the cut, when its priorities are written in
 * more than one way. Empty when the cut is defined.
 */
export function undefinedAtCut(sorted: readonly PodView[], count: number): string[] {
  if (count <= 0 || count >= sorted.length) return [];
  const same = (p: PodView, q: PodView) => opsStateWeight(p.opsState) === opsStateWeight(q.opsState) && p.priority === q.priority;
  const [last, next] = [sorted[count - 1]!, sorted[count]!];
  if (!same(last, next)) return [];
  let from = count - 1;
  while (from > 0 && same(sorted[from - 1]!, last)) from--;
  let to = count;
  while (to + 1 < sorted.length && same(sorted[to + 1]!, last)) to++;
  const run = sorted.slice(from, to + 1);
  return new Set(run.map((p) => p.deletionPriority)).size > 1 ? run.map((p) => p.name) : [];
}
