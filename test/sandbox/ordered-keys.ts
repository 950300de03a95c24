// A set of keys in sorted (code unit) order, the order etcd lists in. The sorted array is built
// on the first read and then kept up to date by binary search, so a bulk load (thousands of
// creates before anyone lists) costs no sorting, and a create or delete after it costs
// O(log n) comparisons plus one array move.
export class OrderedKeys {
  private readonly members = new Set<string>();
  private order: string[] | undefined;

  get size(): number {
    return this.members.size;
  }

  add(key: string): void {
    if (this.members.has(key)) return;
    this.members.add(key);
    if (this.order) this.order.splice(firstAfter(this.order, key, false), 0, key);
  }

  delete(key: string): void {
    if (!this.members.delete(key)) return;
    if (this.order) this.order.splice(firstAfter(this.order, key, false), 1);
  }

  /** Every key in order; the array changes with later adds and deletes, so read it at once. */
  sorted(): readonly string[] {
    this.order ??= [...this.members].sort();
    return this.order;
  }
}

/** The index of the first key greater than `key` (or, with `strictly` false, not less than it). */
export function firstAfter(sorted: readonly string[], key: string, strictly = true): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = sorted[mid]!;
    if (k < key || (strictly && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
