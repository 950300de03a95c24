// Flags every kgctl subcommand reads the same way: parsing with kgctl's rules, the flags shared by
// several subcommands, the resource kind and the namespaces.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as l10n from '@vscode/l10n';
import { namespacesProblem } from '../cluster/names';
import type { ResourceKind } from '../cluster/resources';
import { parseArgsMessage } from './parse-args-message';

type Options = NonNullable<ParseArgsConfig['options']>;

/** -r, -n and -h: in every subcommand. */
export const COMMON_FLAGS = {
  resourcekind: { type: 'string', short: 'r' },
  namespace: { type: 'string', short: 'n', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Where to connect, as kubectl takes it. */
export const CONNECTION_FLAGS = {
  kubeconfig: { type: 'string', short: 'k' },
  context: { type: 'string' },
} as const satisfies Options;

/** What to do to the matches: a JSON Patch or a deletion. */
export const CHANGE_FLAGS = {
  jsonpatch: { type: 'string', short: 'j' },
  deletion: { type: 'boolean', short: 'd' },
} as const satisfies Options;

/** parseArgs with kgctl's rules (strict, no positionals); its errors said in the chosen language. */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  try {
    return { ok: true as const, values: parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values };
  } catch (e) {
    return { ok: false as const, message: parseArgsMessage(e) };
  }
}

export type FlagResult<T> = { ok: true; value: T } | { ok: false; message: string };

const KINDS: Record<string, ResourceKind> = {
  gameserver: 'GameServer',
  gameservers: 'GameServer',
  gs: 'GameServer',
  gameserverset: 'GameServerSet',
  gameserversets: 'GameServerSet',
  gss: 'GameServerSet',
};

/** `-r`: kruisegamectl's two spellings, plus plurals and kubectl's short names, in any case. */
export function kindFlag(value: string | undefined): FlagResult<ResourceKind> {
  if (value === undefined) return { ok: false, message: l10n.t('the -r/--resourcekind flag is required (gameserver or gameserverset)') };
  const kind = KINDS[value.toLowerCase()];
  if (!kind) return { ok: false, message: l10n.t('resource kind must be gameserver or gameserverset (or gs, gss), not "{0}"', value) };
  return { ok: true, value: kind };
}

/** `-n` (repeatable): each checked as a namespace before it can reach a URL; none given means all. */
export function namespacesFlag(values: readonly string[] | undefined): FlagResult<string[] | 'all'> {
  if (!values?.length) return { ok: true, value: 'all' };
  if (values.some((n) => n === '')) return { ok: false, message: l10n.t('-n/--namespace needs a namespace name') };
  const namespaces = [...new Set(values)];
  const bad = namespacesProblem(namespaces);
  if (bad) return { ok: false, message: l10n.t('-n/--namespace: {0}; nothing was read or changed', bad) };
  return { ok: true, value: namespaces };
}
