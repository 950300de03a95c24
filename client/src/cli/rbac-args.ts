// `kgctl rbac`'s command line. Parsing only; no I/O.
import * as l10n from '@vscode/l10n';
import { nameProblem } from '../cluster/names';
import type { ResourceKind } from '../cluster/resources';
import { CHANGE_FLAGS, COMMON_FLAGS, kindFlag, namespacesFlag, parseFlags } from './flags';
import type { Operation } from './verbs';

export interface RbacOptions {
  kind: ResourceKind;
  operation: Operation;
  /** A Role in each; 'all' gives one ClusterRole. */
  namespaces: string[] | 'all';
  /** The Role's name; by default `kgctl-<operation>-<resource>`. */
  name?: string;
}

export type ParsedRbacArgs = { ok: true; help: true } | { ok: true; help?: false; options: RbacOptions } | { ok: false; message: string };

/** The help text, in the locale chosen. */
export const rbacUsage = (): string =>
  l10n.t(`Usage: kgctl rbac -r gameserver|gameserverset (-j PATCH | -d | --wait | --list) [options]

Prints the least-privilege RBAC the given kgctl operation needs, as YAML: a Role in
each namespace given with -n, or one ClusterRole when there is none (kgctl then
reads all namespaces). Bind it to the pipeline's ServiceAccount with a RoleBinding
(or ClusterRoleBinding). A --dry-run needs the same Role as the real operation.

  -r, --resourcekind KIND  gameserver (gs) or gameserverset (gss); required
  -j, --jsonpatch PATCH    for 'kgctl -j': get, list, patch (an empty PATCH is a list,
                           as in kgctl itself; the patch is not read)
  -d, --deletion           for 'kgctl -d': get, list, delete
      --wait               for 'kgctl wait': list, watch
      --list               for 'kgctl' without -j or -d: list
  -n, --namespace NS       a Role in this namespace; repeatable (default: a ClusterRole)
      --name NAME          the Role's name (default: kgctl-OPERATION-RESOURCE, such
                           as kgctl-patch-gameservers)
  -h, --help               this help
`);

export function parseRbacArgs(argv: readonly string[]): ParsedRbacArgs {
  const parsed = parseFlags(argv, {
    ...COMMON_FLAGS,
    ...CHANGE_FLAGS,
    wait: { type: 'boolean' },
    list: { type: 'boolean' },
    name: { type: 'string' },
  });
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  if (values.help) return { ok: true, help: true };
  const kind = kindFlag(values.resourcekind);
  if (!kind.ok) return kind;
  const chosen: Operation[] = [];
  // As in kgctl itself, an empty -j is no patch: `-j ''` alone lists, and with -d deletes.
  if (values.jsonpatch !== undefined && values.jsonpatch !== '') chosen.push('update');
  if (values.deletion) chosen.push('delete');
  if (values.wait) chosen.push('wait');
  if (values.list || (values.jsonpatch === '' && chosen.length === 0)) chosen.push('list');
  if (chosen.length !== 1) {
    const message = chosen.length
      ? l10n.t('give exactly one operation: -j PATCH, -d, --wait or --list (got {0})', chosen.length)
      : l10n.t('give exactly one operation: -j PATCH, -d, --wait or --list');
    return { ok: false, message };
  }
  const namespaces = namespacesFlag(values.namespace);
  if (!namespaces.ok) return namespaces;
  const badName = values.name === undefined ? undefined : nameProblem(values.name);
  if (badName) return { ok: false, message: l10n.t('--name: {0}', badName) };
  return { ok: true, options: { kind: kind.value, operation: chosen[0], namespaces: namespaces.value, name: values.name } };
}
