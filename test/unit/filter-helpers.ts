// Shared helpers for the filter tests: locate a marker in the text as an LSP range.
import { LineIndex } from '../../server/src/engine/text';
import type { Range } from '../../server/src/engine/problem';

/** The range of the `nth` occurrence of `marker` in `text`; throws when it is not there, naming the case. */
export function rangeOf(text: string, marker: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(marker, at + 1);
    if (at < 0) throw new Error(`test bug: marker ${JSON.stringify(marker)} #${nth} not in ${JSON.stringify(text)}`);
  }
  return new LineIndex(text).range(at, marker.length);
}
