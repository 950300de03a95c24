// Query operators mingo lacks for Go semantics: RE2 regular expressions and code-point string ranges;
// and equality of a scalar field and `$all` of a list field, which are Go's `==` on bools, float64s and
// strings: mingo's own `$eq` and `$all` resolve dotted paths and compare deeply, work that values a
// checked filter compares never need (half of a scan's time).
import { Context } from 'mingo';
import type { QueryOperator } from 'mingo/types';
import { RE2JS } from 're2js';
import { compareCodePoints } from './strings';

type Predicate = (obj: Record<string, unknown>) => boolean;

function re2(selector: string, pattern: unknown): Predicate {
  let re: RE2JS | undefined;
  try {
    re = RE2JS.compile(String(pattern));
  } catch {
    // Go's regexp.MatchString fails to compile and the filter reports NotMatch: never matches.
    return () => false;
  }
  const compiled = re;
  return (obj) => {
    const v = obj[selector];
    return typeof v === 'string' && compiled.test(v);
  };
}

function codePointRange(selector: string, bounds: unknown): Predicate {
  const [lo, hi] = bounds as [string, string];
  return (obj) => {
    const v = obj[selector];
    return typeof v === 'string' && compareCodePoints(v, lo) >= 0 && compareCodePoints(v, hi) <= 0;
  };
}

function same(selector: string, value: unknown): Predicate {
  return (obj) => obj[selector] === value;
}

function notSame(selector: string, value: unknown): Predicate {
  return (obj) => obj[selector] !== value;
}

/** Every wanted element is in the list: order and duplicates do not matter, as in structured-filter-go. */
function allOf(selector: string, wanted: unknown): Predicate {
  const elements = wanted as readonly unknown[];
  return (obj) => {
    const list = obj[selector];
    return Array.isArray(list) && elements.every((e) => list.includes(e));
  };
}

// mingo types its operator table as the intersection of its own operators' signatures.
export const GO_OPERATORS = Context.init({
  query: {
    $re2: re2 as unknown as QueryOperator,
    $cpRange: codePointRange as unknown as QueryOperator,
    $same: same as unknown as QueryOperator,
    $notSame: notSame as unknown as QueryOperator,
    $allOf: allOf as unknown as QueryOperator,
  },
});
