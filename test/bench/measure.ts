// What the benchmarks measure with: a full collection before reading the heap, and percentiles.

/** Two full collections (the second finds what the first left for finalisers); needs --expose-gc. */
export function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error(`run with --expose-gc (node --expose-gc --import tsx ${process.argv[1] ?? 'the benchmark'})`);
  g();
  g();
}

/** The nearest-rank percentile (`p` in 0..1) of `values`, in any order; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
