// Runs async work over a list with at most `concurrency` items in flight, stopping new starts
// when `signal` aborts. Every index gets exactly one outcome, in input order.
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  notStarted: (item: T, index: number) => R,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  async function lane(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = signal?.aborted ? notStarted(items[i], i) : await work(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
