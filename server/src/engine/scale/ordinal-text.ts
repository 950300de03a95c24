// How OKG writes a set of ids back (kruise-game pkg/util/set.go, OrdinalSetToIntStrSlice and
// OrdinalSetToString): ascending, a run of three or more as the string "a-b", shorter runs as ints.

/** OrdinalSetToIntStrSlice: the form OKG writes into spec.reserveGameServerIds. */
export function ordinalsAsIntOrString(ids: Iterable<number>): (number | string)[] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const out: (number | string)[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const [from, to] = [sorted[i]!, sorted[j]!];
    if (to - from >= 2) out.push(`${from}-${to}`);
    else for (let n = from; n <= to; n++) out.push(n);
    i = j + 1;
  }
  return out;
}

/** OrdinalSetToString: the same, comma-separated, as in the game.kruise.io/reserve-ids annotation. */
export function ordinalsAsText(ids: Iterable<number>): string {
  return ordinalsAsIntOrString(ids).join(',');
}
