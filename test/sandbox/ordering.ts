// The order in which OKG's Advanced StatefulSet updates a set's GameServers (its unordered update,
// ordered by the gs-update-priority pod label). Scale-down has its own order, in the engine's
// planScale (server/src/engine/scale/deletion-order.ts), which the sandbox scales with.
import { ordinalOf } from './content';

/** strconv.Atoi semantics: anything but a whole number counts as 0. */
function atoi(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : 0;
  return Number.isSafeInteger(n) ? n : 0;
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
