// Reads the fields the tree shows from GameServer / GameServerSet objects as the API returns them.
// Objects come from the cluster untyped; every reader tolerates missing or odd values.

export type KubeObject = Record<string, unknown>;

const OWNER_SET_LABEL = 'game.kruise.io/owner-gss';

function at(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export const nameOf = (o: unknown): string => str(at(o, 'metadata', 'name'));
export const namespaceOf = (o: unknown): string => str(at(o, 'metadata', 'namespace'));
export const ownerSetOf = (o: unknown): string => str(at(o, 'metadata', 'labels', OWNER_SET_LABEL));

export const stateOf = (gs: unknown): string => str(at(gs, 'status', 'currentState'));
export const opsStateOf = (gs: unknown): string => str(at(gs, 'spec', 'opsState'));
export const networkStateOf = (gs: unknown): string => str(at(gs, 'status', 'networkStatus', 'currentNetworkState'));

/** DP and UP as kubectl's printer columns show them: the status values, which lag spec by one reconcile. */
export function prioritiesOf(gs: unknown): { deletion: string; update: string } {
  const pick = (field: string): string => {
    const s = str(at(gs, 'status', field));
    return s !== '' ? s : str(at(gs, 'spec', field));
  };
  return { deletion: pick('deletionPriority'), update: pick('updatePriority') };
}

/** Running images as kruise-game-api's `images` field reads them: "container,image". */
export function gameServerImagesOf(gs: unknown): string[] {
  return list(at(gs, 'status', 'podStatus', 'containerStatuses')).map((c) => `${str(at(c, 'name'))},${str(at(c, 'image'))}`);
}

/** Template images of a set: "container,image". */
export function setImagesOf(gss: unknown): string[] {
  return list(at(gss, 'spec', 'gameServerTemplate', 'spec', 'containers')).map((c) => `${str(at(c, 'name'))},${str(at(c, 'image'))}`);
}

export interface Address {
  scope: 'external' | 'internal';
  text: string;
}

export function addressesOf(gs: unknown): Address[] {
  const out: Address[] = [];
  for (const scope of ['external', 'internal'] as const) {
    for (const a of list(at(gs, 'status', 'networkStatus', `${scope}Addresses`))) {
      const ip = str(at(a, 'ip'));
      const ports = list(at(a, 'ports')).map((p) => `${str(at(p, 'port'))}/${str(at(p, 'protocol')) || 'TCP'}`);
      const range = str(at(a, 'portRange', 'portRange'));
      const endPoint = str(at(a, 'endPoint'));
      const where = [ip, endPoint].filter(Boolean).join(' ');
      const what = [...ports, range].filter(Boolean).join(', ');
      out.push({ scope, text: what ? `${where} (${what})` : where });
    }
  }
  return out;
}

export interface Condition {
  type: string;
  status: string;
  detail: string;
}

export function conditionsOf(gs: unknown): Condition[] {
  return list(at(gs, 'status', 'conditions')).map((c) => ({
    type: str(at(c, 'type')),
    status: str(at(c, 'status')),
    detail: [str(at(c, 'reason')), str(at(c, 'message'))].filter(Boolean).join(': '),
  }));
}

export function serviceQualityConditionsOf(gs: unknown): Condition[] {
  return list(at(gs, 'status', 'serviceQualitiesConditions')).map((c) => ({
    type: str(at(c, 'name')),
    status: str(at(c, 'status')),
    detail: str(at(c, 'result')),
  }));
}

export function replicasOf(gss: unknown): { current: number; ready: number; desired: number } {
  return {
    current: num(at(gss, 'status', 'currentReplicas')),
    ready: num(at(gss, 'status', 'readyReplicas')),
    desired: num(at(gss, 'spec', 'replicas')),
  };
}
