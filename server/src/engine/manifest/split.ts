// Splits a YAML stream at its `---` document markers, so each document can be parsed (and cached) on
// its own: an edit re-parses one document, not the whole file. YAML 1.2 makes this exact: a line that
// starts with `---` followed by a space, a tab or the line end is a document marker wherever it appears
// (no scalar may contain one), so the split needs no knowledge of the document's contents.

export interface Chunk {
  /** Offset of the chunk in the whole text. */
  start: number;
  text: string;
}

function isMarkerAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45 || text.charCodeAt(i + 2) !== 45) return false;
  const next = text.charCodeAt(i + 3);
  // NaN (end of text), space, tab, \n, \r
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

export function splitDocuments(text: string): Chunk[] {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; ) {
    const nl = text.indexOf('\n', i);
    const lineStart = i;
    if (lineStart > 0 && isMarkerAt(text, lineStart)) starts.push(lineStart);
    if (nl < 0) break;
    i = nl + 1;
  }
  return starts.map((start, k) => ({ start, text: text.slice(start, k + 1 < starts.length ? starts[k + 1] : text.length) }));
}
