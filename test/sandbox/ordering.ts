// The two orders OKG puts a set's GameServers in: which go first on scale-down
// (kruise-game pkg/util/gameserver.go, DeleteSequenceGs) and which are updated first
// (the Advanced StatefulSet's unordered update, ordered by the gs-update-priority pod label).
import { ordinalOf } from './content';

/** OKG's opsState weights for deletion: higher goes first; custom values (`toString` too) count as None. */
const OPS_STATE_WEIGHT = new Map<unknown, number>([
  ['Kill', 100],
  ['WaitToBeDeleted', 1],
  ['None', 0],
  ['Allocated', -1],
  ['Maintaining', -2],
]);

/** strconv.Atoi semantics: anything but a whole number counts as 0. */
export function atoi(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}

/**
 * The order in which OKG removes GameServers on scale-down: opsState, then deletionPriority, then
 * the higher ordinal. OKG reads the opsState from the pod's label, which `opsStateOf` gives.
 */
export function deletionOrder(opsStateOf: (gs: any) => unknown): (a: any, b: any) => number {
  return (a, b) => {
    const wa = OPS_STATE_WEIGHT.get(opsStateOf(a)) ?? 0;
    const wb = OPS_STATE_WEIGHT.get(opsStateOf(b)) ?? 0;
    if (wa !== wb) return wb - wa;
    const pa = atoi(a.spec?.deletionPriority);
    const pb = atoi(b.spec?.deletionPriority);
    if (pa !== pb) return pb - pa;
    return ordinalOf(b.metadata.name) - ordinalOf(a.metadata.name);
  };
}

/**
 * The order in which GameServers waiting for a new template are updated: the higher
 * updatePriority first; kruise starts from the highest ordinal and sorts stably, so ties go by
 * the higher ordinal.
 */
export function updateOrder(a: any, b: any): number {
  const pa = atoi(a.spec?.updatePriority);
  const pb = atoi(b.spec?.updatePriority);
  if (pa !== pb) return pb - pa;
  return ordinalOf(b.metadata.name) - ordinalOf(a.metadata.name);
}
