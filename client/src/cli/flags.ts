// Flag values every kgctl subcommand reads the same way: the resource kind and the namespaces.
import * as l10n from '@vscode/l10n';
import { namespacesProblem } from '../cluster/names';
import type { ResourceKind } from '../cluster/resources';

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
