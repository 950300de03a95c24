// `kgctl rbac`: the Role (or ClusterRole) an operation needs, from the same verbs table that
// limits kgctl's own client, as YAML documents on stdout. Nothing is read from any cluster.
import { stringify } from '#yaml';
import { RESOURCES } from '../../cluster/resources';
import { EXIT_OK, type Io } from '../io';
import type { RbacOptions } from '../rbac-args';
import { OPERATION_VERBS, type Operation } from '../verbs';

/** How the operation reads in a Role's default name and its comment. */
const COMMAND: Record<Operation, { word: string; flags: string }> = {
  list: { word: 'list', flags: '' },
  update: { word: 'patch', flags: ' -j' },
  delete: { word: 'delete', flags: ' -d' },
  wait: { word: 'wait', flags: ' wait' },
};

export function rbacDocuments(o: RbacOptions): string {
  const r = RESOURCES[o.kind];
  const verbs = [...OPERATION_VERBS[o.operation]].sort();
  const name = o.name ?? `kgctl-${COMMAND[o.operation].word}-${r.plural}`;
  const rules = [{ apiGroups: [r.group], resources: [r.plural], verbs }];
  const command = `kgctl${COMMAND[o.operation].flags} -r ${o.kind === 'GameServer' ? 'gs' : 'gss'}`;
  const role = (namespace: string | undefined) => {
    const where = namespace === undefined ? 'in all namespaces' : `in namespace ${namespace}`;
    const head = `# ${command} ${where}: ${verbs.join(', ')} on ${r.qualified}\n`;
    const metadata = namespace === undefined ? { name } : { name, namespace };
    const kind = namespace === undefined ? 'ClusterRole' : 'Role';
    return head + stringify({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata, rules });
  };
  const docs = o.namespaces === 'all' ? [role(undefined)] : o.namespaces.map(role);
  return docs.join('---\n');
}

export function rbacMode(o: RbacOptions, io: Io): number {
  io.stdout(rbacDocuments(o));
  return EXIT_OK;
}
