// Quick fixes for GameServerSet / GameServer YAML, from the engine's `data` on each problem:
// `replacement` for the scalar (key or value) the problem is on, `alternatives` for the other values to
// offer there, `insert` for a `key: value` line to add to the map under the problem's key, and `key`
// with `path` for a key of the map at `path` to rename to the replacement.
import { isMap } from '#yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentAt, keyText, locatePath } from '../../engine/internal';
import { dataOf, isCodeOf, MANIFEST_CODES, type ManifestCode, type ProblemData } from '../../engine';
import { FIX_TITLES } from '../fix-titles';
import { MAX_YAML_DOCUMENT } from '../limits';
import { SOURCE, unreachable } from '../problem-diagnostic';

/** What a scalar fix offers: the value surely meant (preferred), and others to pick from. */
interface Replacements {
  replacement?: string | number;
  alternatives?: string[];
}

/** Words YAML reads as booleans or null, which a plain scalar must not be when a string is meant. */
const SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** `value` written in place of the scalar `written`, in the same quoting style; numbers unquoted. */
function scalarText(value: string | number, written: string): string {
  if (typeof value === 'number') return String(value);
  if (written.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (written.startsWith('"') || !PLAIN.test(value) || SPECIAL.test(value)) return JSON.stringify(value);
  return value;
}

/** A one-line scalar as written, not a collection, block scalar, anchor, alias, tag or comment. */
function isScalarText(text: string): boolean {
  return text !== '' && !text.includes('\n') && !/^[{[|>&*!#]/.test(text);
}

function action(doc: TextDocument, d: Diagnostic, title: string, edit: TextEdit, isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred, edit: { changes: { [doc.uri]: [edit] } } };
}

/** The replacement first (preferred), then the other alternatives, each written over the scalar. */
function replacements(doc: TextDocument, d: Diagnostic, data: Replacements | undefined): CodeAction[] {
  const written = doc.getText(d.range);
  if (!data || !isScalarText(written)) return [];
  const { replacement } = data;
  const preferred = replacement === undefined ? [] : [replacement];
  const others = (data.alternatives ?? []).filter((a) => a !== replacement);
  return [...preferred, ...others].map((value, i) => {
    const text = scalarText(value, written);
    return action(doc, d, FIX_TITLES.changeTo(text), { range: d.range, newText: text }, i === 0 && preferred.length > 0);
  });
}

/**
 * Adds `key: value` to the map under the problem's key: a line at the indentation of the map's first
 * entry, or an entry at the end of a flow map written on the key's line.
 */
function insertLine(doc: TextDocument, d: Diagnostic, data: { insert: string } | undefined): CodeAction[] {
  if (!data) return [];
  const line = data.insert;
  const text = doc.getText();
  const keyEnd = doc.offsetAt(d.range.end);
  const lineEnd = text.indexOf('\n', keyEnd);
  const rest = text.slice(keyEnd, lineEnd < 0 ? text.length : lineEnd);
  const flow = /^\s*:\s*\{(.*)\}\s*(?:#.*)?$/.exec(rest);
  if (flow) {
    const close = keyEnd + rest.lastIndexOf('}');
    const at = doc.positionAt(close);
    return [action(doc, d, FIX_TITLES.addLine(line), { range: { start: at, end: at }, newText: flow[1].trim() ? `, ${line}` : line }, true)];
  }
  if (!/^\s*:\s*(?:#.*)?$/.test(rest) || lineEnd < 0) return [];
  const keyColumn = d.range.start.character;
  const lines = text.slice(lineEnd + 1).split('\n');
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const indent = first < 0 ? '' : /^ */.exec(lines[first])![0];
  if (first < 0 || indent.length <= keyColumn) return [];
  const at = { line: d.range.start.line + 1 + first, character: 0 };
  return [action(doc, d, FIX_TITLES.addLine(line), { range: { start: at, end: at }, newText: `${indent}${line}\n` }, true)];
}

/** Renames the key `data.key` of the map at `data.path` in the document the problem is in. */
function renameKey(doc: TextDocument, d: Diagnostic, data: ProblemData<'sq-handler-missing'> | undefined): CodeAction[] {
  if (!data) return [];
  const { key, replacement, path } = data;
  const text = doc.getText();
  const found = documentAt(text, doc.offsetAt(d.range.start), MAX_YAML_DOCUMENT);
  const map = found && locatePath(found.doc, path)?.node;
  const pair = isMap(map) ? map.items.find((p) => keyText(p.key) === key) : undefined;
  const range = (pair?.key as { range?: [number, number] } | undefined)?.range;
  if (!found || !range) return [];
  const edit = { range: { start: doc.positionAt(found.base + range[0]), end: doc.positionAt(found.base + range[1]) } };
  const written = text.slice(found.base + range[0], found.base + range[1]);
  if (!isScalarText(written)) return [];
  return [action(doc, d, FIX_TITLES.renameKey(key, replacement), { ...edit, newText: scalarText(replacement, written) }, true)];
}

/** Every code a GameServerSet or GameServer document can get; a new code fails tsc here until it says whether it has a fix. */
function actionsFor(doc: TextDocument, d: Diagnostic, code: ManifestCode): CodeAction[] {
  switch (code) {
    case 'in-place-only':
    case 'ops-state-near-miss':
    case 'pod-template-unknown-field':
    case 'schema-enum':
    case 'schema-unknown-field':
    case 'sq-http-scheme-invalid':
    case 'reserve-id-numeric-string':
    case 'sq-timing-negative':
    case 'sq-container-unknown':
      return replacements(doc, d, dataOf(code, d.data));
    case 'sq-handler-missing':
      return renameKey(doc, d, dataOf(code, d.data));
    case 'sq-http-scheme-missing':
      return insertLine(doc, d, dataOf(code, d.data));
    // No quick fix: the message says what to change.
    case 'too-large':
    case 'too-many-problems':
    case 'label-value':
    case 'on-delete-with-rolling-update':
    case 'ops-state-custom':
    case 'ops-state-label-value':
    case 'pod-template-enum':
    case 'pod-template-format':
    case 'pod-template-image-missing':
    case 'pod-template-invalid':
    case 'pod-template-oneOf':
    case 'pod-template-required':
    case 'pod-template-type':
    case 'priority-label-value':
    case 'priority-not-int32':
    case 'priority-not-integer':
    case 'priority-out-of-range':
    case 'reserve-id-duplicate':
    case 'reserve-id-malformed':
    case 'reserve-id-negative':
    case 'reserve-id-overlap':
    case 'schema-format':
    case 'schema-invalid':
    case 'schema-range':
    case 'schema-required':
    case 'schema-type':
    case 'sq-action-containers':
    case 'sq-catch-all-after-specific':
    case 'sq-container-missing':
    case 'sq-exec-command-empty':
    case 'sq-false-result':
    case 'sq-grpc':
    case 'sq-handler-multiple':
    case 'sq-http-path-missing':
    case 'sq-name-duplicate':
    case 'sq-name-hash':
    case 'sq-name-invalid':
    case 'sq-name-missing':
    case 'sq-name-native-condition':
    case 'update-priority-ignored':
    case 'yaml-alias-limit':
    case 'yaml-syntax':
    case 'yaml-too-deep':
    case 'yaml-warning':
      return [];
    default:
      return unreachable(code);
  }
}

export function yamlCodeActions(doc: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  return diagnostics.flatMap((d) => (d.source === SOURCE && isCodeOf(MANIFEST_CODES, d.code) ? actionsFor(doc, d, d.code) : []));
}
