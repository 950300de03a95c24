// Collects problems for one patch text, turning jsonc-parser node offsets into LSP ranges.
import type { Node } from 'jsonc-parser';
import type { Problem, Severity } from '../problem';
import { LineIndex } from '../text';

export class Reporter {
  readonly problems: Problem[] = [];
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** Reports on the source span `offset..offset+length`. */
  at(offset: number, length: number, severity: Severity, code: string, message: string, data?: Record<string, unknown>): void {
    const problem: Problem = { severity, code, message, range: this.lines.range(offset, length) };
    if (data) problem.data = data;
    this.problems.push(problem);
  }

  /** Reports on a whole JSON node. */
  node(node: Node, severity: Severity, code: string, message: string, data?: Record<string, unknown>): void {
    this.at(node.offset, node.length, severity, code, message, data);
  }
}
