// JSON with comments parsed into a tree with offsets (jsonc-parser), guarded against deep nesting.
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from './problem';
import type { LineIndex } from './text';

/** Far beyond any filter or patch a person writes, and far below what would exhaust the stack. */
export const MAX_DEPTH = 256;

export interface ParsedJson {
  root: Node | undefined;
  problems: Problem[];
  /** True when the text holds nothing but white space and comments. */
  empty: boolean;
}

function scanDepth(text: string): { maxDepth: number; offset: number; empty: boolean } {
  const scanner = createScanner(text, false);
  let depth = 0;
  let empty = true;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (
      kind === SyntaxKind.Trivia ||
      kind === SyntaxKind.LineBreakTrivia ||
      kind === SyntaxKind.LineCommentTrivia ||
      kind === SyntaxKind.BlockCommentTrivia
    ) {
      continue;
    }
    empty = false;
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return { maxDepth: depth, offset: scanner.getTokenOffset(), empty };
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return { maxDepth: depth, offset: 0, empty };
}

function describe(error: ParseError): string {
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      return 'Invalid character: this is not JSON';
    case 'InvalidNumberFormat':
      return 'Invalid number';
    case 'PropertyNameExpected':
      return 'A property name in double quotes is expected (JSON has no trailing commas)';
    case 'ValueExpected':
      return 'A value is expected (JSON has no trailing commas)';
    case 'ColonExpected':
      return 'A colon is expected after the property name';
    case 'CommaExpected':
      return 'A comma is expected between items';
    case 'CloseBraceExpected':
      return 'A closing } is expected';
    case 'CloseBracketExpected':
      return 'A closing ] is expected';
    case 'EndOfFileExpected':
      return 'Only one JSON value is allowed; the text goes on after it';
    case 'UnexpectedEndOfComment':
      return 'A /* comment is not closed';
    case 'UnexpectedEndOfString':
      return 'A string is not closed';
    case 'UnexpectedEndOfNumber':
      return 'A number is cut short';
    case 'InvalidUnicode':
      return 'Invalid \\u escape';
    case 'InvalidEscapeCharacter':
      return 'Invalid escape character in a string';
    case 'InvalidCharacter':
      return 'Invalid character in a string (control characters must be escaped)';
    default:
      return 'Invalid JSON';
  }
}

/** Parses JSON where `//` and `/* *\/` comments are allowed; any other deviation is a `json-syntax` error. */
export function parseJsonc(text: string, lines: LineIndex): ParsedJson {
  const { maxDepth, offset, empty } = scanDepth(text);
  if (maxDepth > MAX_DEPTH) {
    return {
      root: undefined,
      empty: false,
      problems: [
        {
          severity: 'error',
          code: 'too-deep',
          message: `Nested deeper than ${MAX_DEPTH} levels; this cannot be a filter or a patch`,
          range: lines.range(offset, 1),
        },
      ],
    };
  }
  if (empty) return { root: undefined, problems: [], empty: true };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
  const problems: Problem[] = errors.map((e) => ({
    severity: 'error',
    code: 'json-syntax',
    message: describe(e),
    range: lines.range(e.offset, Math.max(e.length, 1)),
  }));
  return { root, problems, empty: false };
}
