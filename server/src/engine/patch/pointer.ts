// RFC 6901 JSON Pointers: parsing with segment positions, and formatting.
import * as l10n from '@vscode/l10n';

export interface PointerSegment {
  /** The unescaped key. */
  value: string;
  /** Offset of the raw (escaped) segment in the pointer string, after its leading `/`. */
  start: number;
  end: number;
}

export type ParsedPointer = { ok: true; segments: PointerSegment[] } | { ok: false; message: string; start: number; end: number };

/** Parses a JSON Pointer: empty (the whole document) or `/`-separated segments with `~0` and `~1` escapes only. */
export function parsePointer(pointer: string): ParsedPointer {
  if (pointer === '') return { ok: true, segments: [] };
  if (pointer[0] !== '/') {
    return {
      ok: false,
      message: l10n.t('A JSON Pointer starts with `/`: write "/{0}".', pointer),
      start: 0,
      end: pointer.length,
    };
  }
  const segments: PointerSegment[] = [];
  let start = 1;
  for (let i = 1; i <= pointer.length; i++) {
    if (i < pointer.length && pointer[i] !== '/') {
      if (pointer[i] === '~' && pointer[i + 1] !== '0' && pointer[i + 1] !== '1') {
        return {
          ok: false,
          message: l10n.t('`~` must be escaped in a JSON Pointer: `~0` stands for `~` and `~1` for `/`.'),
          start: i,
          end: i + 1,
        };
      }
      continue;
    }
    segments.push({ value: unescapeSegment(pointer.slice(start, i)), start, end: i });
    start = i + 1;
  }
  return { ok: true, segments };
}

/** True when `ancestor` names a location that holds `pointer` (RFC 6902 §4.4: a move cannot go into its own children). */
export function isProperPrefix(ancestor: readonly PointerSegment[], pointer: readonly PointerSegment[]): boolean {
  return ancestor.length < pointer.length && ancestor.every((s, i) => s.value === pointer[i].value);
}

export function unescapeSegment(raw: string): string {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function formatPointer(segments: readonly string[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}
