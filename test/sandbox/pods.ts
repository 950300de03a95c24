// The pod behind each GameServer, as OKG's Advanced StatefulSet runs it: same name and namespace,
// the set's template containers (with the GameServer's own image overrides), the template labels
// plus owner-gss and the state labels OKG's GameServer controller copies onto pods. Pods are not
// stored: each is derived from its GameServer when asked, so churn costs nothing here.
import { createHash } from 'node:crypto';
import { OWNER_LABEL, wantedImages, templateImages } from './content';
import { keyOf, type Store } from './store';

/** A uid of the pod's own, stable for its GameServer's uid (a recreated GameServer has a new pod). */
function podUid(gsUid: string): string {
  const h = createHash('sha1').update(`pod/${gsUid}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The set that owns `gs`, if it still exists. */
export function setOf(store: Store, gs: any): any | undefined {
  const owner = gs.metadata?.labels?.[OWNER_LABEL];
  return typeof owner === 'string' ? store.peek('GameServerSet', keyOf(gs.metadata.namespace, owner)) : undefined;
}

/** The template's containers, each running the image the GameServer wants (its override, else the template's). */
function containers(set: any, gs: any): any[] {
  const template: unknown = set?.spec?.gameServerTemplate?.spec?.containers;
  if (!Array.isArray(template)) return [];
  const images = new Map(wantedImages(templateImages(set), gs).map((c) => [c.name, c.image]));
  return template.filter((c: any) => c && typeof c.name === 'string').map((c: any) => ({ ...c, image: images.get(c.name) ?? c.image }));
}

/** The container names of the pod of `gs`, in order: from its status, else from its set's template. */
export function containerNames(store: Store, gs: any): string[] {
  const statuses = gs.status?.podStatus?.containerStatuses;
  if (Array.isArray(statuses) && statuses.length > 0) return statuses.map((c: any) => String(c?.name));
  return containers(setOf(store, gs), gs).map((c) => String(c.name));
}

/** The core/v1 Pod of `gs`; its resourceVersion is the GameServer's, which every change of the pod's state moves. */
export function podOf(store: Store, gs: any): any {
  const { name, namespace, labels = {}, annotations = {}, creationTimestamp, resourceVersion, uid } = gs.metadata;
  const owner = labels[OWNER_LABEL];
  const set = setOf(store, gs);
  const status = gs.status ?? {};
  const pod = status.podStatus ?? {};
  const podLabels: Record<string, string> = {
    ...(set?.spec?.gameServerTemplate?.metadata?.labels ?? {}),
    ...(typeof owner === 'string' ? { [OWNER_LABEL]: owner } : {}),
    'statefulset.kubernetes.io/pod-name': name,
    'game.kruise.io/gs-state': String(status.currentState ?? 'Unknown'),
    'game.kruise.io/gs-opsState': String(gs.spec?.opsState ?? 'None'),
    'game.kruise.io/gs-update-priority': String(status.updatePriority ?? '0'),
    'game.kruise.io/gs-delete-priority': String(status.deletionPriority ?? '0'),
    'game.kruise.io/network-disabled': String(gs.spec?.networkDisabled === true),
  };
  const nodeName = labels['game.kruise.io/node-name'];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      uid: podUid(String(uid)),
      resourceVersion,
      creationTimestamp,
      labels: podLabels,
      annotations: { ...annotations },
      ...(typeof owner === 'string'
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps.kruise.io/v1beta1',
                kind: 'StatefulSet',
                name: owner,
                uid: set?.metadata?.uid ?? '',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: {
      containers: containers(set, gs),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      ...(typeof nodeName === 'string' ? { nodeName } : {}),
      hostname: name,
      subdomain: typeof owner === 'string' ? owner : undefined,
    },
    status: {
      phase: pod.phase ?? 'Pending',
      ...readiness(status.currentState, pod),
      ...(pod.hostIP ? { hostIP: pod.hostIP } : {}),
      ...(pod.podIP ? { podIP: pod.podIP, podIPs: [{ ip: pod.podIP }] } : {}),
      ...(pod.startTime ? { startTime: pod.startTime } : {}),
      qosClass: pod.qosClass ?? 'BestEffort',
    },
  };
}

/**
 * The pod's conditions and container statuses as its GameServer's state says: a running pod
 * whose GameServer is not Ready (a failing readiness probe, an update) is not ready either.
 */
function readiness(state: unknown, pod: any): { conditions: any[]; containerStatuses: any[] } {
  const conditions: any[] = Array.isArray(pod.conditions) ? pod.conditions : [];
  const statuses: any[] = Array.isArray(pod.containerStatuses) ? pod.containerStatuses : [];
  if (pod.phase !== 'Running' || state === 'Ready' || state === undefined) return { conditions, containerStatuses: statuses };
  return {
    conditions: conditions.map((c) => (c?.type === 'Ready' || c?.type === 'ContainersReady' ? { ...c, status: 'False' } : c)),
    containerStatuses: statuses.map((c, i) => (i === 0 ? { ...c, ready: false } : c)),
  };
}

/** What `kubectl get pods` shows in STATUS: the waiting reason of a container that is not running, else the phase. */
export function podStatusText(pod: any): string {
  for (const c of pod.status.containerStatuses) {
    const reason = c?.state?.waiting?.reason;
    if (typeof reason === 'string') return reason;
  }
  return String(pod.status.phase);
}

/** `ready/total` containers and the restarts, as `kubectl get pods` shows them. */
export function podReadiness(pod: any): { ready: string; restarts: number } {
  const statuses: any[] = pod.status.containerStatuses;
  const ready = statuses.filter((c) => c?.ready === true).length;
  const restarts = statuses.reduce((n, c) => n + (Number.isInteger(c?.restartCount) ? c.restartCount : 0), 0);
  return { ready: `${ready}/${pod.spec.containers.length || statuses.length}`, restarts };
}
