// Table-driven helpers for the patch tests: a case names the problem code it is about and either
// expects it (with severity and the exact source text its range covers) or expects its absence.
import assert from 'node:assert/strict';
import { checkPatch, type PatchKind } from '../../server/src/engine/patch';
import type { Problem, Severity } from '../../server/src/engine/problem';
import { LineIndex } from '../../server/src/engine/text';

export interface PatchCase {
  name: string;
  kind?: PatchKind;
  /** Patch text, or operations serialized compactly with JSON.stringify. */
  patch: string | unknown[];
  code: string;
  /** Absent: the case must not report `code`. */
  expect?: { severity: Severity; at: string; data?: Record<string, unknown> };
}

export function patchText(patch: string | unknown[]): string {
  return typeof patch === 'string' ? patch : JSON.stringify(patch);
}

/** The source text a problem's range covers. */
export function covered(text: string, p: Problem): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(p.range.start), lines.offsetAt(p.range.end));
}

export function runCase(c: PatchCase): void {
  const text = patchText(c.patch);
  const result = checkPatch(text, c.kind ?? 'GameServer');
  const found = result.problems.filter((p) => p.code === c.code);
  const all = JSON.stringify(
    result.problems.map((p) => `${p.severity} ${p.code} @${covered(text, p)}: ${p.message}`),
    null,
    1,
  );
  if (!c.expect) {
    assert.equal(found.length, 0, `${c.name}: expected no ${c.code}, got ${all}`);
    return;
  }
  const { severity, at, data } = c.expect;
  const match = found.find((p) => covered(text, p) === at);
  assert.ok(match, `${c.name}: expected ${c.code} on ${at}, got ${all}`);
  assert.equal(match.severity, severity, `${c.name}: severity of ${c.code}`);
  assert.ok(match.message.length > 20, `${c.name}: message too short: ${match.message}`);
  if (data) assert.deepEqual(match.data, data, `${c.name}: data of ${c.code}`);
  assert.equal(result.ok, !result.problems.some((p) => p.severity === 'error'), `${c.name}: ok matches the error problems`);
}
