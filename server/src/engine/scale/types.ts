// What planScale answers (docs/scale-plan.md describes each field and note).

/** One scale OKG's GameServerSet controller makes: what it removes, creates and writes. */
export interface ScaleStep {
  /** The spec.replicas this scale runs with. */
  replicas: number;
  /** GameServers removed: newly reserved ones first (ascending ordinal), then the scale-down in OKG's deletion order. */
  delete: string[];
  /** GameServers created, by ascending ordinal. A name may be one being deleted now: its pod is made again. */
  create: string[];
  /** The ids OKG writes back to spec.reserveGameServerIds, ascending: only under ReserveIds, and only when they change. */
  reserveGameServerIds?: number[];
  /** The value OKG writes to the set's game.kruise.io/reserve-ids annotation, when it writes one. */
  reserveIdsAnnotation?: string;
}

export type ScaleNote =
  /** replicas and the reserved ids are what OKG last scaled to, and no Kill is due: it does not scale. */
  | { code: 'no-change' }
  /** An entry OKG cannot parse, so it ignores the whole reserveGameServerIds list (`index` is the first such entry). */
  | { code: 'reserve-ids-ignored'; index: number; entry: unknown; why: 'numeric-string' | 'malformed' | 'reversed' }
  /** The cut of a scale-down falls among these servers, whose order OKG leaves undefined; the plan takes the higher ordinal. */
  | { code: 'order-undefined'; names: string[] }
  /** Nothing can be planned: the argument, or an entry OKG's Go types cannot decode (the controller cannot read the set). */
  | { code: 'unreadable'; what: 'gameServerSet' | 'replicas' | 'reserveGameServerIds'; index?: number; entry?: unknown }
  /** Nothing is planned: more ids than planScale expands (MAX_ORDINALS). */
  | { code: 'too-large'; what: 'reserveGameServerIds' | 'replicas'; count: number };

export interface ScalePlan extends ScaleStep {
  /**
   * The Kill follow-up: once this scale has settled, OKG lowers spec.replicas by the servers still
   * labelled Kill and scales again, removing them (`create` is then always empty).
   */
  killed?: ScaleStep;
  notes: ScaleNote[];
}
