// checkPatch: parse, structure, pointers against the schema, values against the schema, OKG meaning,
// and what the API server makes of a `test` value.
// A problem's `data.replacement`, when present, is the JSON value to put in place of the JSON node at
// the problem's range start (the whole string node for a path segment).
import { hasErrors } from '../problem';
import { Reporter } from './context';
import { checkMeaning } from './meaning';
import { parsePatchText } from './parse';
import { checkPaths } from './paths';
import { checkStructure, toPatchOp } from './structure';
import { checkTestForms } from './test-forms';
import type { CheckedPatch, PatchKind } from './types';
import { checkValue } from './values';

export function checkPatch(text: string, kind: PatchKind): CheckedPatch {
  const report = new Reporter(text);
  const ops = checkStructure(parsePatchText(report), report);
  for (const op of ops) {
    const schema = checkPaths(op, kind, report);
    if (schema) checkValue(op, schema, report);
    checkMeaning(op, schema, report);
    checkTestForms(op, report);
  }
  const problems = report.problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { ok: !hasErrors(problems), problems, ops: ops.map(toPatchOp) };
}
