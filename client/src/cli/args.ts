// kgctl's command line: kruisegamectl's flags, plus ours. Parsing only; no I/O.
import * as l10n from '@vscode/l10n';
import type { ResourceKind } from '../cluster/resources';
import { DEFAULT_CONFIRM_THRESHOLD } from '../defaults';
import { CHANGE_FLAGS, COMMON_FLAGS, CONNECTION_FLAGS, kindFlag, namespacesFlag, parseFlags } from './flags';

export type Mode = 'list' | 'update' | 'delete';
export type OutputFormat = 'json' | 'table';

export interface KgctlOptions {
  kind: ResourceKind;
  mode: Mode;
  /** Filter text, or `@file`. Empty means every object (as in kruise-game-api). */
  filter: string;
  /** Patch text, or `@file`; set exactly in update mode. */
  patch?: string;
  pretty: boolean;
  kubeconfig?: string;
  context?: string;
  namespaces: string[] | 'all';
  dryRun: boolean;
  /** A `kubectl get -o json` file to filter offline, or `-` for stdin. */
  input?: string;
  yes: boolean;
  threshold: number;
  output: OutputFormat;
}

export type ParsedArgs = { ok: true; help: true } | { ok: true; help?: false; options: KgctlOptions } | { ok: false; message: string };

/** The help text, in the locale chosen (a function: the locale is chosen after the modules load). */
export const usage = (): string =>
  l10n.t(`Usage: kgctl -r gameserver|gameserverset [options]
       kgctl wait -r gs|gss -f FILTER (--count N | --none) [options]
       kgctl rbac -r gs|gss (-j PATCH | -d | --wait | --list) [options]

Lists, patches or deletes OpenKruiseGame GameServers / GameServerSets chosen by a
kruise-game-api filter. Flag-compatible with kruisegamectl. 'kgctl wait --help' and
'kgctl rbac --help' describe the two subcommands.

  -r, --resourcekind KIND  gameserver (gs) or gameserverset (gss); required
  -f, --filter FILTER      filter JSON, or @file (.kgfilter, comments allowed);
                           empty = every object
  -j, --jsonpatch PATCH    JSON Patch, or @file (.kgpatch): patch every match
                           (an empty PATCH is no patch, as in kruisegamectl)
  -d, --deletion           delete every match
  -p, --pretty             indent the JSON output (4 spaces)
  -k, --kubeconfig FILE    read only this kubeconfig (default: $KUBECONFIG, then
                           ~/.kube/config, then in-cluster, as kubectl does)
      --context NAME       use this kubeconfig context (default: current-context)
  -n, --namespace NS       only this namespace; repeatable (default: all namespaces)
      --dry-run            server-side dry run: print a unified diff per object
                           (with -d: what would be deleted); changes nothing
      --input FILE|-       filter a 'kubectl get -o json' list offline (list mode)
  -y, --yes                allow changing more than --threshold objects, or every
                           object (empty filter)
      --threshold N        the most objects changed without --yes (default 10)
  -o, --output FORMAT      json (default) or table
  -h, --help               this help

Exit status: 0 success, 1 usage, filter, patch or connection error,
2 when any object failed or may have been changed (its answer was lost).
`);

export function parseKgctlArgs(argv: readonly string[]): ParsedArgs {
  const parsed = parseFlags(argv, {
    ...COMMON_FLAGS,
    ...CONNECTION_FLAGS,
    ...CHANGE_FLAGS,
    filter: { type: 'string', short: 'f' },
    pretty: { type: 'boolean', short: 'p' },
    'dry-run': { type: 'boolean' },
    input: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    threshold: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  if (values.help) return { ok: true, help: true };
  const kind = kindFlag(values.resourcekind);
  if (!kind.ok) return kind;
  // kruisegamectl tests the patch against "": an empty -j is no patch at all (a list, or -d's delete).
  const patch = values.jsonpatch === '' ? undefined : values.jsonpatch;
  if (patch !== undefined && values.deletion) return { ok: false, message: l10n.t('--jsonpatch and --deletion cannot be used together') };
  const mode: Mode = patch !== undefined ? 'update' : values.deletion ? 'delete' : 'list';
  const dryRun = values['dry-run'] ?? false;
  if (dryRun && mode === 'list') return { ok: false, message: l10n.t('--dry-run needs -j/--jsonpatch or -d/--deletion') };
  if (values.input !== undefined && (mode !== 'list' || values.context !== undefined || values.kubeconfig !== undefined)) {
    return { ok: false, message: l10n.t('--input filters a file offline: it cannot be combined with -j, -d, --dry-run, --context or -k') };
  }
  const output = values.output ?? 'json';
  if (output !== 'json' && output !== 'table') return { ok: false, message: l10n.t('-o/--output must be json or table, not "{0}"', output) };
  let threshold: number = DEFAULT_CONFIRM_THRESHOLD;
  if (values.threshold !== undefined) {
    if (!/^\d+$/.test(values.threshold)) return { ok: false, message: l10n.t('--threshold must be a whole number, not "{0}"', values.threshold) };
    threshold = Number(values.threshold);
  }
  const namespaces = namespacesFlag(values.namespace);
  if (!namespaces.ok) return namespaces;
  return {
    ok: true,
    options: {
      kind: kind.value,
      mode,
      filter: values.filter ?? '',
      patch,
      pretty: values.pretty ?? false,
      kubeconfig: values.kubeconfig,
      context: values.context,
      namespaces: namespaces.value,
      dryRun,
      input: values.input,
      yes: values.yes ?? false,
      threshold,
      output,
    },
  };
}
