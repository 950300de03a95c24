// What a fresh sandbox holds, and how OKG's controllers would build a GameServer for a set.
import { API_VERSION } from './kinds';
import { nowTimestamp } from './store';

export const OWNER_LABEL = 'game.kruise.io/owner-gss';

const GAMES = ['minecraft', 'pve-world', 'battle-royale', 'lobby', 'arena', 'racing', 'survival', 'tower-defense'];

/** A GameServerSet as a user would create it: two containers (the game and a log sidecar), a HostPort network. */
export function defaultSet(index: number, namespace: string, replicas: number): any {
  const game = GAMES[index % GAMES.length]!;
  const name = index < GAMES.length ? game : `${game}-${Math.floor(index / GAMES.length)}`;
  return {
    apiVersion: API_VERSION,
    kind: 'GameServerSet',
    metadata: { name, namespace, labels: { app: game } },
    spec: {
      replicas,
      gameServerTemplate: {
        metadata: { labels: { app: game, tier: 'game' } },
        spec: {
          containers: [
            {
              name: game,
              image: `registry.example.com/games/${game}:1.${index % 10}.0`,
              ports: [{ name: 'game', containerPort: 7777, protocol: 'UDP' }],
              resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
            },
            {
              name: 'log-agent',
              image: 'registry.example.com/sidecars/log-agent:2.3.1',
              resources: { requests: { cpu: '50m', memory: '64Mi' } },
            },
          ],
        },
      },
      updateStrategy: { rollingUpdate: { podUpdatePolicy: 'InPlaceIfPossible', maxUnavailable: '20%' } },
      scaleStrategy: { scaleDownStrategyType: 'General' },
      network: { networkType: 'Kubernetes-HostPort', networkConf: [{ name: 'ContainerPorts', value: `${game}:7777/UDP` }] },
    },
  };
}

/** The images a set's template asks for, in container order. */
export function templateImages(set: any): { name: string; image: string }[] {
  const containers = set.spec?.gameServerTemplate?.spec?.containers;
  return Array.isArray(containers)
    ? containers.filter((c: any) => c && typeof c.name === 'string').map((c: any) => ({ name: c.name, image: String(c.image ?? '') }))
    : [];
}

/** The image each container of `gs` runs: the template's, or the GameServer's own override. */
export function wantedImages(template: { name: string; image: string }[], gs: any): { name: string; image: string }[] {
  const own = gs.spec?.containers;
  if (!Array.isArray(own) || own.length === 0) return template;
  const overrides = new Map<string, string>();
  for (const c of own) {
    if (c && typeof c.name === 'string' && typeof c.image === 'string') overrides.set(c.name, c.image);
  }
  return template.map(({ name, image }) => ({ name, image: overrides.get(name) ?? image }));
}

/**
 * Whether `gs`'s container statuses already show the images it runs (`template` from
 * templateImages); true without a pod status, which has nothing to show. Called for every
 * GameServer of a set on each of its changes, hence the plain loop.
 */
export function imagesUpToDate(template: { name: string; image: string }[], gs: any): boolean {
  const pod = gs.status?.podStatus;
  if (!pod) return true;
  const wanted = wantedImages(template, gs);
  const have = pod.containerStatuses;
  if (!Array.isArray(have) || have.length !== wanted.length) return false;
  for (let i = 0; i < wanted.length; i++) {
    if (have[i]?.name !== wanted[i]!.name || have[i]?.image !== wanted[i]!.image) return false;
  }
  return true;
}

/** A container of GameServer `gsName` running `image` since `since`, as kubelet reports it. */
export function runningContainer(name: string, image: string, gsName: string, since: string, restartCount = 0): any {
  return {
    name,
    image,
    imageID: `${image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
    containerID: `containerd://${name}-${gsName}${restartCount > 0 ? `-${restartCount}` : ''}`,
    ready: true,
    started: true,
    restartCount,
    lastState: {},
    state: { running: { startedAt: since } },
  };
}

/** Container statuses for a GameServer: the template's images, with the GameServer's own overrides. */
export function containerStatuses(set: any, gs: any, since: string): any[] {
  return wantedImages(templateImages(set), gs).map(({ name, image }) => runningContainer(name, image, gs.metadata.name, since));
}

function networkStatus(set: any, ordinal: number, disabled: boolean, since: string): any {
  const network = set.spec?.network;
  if (!network?.networkType) return {};
  const state = disabled ? 'NotReady' : 'Ready';
  return {
    networkType: network.networkType,
    internalAddresses: [{ ip: `172.16.${ordinal % 250}.${10 + (ordinal % 200)}`, ports: [{ name: 'game', protocol: 'UDP', port: 7777 }] }],
    externalAddresses: [{ ip: `10.0.${Math.floor(ordinal / 250) % 250}.${ordinal % 250}`, ports: [{ name: 'game', protocol: 'UDP', port: 8000 + ordinal }] }],
    desiredNetworkState: state,
    currentNetworkState: state,
    createTime: since,
    lastTransitionTime: since,
  };
}

/** A GameServer as OKG creates it for ordinal `ordinal` of `set`: default spec, Ready status. */
export function newGameServer(set: any, ordinal: number): any {
  const now = nowTimestamp();
  const name = `${set.metadata.name}-${ordinal}`;
  const tpl = set.spec?.gameServerTemplate?.metadata ?? {};
  const gs: any = {
    apiVersion: API_VERSION,
    kind: 'GameServer',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(tpl.labels ?? {}), [OWNER_LABEL]: set.metadata.name, 'game.kruise.io/node-name': `node-${ordinal % 3}` },
      annotations: { ...(tpl.annotations ?? {}), 'game.kruise.io/gsTemplate-metadata-hash': '2339350946' },
      ownerReferences: [
        { apiVersion: API_VERSION, kind: 'GameServerSet', name: set.metadata.name, uid: set.metadata.uid, controller: true, blockOwnerDeletion: true },
      ],
    },
    spec: { opsState: 'None', updatePriority: 0, deletionPriority: 0, networkDisabled: false },
  };
  const conditionTypes = ['PodNormal', 'NodeNormal', 'PersistentVolumeNormal'];
  gs.status = {
    currentState: 'Ready',
    desiredState: 'Ready',
    updatePriority: '0',
    deletionPriority: '0',
    lastTransitionTime: now,
    networkStatus: networkStatus(set, ordinal, false, now),
    podStatus: {
      phase: 'Running',
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: now })),
      containerStatuses: containerStatuses(set, gs, now),
      hostIP: `10.0.1.${20 + (ordinal % 3)}`,
      podIP: `172.16.${ordinal % 250}.${10 + (ordinal % 200)}`,
      qosClass: 'Burstable',
      startTime: now,
    },
    conditions: conditionTypes.map((type) => ({ type, status: 'True', lastTransitionTime: now })),
  };
  return gs;
}

export function ordinalOf(name: string): number {
  const n = Number(name.slice(name.lastIndexOf('-') + 1));
  return Number.isInteger(n) ? n : -1;
}
