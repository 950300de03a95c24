// Keys that one can be drawn from at random in O(1): an array plus each key's position, and a
// delete that moves the last key into the hole.
export class RandomPick {
  private readonly keys: string[] = [];
  private readonly positions = new Map<string, number>();

  add(key: string): void {
    if (this.positions.has(key)) return;
    this.positions.set(key, this.keys.length);
    this.keys.push(key);
  }

  delete(key: string): void {
    const at = this.positions.get(key);
    if (at === undefined) return;
    const last = this.keys.pop()!;
    this.positions.delete(key);
    if (last !== key) {
      this.keys[at] = last;
      this.positions.set(last, at);
    }
  }

  /** The key at `fraction` (in [0, 1)) of the way along; undefined when empty. */
  at(fraction: number): string | undefined {
    return this.keys[Math.floor(fraction * this.keys.length)];
  }
}
