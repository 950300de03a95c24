// What a GameServer's status shows while its pod starts, is updated in place, or has an image of
// its own applied, as OKG computes it from the pod (kruise-game gameserver_manager.go, SyncGsToPod):
// a Pending pod is `Creating`; a running pod whose kruise lifecycle label is `Updating` is
// `Updating`; otherwise the pod's Ready condition makes it `Ready` or `NotReady`. Each function
// returns a new version and leaves the stored one alone.
import { runningContainer } from './content';
import { nowTimestamp } from './store';

type Image = { name: string; image: string };

/** `gs` with `currentState` and the pod's readiness conditions set, as of `now`. */
function withState(gs: any, currentState: string, ready: boolean, now: string, pod: Record<string, unknown> = {}): any {
  const status = gs.status ?? {};
  const podStatus = status.podStatus ?? {};
  const value = ready ? 'True' : 'False';
  const conditions = Array.isArray(podStatus.conditions)
    ? podStatus.conditions.map((c: any) =>
        (c?.type === 'Ready' || c?.type === 'ContainersReady') && c.status !== value ? { ...c, status: value, lastTransitionTime: now } : c,
      )
    : podStatus.conditions;
  return { ...gs, status: { ...status, currentState, lastTransitionTime: now, podStatus: { ...podStatus, conditions, ...pod } } };
}

/** A GameServer whose pod was just created: Pending, its containers still being created. */
export function asCreating(gs: any): any {
  const now = nowTimestamp();
  const statuses = gs.status?.podStatus?.containerStatuses;
  const waiting = Array.isArray(statuses)
    ? statuses.map((c: any) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        lastState: {},
        state: { waiting: { reason: 'ContainerCreating' } },
      }))
    : statuses;
  return withState(gs, 'Creating', false, now, { phase: 'Pending', containerStatuses: waiting, startTime: now });
}

/** The pod is running and ready. */
export function asStarted(gs: any): any {
  const now = nowTimestamp();
  const statuses = gs.status?.podStatus?.containerStatuses;
  const running = Array.isArray(statuses) ? statuses.map((c: any) => runningContainer(c.name, c.image, gs.metadata.name, now)) : statuses;
  return withState(gs, 'Ready', true, now, { phase: 'Running', containerStatuses: running });
}

/** kruise has started an in-place update: the pod is not ready and still runs the old images. */
export function asUpdating(gs: any): any {
  return withState(gs, 'Updating', false, nowTimestamp());
}

/**
 * `statuses` with each container whose image is not the one `wanted` names restarted on it
 * (kubelet restarts a container whose image changed, counting the restart); the same array when
 * none changed.
 */
export function restartedOn(statuses: unknown, wanted: readonly Image[], gsName: string, now: string): unknown {
  if (!Array.isArray(statuses)) return statuses;
  const image = new Map(wanted.map((w) => [w.name, w.image]));
  let changed = false;
  const next = statuses.map((c: any) => {
    const want = typeof c?.name === 'string' ? image.get(c.name) : undefined;
    if (want === undefined || c.image === want) return c;
    changed = true;
    return runningContainer(c.name, want, gsName, now, (Number.isInteger(c.restartCount) ? c.restartCount : 0) + 1);
  });
  return changed ? next : statuses;
}

/** The in-place update is done: the changed containers run the `wanted` images and the pod is ready again. */
export function asUpdated(gs: any, wanted: readonly Image[]): any {
  const now = nowTimestamp();
  return withState(gs, 'Ready', true, now, { containerStatuses: restartedOn(gs.status?.podStatus?.containerStatuses, wanted, gs.metadata.name, now) });
}

/** The images of the GameServer's own `spec.containers`, which OKG patches into the pod at once. */
export function overrideImages(gs: any): Image[] {
  const own = gs.spec?.containers;
  if (!Array.isArray(own)) return [];
  return own.filter((c: any) => c && typeof c.name === 'string' && typeof c.image === 'string').map((c: any) => ({ name: c.name, image: c.image }));
}
