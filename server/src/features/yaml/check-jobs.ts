// The messages between the YAML check pool (check-pool.ts) and its workers (yaml-check-worker.ts),
// and the claim each side makes on a chunk before checking it.
import type { Finding } from '../../engine/internal';

/** No thread has claimed the chunk yet. */
export const UNCLAIMED = -1;
/** The number the pool's own thread claims chunks under; workers claim under 1, 2, 3… */
export const POOL_THREAD = 0;

export interface CheckJob {
  id: number;
  /** The bundle locale the messages are written in (locale.ts). */
  locale: string;
  chunks: string[];
  /** An Int32Array over this, one slot per chunk: UNCLAIMED, or the number of the thread that checks it. */
  claims: SharedArrayBuffer;
  /** The number this worker claims chunks under. */
  worker: number;
}

export interface CheckReply {
  id: number;
  /** The chunks this worker claimed, by index, with their findings; null when checking one threw. */
  findings: [index: number, findings: Finding[] | null][];
}

/**
 * Claims the next unclaimed chunk for `thread`; -1 when every chunk has been claimed. The claim and the
 * owner are one atomic write, so after a thread has tried every slot each chunk has a known owner.
 */
export function claimNext(claims: Int32Array, thread: number, from = 0): number {
  for (let i = from; i < claims.length; i++) {
    if (Atomics.compareExchange(claims, i, UNCLAIMED, thread) === UNCLAIMED) return i;
  }
  return -1;
}
