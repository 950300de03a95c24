// A least-recently-used cache keyed by a document's text, bounded by the total length of its keys.

interface Entry<T> {
  /** The cache's own copy of the text (see `resolve`). */
  key: string;
  value: T;
}

export class TextCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  has(text: string): boolean {
    return this.entries.has(text);
  }

  /**
   * The value for `text`, computed on a miss from the cache's own copy of it. A document's text is a
   * slice of the whole file's, and so is every string parsed from it: computing from a copy keeps an
   * entry from pinning each version of the file that was ever checked.
   */
  resolve(text: string, compute: (text: string) => T): T {
    const hit = this.entries.get(text);
    if (hit) {
      // Most recently used last, so eviction takes the texts no open file still has.
      this.entries.delete(hit.key);
      this.entries.set(hit.key, hit);
      return hit.value;
    }
    const key = structuredClone(text);
    const entry = { key, value: compute(key) };
    this.entries.set(key, entry);
    this.chars += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.chars <= this.maxChars || oldest === key) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
    return entry.value;
  }
}
