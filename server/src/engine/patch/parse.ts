// Parses `.kgpatch` text into a jsonc-parser tree with offsets. Comments are allowed and ignored;
// everything else must be strict JSON, as kruisegamectl and kruise-game-api-server read it.
import type { Node } from 'jsonc-parser';
import { parseJsonc } from '../json';
import type { Reporter } from './context';

/** The root node, or undefined for empty or too deeply nested text; syntax errors are reported. */
export function parsePatchText(report: Reporter): Node | undefined {
  const parsed = parseJsonc(report.text, report.lines);
  report.problems.push(...parsed.problems);
  return parsed.root;
}
