// Which GameServers of a set start an in-place update now. OKG hands updateStrategy.rollingUpdate
// to an Advanced StatefulSet with an unordered, priority-ordered update (pkg/util/gameserver.go,
// GetNewAstsFromGss); kruise then (sortPodsToUpdate and the rolling loop of its StatefulSet control):
// - does nothing while `paused`;
// - updates at most replicas - partition GameServers in all, counting those already updated;
// - takes the waiting ones in updateOrder;
// - has at most maxUnavailable (an int or a percentage of replicas, rounded down, at least 1;
//   default 1) updating at once. Here only updates in flight count, not other unready servers.
import { updateOrder } from './ordering';

export interface RollingUpdate {
  paused: boolean;
  partition: number;
  maxUnavailable: number;
}

function maxUnavailableOf(v: unknown, replicas: number): number {
  if (typeof v === 'number' && Number.isInteger(v)) return Math.max(1, v);
  const percent = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  if (percent) return Math.max(1, Math.floor((replicas * Number(percent[1])) / 100));
  return 1;
}

export function rollingUpdateOf(set: any): RollingUpdate {
  const ru = set.spec?.updateStrategy?.rollingUpdate;
  const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 0;
  return {
    paused: ru?.paused === true,
    partition: Number.isInteger(ru?.partition) && ru.partition > 0 ? ru.partition : 0,
    maxUnavailable: maxUnavailableOf(ru?.maxUnavailable, replicas),
  };
}

/**
 * The GameServers of `set` (all of them in `owned`) to start updating now, and how many still
 * wait after them. `current` tells whether one already shows the template's images; `updating`
 * whether its update is in flight (kruise counts those as updated: their revision is the new one).
 */
export function nextUpdates(set: any, owned: readonly any[], current: (gs: any) => boolean, updating: (gs: any) => boolean): { start: any[]; waiting: number } {
  const waiting = owned.filter((gs) => !updating(gs) && !current(gs));
  const strategy = rollingUpdateOf(set);
  if (strategy.paused || waiting.length === 0) return { start: [], waiting: waiting.length };
  const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 0;
  const inFlight = owned.filter(updating).length;
  const room = Math.min(replicas - strategy.partition - (owned.length - waiting.length), strategy.maxUnavailable - inFlight);
  const start = room > 0 ? [...waiting].sort(updateOrder).slice(0, room) : [];
  return { start, waiting: waiting.length - start.length };
}
