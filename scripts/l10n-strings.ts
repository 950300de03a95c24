// Finds every string the sources hand to `l10n.t` (@vscode/l10n in the language server, the
// engine, the cluster layer and kgctl; `vscode.l10n.t` in the extension), with the TypeScript
// parser, so the English bundle and the translation check see exactly what the code asks for.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface L10nCall {
  /** Where the call is, as `path:line` from the repository's root. */
  at: string;
  /** The bundle key (the English message, `message/comment` with a comment); absent when not a literal. */
  key?: string;
  /** The English message; the key without its comment. */
  message?: string;
  /** How many replacement values the call passes: a number for `{0}`-style args, or their names. */
  args: number | string[];
  /** Why the call cannot be checked, when it cannot. */
  problem?: string;
}

/** The folders whose TypeScript may call l10n.t. */
export const SOURCE_ROOTS = ['client/src', 'server/src'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.isFile() && p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function isL10nT(e: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(e) || e.name.text !== 't') return false;
  const o = e.expression;
  if (ts.isIdentifier(o)) return o.text === 'l10n';
  return ts.isPropertyAccessExpression(o) && o.name.text === 'l10n' && ts.isIdentifier(o.expression) && o.expression.text === 'vscode';
}

/** A string literal's text; a long message may be split into literals joined with `+`. */
function literalText(e: ts.Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isParenthesizedExpression(e)) return literalText(e.expression);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
  const [a, b] = [literalText(e.left), literalText(e.right)];
  return a === undefined || b === undefined ? undefined : a + b;
}

function argsOf(rest: readonly ts.Expression[]): number | string[] {
  const [first] = rest;
  if (rest.length === 1 && ts.isObjectLiteralExpression(first)) {
    return first.properties.flatMap((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : []));
  }
  return rest.length;
}

/** `l10n.t({ message, args, comment })`. */
function optionsCall(o: ts.ObjectLiteralExpression, at: string): L10nCall {
  const prop = (name: string) => {
    const p = o.properties.find((q) => q.name && ts.isIdentifier(q.name) && q.name.text === name);
    return p && ts.isPropertyAssignment(p) ? p.initializer : undefined;
  };
  const message = literalText(prop('message'));
  const c = prop('comment');
  const comment = c && ts.isArrayLiteralExpression(c) ? c.elements.map(literalText) : [literalText(c)];
  if (message === undefined || comment.some((x) => x === undefined)) {
    return { at, args: 0, problem: 'message and comment must be string literals, or the call cannot be translated' };
  }
  const a = prop('args');
  const args = a === undefined ? 0 : ts.isArrayLiteralExpression(a) ? a.elements.length : ts.isObjectLiteralExpression(a) ? argsOf([a]) : -1;
  return { at, key: `${message}/${comment.join('')}`, message, args };
}

function callOf(node: ts.CallExpression, at: string): L10nCall {
  const [first, ...rest] = node.arguments;
  const text = literalText(first);
  if (text !== undefined) return { at, key: text, message: text, args: argsOf(rest) };
  if (first && ts.isObjectLiteralExpression(first)) return optionsCall(first, at);
  return { at, args: rest.length, problem: 'the message is not a string literal, so it cannot be in the bundle' };
}

/** Every l10n.t call in one file's text. */
export function l10nCallsIn(path: string, text: string): L10nCall[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const calls: L10nCall[] = [];
  const visit = (node: ts.Node): void => {
    const at = () => `${path}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    if (ts.isCallExpression(node) && isL10nT(node.expression)) calls.push(callOf(node, at()));
    if (ts.isTaggedTemplateExpression(node) && isL10nT(node.tag))
      calls.push({ at: at(), args: 0, problem: 'use l10n.t with {0} placeholders, not a tagged template' });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return calls;
}

/** Every l10n.t call under the source roots of the repository at `root`. */
export function l10nCalls(root: string): L10nCall[] {
  return SOURCE_ROOTS.flatMap((r) => tsFiles(join(root, r))).flatMap((f) => l10nCallsIn(relative(root, f), readFileSync(f, 'utf8')));
}

/** The placeholders of a message: `{0}`, `{name}`, in the order they first appear. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\d+|[A-Za-z_]\w*)\}/g)].map((m) => m[1]))];
}
