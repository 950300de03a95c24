// Compact copies of GameServers and GameServerSets, for the cache: at 50,000 objects a whole
// GameServer (pod status, container details, network plumbing) costs about 2.7 KB of heap, while
// the tree, its tooltips and the filters read a few dozen values. A compact copy keeps:
// - every path a filter field reads, taken from the engine's field registries (readPaths), so a
//   field added there is kept without anyone remembering to;
// - what the tree rows show (client/src/views/object-fields.ts); a GameServer's tooltip (addresses,
//   conditions, service qualities) is built from the whole object, read when the row is hovered;
// - the version of the object (resourceVersion, generation, deletionTimestamp). Not its uid: a
//   write always reads the whole object first (the preview), and guards on that one's uid.
// Filters read no labels or annotations, so only the owner-set label survives.
// Whatever needs the whole object (Open as YAML, the apply preview) reads it from the server.
//
// Strings repeat (states, images, namespaces, set names) and so do whole parts (the conditions of
// a healthy server, the images of a set's members): each is kept once, in a pool. Shared parts are
// frozen, since a change through one object would show in thousands.
import { GAME_SERVER_FIELDS, GAME_SERVER_SET_FIELDS, readPaths } from '../../../server/src/engine';
import type { KubeObject, ResourceKind } from './resources';

/** A path segment meaning "every element of the array here", as in the registries' readPaths. */
const EACH = '[*]';

/** The label OKG puts on a GameServer naming its set; the tree groups by it. */
const OWNER_SET_LABEL = 'game.kruise.io/owner-gss';

const IDENTITY: string[][] = [
  ['apiVersion'],
  ['kind'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'resourceVersion'],
  ['metadata', 'generation'],
  ['metadata', 'deletionTimestamp'],
];

/** Each of `props` under `base`. */
const under = (base: string[], ...props: string[]): string[][] => props.map((p) => [...base, p]);

/** What the tree rows and the set tooltips read, beyond the filter fields (see object-fields.ts). */
const SHOWN: Record<ResourceKind, string[][]> = {
  GameServer: [
    ['metadata', 'labels', OWNER_SET_LABEL],
    ...under(['spec'], 'opsState', 'updatePriority', 'deletionPriority'),
    ...under(['status'], 'currentState', 'updatePriority', 'deletionPriority'),
    ['status', 'networkStatus', 'currentNetworkState'],
    ...under(['status', 'podStatus', 'containerStatuses', EACH], 'name', 'image'),
  ],
  GameServerSet: [
    ['spec', 'replicas'],
    ...under(['spec', 'gameServerTemplate', 'spec', 'containers', EACH], 'name', 'image'),
    ...under(['status'], 'currentReplicas', 'readyReplicas'),
  ],
};

/** Parts that are mostly equal across objects, kept once each. */
const SHARED: Record<ResourceKind, string[][]> = {
  GameServer: [['metadata', 'labels'], ['spec'], ['status', 'podStatus']],
  GameServerSet: [['spec', 'gameServerTemplate']],
};

const FILTERED = { GameServer: GAME_SERVER_FIELDS, GameServerSet: GAME_SERVER_SET_FIELDS };

/** What to keep of a value: some of its properties (or of each element, under EACH), or all of it. */
interface Shape {
  children: Map<string, Shape>;
  /** Keep the value as it is (a path ends here). */
  whole: boolean;
  shared: boolean;
}

const newShape = (): Shape => ({ children: new Map(), whole: false, shared: false });

/** Where a compact copy of `kind` holds parts shared with other copies (frozen, never changed in place). */
export function sharedPaths(kind: ResourceKind): readonly string[][] {
  return SHARED[kind];
}

/** The shape of the compact copy of `kind`: the union of every path above. */
export function keptPaths(kind: ResourceKind): string[][] {
  return [...IDENTITY, ...readPaths(FILTERED[kind]), ...SHOWN[kind]];
}

function shapeOf(kind: ResourceKind): Shape {
  const root = newShape();
  for (const path of keptPaths(kind)) {
    let node = root;
    for (const seg of path) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = newShape()));
      node = next;
    }
    node.whole = true;
  }
  for (const path of SHARED[kind]) {
    let node: Shape | undefined = root;
    for (const seg of path) node = node?.children.get(seg);
    if (!node) throw new Error(`compact ${kind}: shared part ${path.join('.')} is not kept`);
    node.shared = true;
  }
  return root;
}

const SHAPES: Record<ResourceKind, Shape> = { GameServer: shapeOf('GameServer'), GameServerSet: shapeOf('GameServerSet') };

export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}

/**
 * One copy of each string and shared part seen. Bounded: when a table fills it starts over, so
 * values that never repeat (names, resourceVersions) cannot grow it; objects keep what they hold.
 */
class Pool {
  private readonly strings = new Map<string, string>();
  private readonly parts = new Map<string, unknown>();

  constructor(private readonly limit: number) {}

  string(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= this.limit) this.strings.clear();
    this.strings.set(s, s);
    return s;
  }

  part<T>(v: T): T {
    const key = JSON.stringify(v);
    const known = this.parts.get(key);
    if (known !== undefined) return known as T;
    if (this.parts.size >= this.limit) this.parts.clear();
    this.parts.set(key, deepFreeze(v));
    return v;
  }
}

/**
 * Copies what `shape` keeps of `v`. A primitive is kept as it is wherever it stands (a reader of
 * one of its properties gets undefined either way); an array where an object is read, or the
 * reverse, reads as nothing and is dropped.
 */
function copy(v: unknown, shape: Shape, pool: Pool): unknown {
  if (typeof v === 'string') return pool.string(v);
  if (v === null || typeof v !== 'object' || shape.whole) return v;
  let out: unknown;
  if (Array.isArray(v)) {
    const each = shape.children.get(EACH);
    if (!each) return undefined;
    out = v.map((el: unknown) => copy(el, each, pool));
  } else {
    const o: Record<string, unknown> = {};
    const src = v as Record<string, unknown>;
    for (const [key, child] of shape.children) {
      if (key === EACH || !Object.hasOwn(src, key)) continue;
      const kept = copy(src[key], child, pool);
      if (kept !== undefined) o[key] = kept;
    }
    out = o;
  }
  return shape.shared ? pool.part(out) : out;
}

function internStrings(v: unknown, pool: Pool): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  const o = v as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const child = o[key];
    if (typeof child === 'string') o[key] = pool.string(child);
    else internStrings(child, pool);
  }
}

/** Makes compact copies of one kind; strings and shared parts are pooled across its copies. */
export class Compactor {
  private readonly shape: Shape;
  private readonly pool: Pool;

  constructor(
    readonly kind: ResourceKind,
    poolLimit = 10_000,
  ) {
    this.shape = SHAPES[kind];
    this.pool = new Pool(poolLimit);
  }

  compact(obj: KubeObject): KubeObject {
    return copy(obj, this.shape, this.pool) as KubeObject;
  }

  /**
   * Takes in a compact copy made by another process's Compactor, whose shared parts are already
   * in place: its strings are pooled where they stand (frozen shared parts are left alone).
   */
  adopt(obj: KubeObject): KubeObject {
    internStrings(obj, this.pool);
    return obj;
  }
}
