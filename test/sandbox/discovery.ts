// Discovery documents, in the legacy (non-aggregated) form that every kubectl falls back to.
import { API_VERSION, GROUP, RESOURCES, VERSION } from './kinds';

const OBJECT_VERBS = ['delete', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const SUB_VERBS = ['get', 'patch', 'update'];

export const KUBERNETES_VERSION = { major: '1', minor: '30' };

export function discoveryDocument(path: string, serverAddress: string): unknown | undefined {
  const groupVersion = { groupVersion: API_VERSION, version: VERSION };
  switch (path) {
    case '/version':
      return {
        ...KUBERNETES_VERSION,
        gitVersion: `v${KUBERNETES_VERSION.major}.${KUBERNETES_VERSION.minor}.0`,
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2024-04-17T00:00:00Z',
        goVersion: 'go1.22.2',
        compiler: 'gc',
        platform: 'linux/amd64',
      };
    case '/api':
      return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
      };
    case '/api/v1':
      return {
        kind: 'APIResourceList',
        groupVersion: 'v1',
        resources: [
          { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', verbs: ['get', 'list'], shortNames: ['ns'] },
          { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'], categories: ['all'] },
          { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
          { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ['get', 'list', 'watch'], shortNames: ['ev'] },
        ],
      };
    case '/apis':
      return {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [{ name: GROUP, versions: [groupVersion], preferredVersion: groupVersion }],
      };
    case `/apis/${GROUP}`:
      return { kind: 'APIGroup', apiVersion: 'v1', name: GROUP, versions: [groupVersion], preferredVersion: groupVersion };
    case `/apis/${API_VERSION}`:
      return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: API_VERSION, resources: resourceList() };
    default:
      return undefined;
  }
}

function resourceList(): unknown[] {
  const out: unknown[] = [];
  for (const r of Object.values(RESOURCES)) {
    out.push({ name: r.plural, singularName: r.singular, namespaced: true, kind: r.kind, verbs: OBJECT_VERBS, shortNames: r.shortNames });
    for (const sub of r.subresources) {
      out.push(
        sub === 'scale'
          ? { name: `${r.plural}/scale`, singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: SUB_VERBS }
          : { name: `${r.plural}/status`, singularName: '', namespaced: true, kind: r.kind, verbs: SUB_VERBS },
      );
    }
  }
  return out;
}
