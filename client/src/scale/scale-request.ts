// A scale the user asked for (replicas, and optionally a new reserveGameServerIds), planned with the
// engine's planScale on the set as it would be once written, and the JSON Patch that writes it
// behind `test`s of what the plan read from the set.
import type { JsonPatchOp } from '../cluster/api';
import { planScale, type ScalePlan } from '../../../server/src/engine';
import type { ReserveEntryValue } from './scale-input';

const RESERVE_IDS_ANNOTATION = 'game.kruise.io/reserve-ids';

export interface ScaleRequest {
  replicas: number;
  /** The new reserveGameServerIds (empty: none); undefined keeps the set's list. */
  reserve?: ReserveEntryValue[];
}

type Json = Record<string, unknown>;

export interface PlannedScale {
  /** The set as planned: reserveGameServerIds as requested. */
  set: Json;
  plan: ScalePlan;
  /** The reserveGameServerIds planned with (planScale's notes say when OKG ignores it). */
  reserveList: unknown;
}

const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});

/** The set with the requested list in place (planScale reads the list from the set). */
function withRequest(set: Json, request: ScaleRequest): Json {
  if (request.reserve === undefined) return set;
  const spec: Json = { ...asObject(set.spec) };
  if (request.reserve.length > 0) spec.reserveGameServerIds = request.reserve;
  else delete spec.reserveGameServerIds;
  return { ...set, spec };
}

/** What OKG does with `set` (read whole) and its GameServers (the live cache's compact copies hold every value planScale reads). */
export function planRequest(set: unknown, gameServers: readonly unknown[], request: ScaleRequest): PlannedScale {
  const planned = withRequest(asObject(set), request);
  return { set: planned, plan: planScale(planned, gameServers, request.replicas), reserveList: asObject(planned.spec).reserveGameServerIds };
}

/** JSON Pointer of the annotation OKG keeps the reserved ids it last acted on in. */
const ANNOTATION_POINTER = `/metadata/annotations/${RESERVE_IDS_ANNOTATION.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/**
 * The patch: `test`s of the values the plan read from the set (spec.replicas, reserveGameServerIds
 * and the reserve-ids annotation, where present; the preview's guard adds uid and generation), then
 * the new replicas and list.
 */
export function scaleOps(set: unknown, request: ScaleRequest): JsonPatchOp[] {
  const s = asObject(set);
  const spec = asObject(s.spec);
  const annotations = asObject(asObject(s.metadata).annotations);
  const ops: JsonPatchOp[] = [];
  if (spec.replicas !== undefined) ops.push({ op: 'test', path: '/spec/replicas', value: spec.replicas });
  if (spec.reserveGameServerIds !== undefined) ops.push({ op: 'test', path: '/spec/reserveGameServerIds', value: spec.reserveGameServerIds });
  if (annotations[RESERVE_IDS_ANNOTATION] !== undefined) ops.push({ op: 'test', path: ANNOTATION_POINTER, value: annotations[RESERVE_IDS_ANNOTATION] });
  ops.push({ op: 'add', path: '/spec/replicas', value: request.replicas });
  if (request.reserve?.length) ops.push({ op: 'add', path: '/spec/reserveGameServerIds', value: request.reserve });
  else if (request.reserve && spec.reserveGameServerIds !== undefined) ops.push({ op: 'remove', path: '/spec/reserveGameServerIds' });
  return ops;
}
