// Collects problems for one patch text, turning jsonc-parser node offsets into LSP ranges.
import type { Node } from 'jsonc-parser';
import { problem, type Problem, type Severity } from '../problem';
import type { PatchCode, ProblemData } from '../problems';
import { LineIndex } from '../text';

export class Reporter {
  readonly problems: Problem[] = [];
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  /** Reports on the source span `offset..offset+length`. */
  at<C extends PatchCode>(offset: number, length: number, severity: Severity, code: C, message: string, data?: ProblemData<C>): void {
    this.problems.push(problem(severity, code, message, this.lines.range(offset, length), data));
  }

  /** Reports on a whole JSON node. */
  node<C extends PatchCode>(node: Node, severity: Severity, code: C, message: string, data?: ProblemData<C>): void {
    this.at(node.offset, node.length, severity, code, message, data);
  }
}
