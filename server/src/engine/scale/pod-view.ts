// OKG's GameServerSet controller works on pods, not GameServers: it lists the set's pods by the
// owner label and reads what OKG's GameServer controller copied onto them. A GameServer stands in
// for its pod here, read as that copy would be (docs/scale-plan.md, "GameServers stand in for pods").
import { goAtoi } from '../okg';

export const OWNER_LABEL = 'game.kruise.io/owner-gss';

export interface PodView {
  name: string;
  /** GetIndexFromGsName: Atoi of what follows the last `-`, its error ignored (0, or the int64 bound on overflow). */
  index: number;
  /** The gs-opsState label: spec.opsState as written. */
  opsState: string;
  /** The gs-delete-priority label: IntOrString.String() of spec.deletionPriority. */
  deletionPriority: string;
  /** Atoi of that label, its error ignored, exact beyond 2^53. */
  priority: bigint;
  /** The pod has a deletionTimestamp: the GameServer shows `Deleting`, or is itself being deleted. */
  deleting: boolean;
  /** kruise's lifecycle label is PreparingDelete: the GameServer shows `PreDelete`. */
  preDeleting: boolean;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** strconv.Atoi with its error ignored, as DeleteSequenceGs reads the deletion priority. */
function atoiBig(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const n = BigInt(s.startsWith('+') ? s.slice(1) : s);
  return n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n;
}

/** What IntOrString.String() writes: an int in decimal, a string as it is; nothing when unset. */
function labelText(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.trunc(v)) : '';
  return typeof v === 'string' ? v : '';
}

/** The pod `gs` stands for, or undefined when `gs` has no name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any listed JSON; each read below is guarded
export function podView(gs: any): PodView | undefined {
  const name = gs?.metadata?.name;
  if (typeof name !== 'string' || name === '') return undefined;
  const deletionPriority = labelText(gs.spec?.deletionPriority);
  const state = gs.status?.currentState;
  return {
    name,
    index: goAtoi(name.slice(name.lastIndexOf('-') + 1)).value,
    opsState: typeof gs.spec?.opsState === 'string' ? gs.spec.opsState : '',
    deletionPriority,
    priority: atoiBig(deletionPriority),
    deleting: state === 'Deleting' || Boolean(gs.metadata.deletionTimestamp),
    preDeleting: state === 'PreDelete',
  };
}

/** The pods of `set` among `gameServers`: those labelled as its own (and in its namespace), each name once. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a set planScale has checked has metadata.name
export function podsOf(set: any, gameServers: unknown): PodView[] {
  const setName = set.metadata.name;
  const namespace = set.metadata.namespace;
  const seen = new Set<string>();
  const pods: PodView[] = [];
  for (const gs of Array.isArray(gameServers) ? gameServers : []) {
    if (gs?.metadata?.labels?.[OWNER_LABEL] !== setName) continue;
    if (typeof namespace === 'string' && typeof gs.metadata.namespace === 'string' && gs.metadata.namespace !== namespace) continue;
    const pod = podView(gs);
    if (!pod || seen.has(pod.name)) continue;
    seen.add(pod.name);
    pods.push(pod);
  }
  return pods;
}
