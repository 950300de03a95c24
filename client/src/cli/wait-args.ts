// `kgctl wait`'s command line. Parsing only; no I/O.
import * as l10n from '@vscode/l10n';
import type { ResourceKind } from '../cluster/resources';
import { formatDuration, parseDuration } from './duration';
import { COMMON_FLAGS, CONNECTION_FLAGS, kindFlag, namespacesFlag, parseFlags } from './flags';

/** At least `count` objects match, or none does. */
export type WaitGoal = { count: number } | 'none';

export interface WaitOptions {
  kind: ResourceKind;
  /** Filter text, or `@file`. Empty means every object (as in kruise-game-api). */
  filter: string;
  goal: WaitGoal;
  timeoutMs: number;
  namespaces: string[] | 'all';
  kubeconfig?: string;
  context?: string;
}

export type ParsedWaitArgs = { ok: true; help: true } | { ok: true; help?: false; options: WaitOptions } | { ok: false; message: string };

export const DEFAULT_WAIT_TIMEOUT_MS = 5 * 60_000;
/** A day: more than any pipeline step should wait, and well within what a timer can hold. */
const MAX_TIMEOUT_MS = 24 * 3_600_000;

/** The help text, in the locale chosen. */
export const waitUsage = (): string =>
  l10n.t(`Usage: kgctl wait -r gameserver|gameserverset -f FILTER (--count N | --none) [options]

Waits until at least N objects match the filter (or, with --none, until none does):
lists them, then watches, and exits as soon as the condition holds.

  -r, --resourcekind KIND  gameserver (gs) or gameserverset (gss); required
  -f, --filter FILTER      filter JSON, or @file (.kgfilter); empty = every object
      --count N            wait for at least N matches (N >= 1)
      --none               wait until nothing matches
      --timeout DURATION   give up after this long, in Go's form: 90s, 5m, 1h30m
                           (default 5m, at most 24h)
  -n, --namespace NS       only this namespace; repeatable (default: all namespaces)
  -k, --kubeconfig FILE    read only this kubeconfig (default: as kubectl finds it)
      --context NAME       use this kubeconfig context (default: current-context)
  -h, --help               this help

Prints one line on stdout when the condition holds. Connection errors are retried
until the timeout. Progress goes to stderr when it is a terminal.

Exit status: 0 the condition holds; 1 timed out (one line on stderr says how many
matched, and the last error), or a usage, filter or kubeconfig error.
`);

export function parseWaitArgs(argv: readonly string[]): ParsedWaitArgs {
  const parsed = parseFlags(argv, {
    ...COMMON_FLAGS,
    ...CONNECTION_FLAGS,
    filter: { type: 'string', short: 'f' },
    count: { type: 'string' },
    none: { type: 'boolean' },
    timeout: { type: 'string' },
  });
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  if (values.help) return { ok: true, help: true };
  const kind = kindFlag(values.resourcekind);
  if (!kind.ok) return kind;
  if (values.count !== undefined && values.none) return { ok: false, message: l10n.t('--count and --none cannot be used together') };
  let goal: WaitGoal;
  if (values.none) goal = 'none';
  else if (values.count === undefined) return { ok: false, message: l10n.t('say what to wait for: --count N (at least N matches) or --none') };
  else if (/^\d+$/.test(values.count) && Number(values.count) >= 1) goal = { count: Number(values.count) };
  else return { ok: false, message: l10n.t('--count must be a whole number of 1 or more, not "{0}"', values.count) };
  let timeoutMs = DEFAULT_WAIT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const ms = parseDuration(values.timeout);
    if (ms === undefined) return { ok: false, message: l10n.t('--timeout must be a duration such as 90s, 5m or 1h30m, not "{0}"', values.timeout) };
    if (ms < 1 || ms > MAX_TIMEOUT_MS) {
      return { ok: false, message: l10n.t('--timeout must be more than 0 and at most {0}, not "{1}"', formatDuration(MAX_TIMEOUT_MS), values.timeout) };
    }
    timeoutMs = ms;
  }
  const namespaces = namespacesFlag(values.namespace);
  if (!namespaces.ok) return namespaces;
  return {
    ok: true,
    options: {
      kind: kind.value,
      filter: values.filter ?? '',
      goal,
      timeoutMs,
      namespaces: namespaces.value,
      kubeconfig: values.kubeconfig,
      context: values.context,
    },
  };
}
