// How the API server writes a value as JSON text. A JSON Patch `test` compares scalars as text, so
// this is what a `test` value is measured against, not the value itself.

/** Characters Go's encoding/json escapes inside strings where JSON.stringify does not. */
const GO_ESCAPES = /[<>&\u2028\u2029]/g;
const HAS_GO_ESCAPE = /[<>&\u2028\u2029]/;

/**
 * The compact JSON text Go's encoding/json writes for a JSON value: JSON.stringify's text with
 * `<`, `>`, `&`, U+2028 and U+2029 written as \u escapes. Numbers agree already (both write the
 * shortest text that reads back as the same float64, switching to an exponent at the same bounds).
 */
export function apiServerJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(GO_ESCAPES, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Valid JSON text without the white space between tokens (Go's json.Compact): strings and numbers stay as written. */
export function compactJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
      out += c;
      inString = c === '"';
    }
  }
  return out;
}

/** True when the API server writes `s` with an escape that JSON.stringify does not use. */
export function hasGoOnlyEscape(s: string): boolean {
  return HAS_GO_ESCAPE.test(s);
}
