// The kruisegamectl command line that runs the same filter (and patch) outside the editor.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
import { isBlankJson } from '../../../server/src/engine';
import type { ResourceKind } from './resource-kind';

export interface KruisegamectlInput {
  kind: ResourceKind;
  filterText: string;
  patchText?: string;
  /** kruisegamectl does not read $KUBECONFIG, so the file must be named (`-k`). */
  kubeconfigPath?: string;
}

export type CommandResult = { ok: true; command: string } | { ok: false; message: string };

/** POSIX shell single quoting: safe for any text, including quotes and `$`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Our files may hold comments and layout; kruisegamectl wants strict, compact JSON. */
function compact(text: string, what: 'filter' | 'patch'): { ok: true; json: string } | { ok: false; message: string } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length) {
    const [code, offset] = [printParseErrorCode(errors[0].error), errors[0].offset];
    const message =
      what === 'filter'
        ? l10n.t('The filter is not valid JSON ({0} at offset {1}).', code, offset)
        : l10n.t('The patch is not valid JSON ({0} at offset {1}).', code, offset);
    return { ok: false, message };
  }
  return { ok: true, json: JSON.stringify(value) };
}

export function kruisegamectlCommand(input: KruisegamectlInput): CommandResult {
  const args = ['kruisegamectl'];
  if (input.kubeconfigPath) args.push('-k', shellQuote(input.kubeconfigPath));
  args.push('-r', input.kind === 'GameServerSet' ? 'gameserverset' : 'gameserver');
  // An empty filter (nothing but white space and comments) means every object to kruisegamectl as
  // well; leaving out -f says so plainly.
  if (!isBlankJson(input.filterText)) {
    const filter = compact(input.filterText, 'filter');
    if (!filter.ok) return filter;
    args.push('-f', shellQuote(filter.json));
  }
  if (input.patchText !== undefined) {
    const patch = compact(input.patchText, 'patch');
    if (!patch.ok) return patch;
    args.push('-j', shellQuote(patch.json));
  }
  return { ok: true, command: args.join(' ') };
}
