// Go compares strings byte by byte in UTF-8, which is code point order; JS compares UTF-16 code units.

/** Maps a UTF-16 code unit so that code-unit order equals code point order (surrogates sort above U+FFFF-range BMP). */
function fix(unit: number): number {
  return unit >= 0xd800 ? (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000) : unit;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in Go's string order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fix(x) - fix(y);
  }
  return a.length - b.length;
}
