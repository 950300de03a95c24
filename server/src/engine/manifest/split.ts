// Splits a YAML stream into chunks that parse on their own exactly as they parse in the stream, so each
// can be parsed (and cached) alone: an edit re-parses one document, not the whole file.
//
// YAML 1.2 makes the `---` markers exact boundaries: a line that starts with `---` followed by a space,
// a tab or the line end is a document marker wherever it appears (no scalar may contain one). This scan
// is a few hundred times cheaper than the yaml library's parser, and it runs on every keystroke.
//
// A `%YAML` or `%TAG` directive belongs to the document after it, written above that document's `---`,
// so it ends the piece before that marker. Only a piece with a line starting with `%` can hold one, and
// the yaml library's parser, run on that piece alone, says which lines are directives; the next chunk
// then starts at the first of them.

import { Parser, parseDocument } from '#yaml';

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

function markerStarts(text: string): number[] {
  const starts: number[] = [0];
  for (let i = 0; i < text.length;) {
    const nl = text.indexOf('\n', i);
    if (i > 0 && isMarkerAt(text, i)) starts.push(i);
    if (nl < 0) break;
    i = nl + 1;
  }
  return starts;
}

/** Directives start with `%` in the first column; a text with no such line has none. */
function mayHoldDirectives(text: string): boolean {
  return text.startsWith('%') || text.startsWith('\uFEFF%') || text.includes('\n%');
}

interface Directives {
  /** Offset of the first directive after the piece's last document: they belong to the next one. */
  at: number;
  /**
   * The yaml library carries a YAML 1.1 document's directives over to the documents after it (YAML 1.2
   * resets them at every document), so from such a document on the stream stays one chunk.
   */
  yaml11: boolean;
}

function trailingDirectives(piece: string): Directives | undefined {
  let at: number | undefined;
  for (const token of new Parser().parse(piece)) {
    if (token.type === 'directive') at ??= token.offset;
    else if (token.type === 'document') at = undefined;
  }
  if (at === undefined) return undefined;
  return { at, yaml11: parseDocument(`${piece.slice(at)}\n---\n`).directives?.yaml.version === '1.1' };
}

export function splitDocuments(text: string): Chunk[] {
  let starts = markerStarts(text);
  if (mayHoldDirectives(text)) {
    const moved: number[] = [0];
    for (let k = 0; k + 1 < starts.length; k++) {
      const piece = text.slice(starts[k], starts[k + 1]);
      const directives = mayHoldDirectives(piece) ? trailingDirectives(piece) : undefined;
      const next = directives ? starts[k] + directives.at : starts[k + 1];
      if (next > moved[moved.length - 1]) moved.push(next);
      if (directives?.yaml11) break;
    }
    starts = moved;
  }
  return starts.map((start, k) => ({ start, text: text.slice(start, k + 1 < starts.length ? starts[k + 1] : text.length) }));
}
