// JSON with comments parsed into a tree with offsets (jsonc-parser), guarded against deep nesting.
import { createScanner, parseTree, printParseErrorCode, ParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
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

/**
 * The offset of the bracket that opens nesting level MAX_DEPTH + 1, or undefined when the text stays
 * within it (or holds nothing but comments: then `empty` is true). Uses the tokenizer alone, which
 * does not recurse, unlike jsonc-parser's parse functions.
 */
export function scanDepth(text: string): { tooDeepAt?: number; empty: boolean } {
  const scanner = createScanner(text, false);
  let depth = 0;
  let empty = true;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      continue;
    }
    empty = false;
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH) return { tooDeepAt: scanner.getTokenOffset(), empty };
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth--;
    }
  }
  return { empty };
}

/** Functions, so each message is in the locale chosen when the error is found. */
const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, () => string>> = {
  [ParseErrorCode.InvalidSymbol]: () => l10n.t('Unexpected text: a JSON value (object, array, string, number, true, false or null) was expected'),
  [ParseErrorCode.InvalidNumberFormat]: () => l10n.t('Invalid number: write a plain decimal number such as 10 or -1.5'),
  [ParseErrorCode.PropertyNameExpected]: () => l10n.t('A property name in double quotes was expected (trailing commas are not allowed in JSON)'),
  [ParseErrorCode.ValueExpected]: () => l10n.t('A value was expected (trailing commas are not allowed in JSON)'),
  [ParseErrorCode.ColonExpected]: () => l10n.t('A colon `:` was expected after the property name'),
  [ParseErrorCode.CommaExpected]: () => l10n.t('A comma `,` was expected between elements'),
  [ParseErrorCode.CloseBraceExpected]: () => l10n.t('A closing `}` was expected'),
  [ParseErrorCode.CloseBracketExpected]: () => l10n.t('A closing `]` was expected'),
  [ParseErrorCode.EndOfFileExpected]: () => l10n.t('Unexpected text after the end: the file holds one JSON value'),
  [ParseErrorCode.InvalidCommentToken]: () => l10n.t('Invalid comment: use `// ...` or `/* ... */`'),
  [ParseErrorCode.UnexpectedEndOfComment]: () => l10n.t('The `/*` comment is not closed with `*/`'),
  [ParseErrorCode.UnexpectedEndOfString]: () => l10n.t('The string is not closed with a double quote'),
  [ParseErrorCode.UnexpectedEndOfNumber]: () => l10n.t('The number is incomplete'),
  [ParseErrorCode.InvalidUnicode]: () => l10n.t('Invalid unicode escape: use \\u followed by four hex digits'),
  [ParseErrorCode.InvalidEscapeCharacter]: () => l10n.t('Invalid escape: JSON strings allow \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX'),
  [ParseErrorCode.InvalidCharacter]: () => l10n.t('Invalid character in string: control characters must be escaped'),
};

/**
 * The number nodes JavaScript read as ±Infinity, in document order: numbers beyond float64 (such as
 * 1e400), which Go's encoding/json refuses to decode. (A number too small to represent is 0 in both.)
 */
export function outOfRangeNumbers(root: Node): Node[] {
  const found: Node[] = [];
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'number' && !Number.isFinite(node.value)) found.push(node);
    // A loop, not push(...children): spreading a huge array would overflow the call's arguments.
    for (const child of node.children ?? []) stack.push(child);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** A string, number, boolean or null: what kruise-game-api's normalizer reads as a bare `$eq` value. */
export function isScalarNode(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

/** Whether the text holds no JSON value at all, only white space and comments: the empty filter. */
export function isBlankJson(text: string): boolean {
  return scanDepth(text).empty;
}

/** Parses JSON where `//` and `/* *\/` comments are allowed; any other deviation is a `json-syntax` error. */
export function parseJsonc(text: string, lines: LineIndex): ParsedJson {
  const { tooDeepAt, empty } = scanDepth(text);
  if (tooDeepAt !== undefined) {
    return {
      root: undefined,
      empty: false,
      problems: [
        {
          severity: 'error',
          code: 'too-deep',
          message: l10n.t('Nested more than {0} levels deep; no filter or patch comes close, so it is not checked', MAX_DEPTH),
          range: lines.range(tooDeepAt, 1),
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
    message: SYNTAX_MESSAGES[e.error]?.() ?? l10n.t('JSON syntax error ({0})', printParseErrorCode(e.error)),
    range: lines.range(e.offset, Math.max(e.length, 1)),
  }));
  return { root, problems, empty: false };
}
