// The field registry, generic as in structured-filter-go: a field is a name, a type and a getter.
import * as l10n from '@vscode/l10n';
import { GS_STATES, NETWORK_STATES, OPS_STATES, intOrStringValue } from '../okg';

export type FieldType = 'bool' | 'number' | 'string' | 'number[]' | 'string[]';

export type FieldValue = boolean | number | string | number[] | string[];

export interface FieldDef {
  name: string;
  type: FieldType;
  /** The object path the getter reads, as a user would write it. */
  reads: string;
  description: string;
  /** A filter that uses the field, for hovers and docs. */
  example: string;
  /** Values the field is known to take, offered in completion and used for near-miss warnings. */
  knownValues?: readonly string[];
  /** True when no value outside `knownValues` (and "") can ever occur, so another value never matches. */
  closedValues?: boolean;
  /** True for number fields that only ever hold integers (Go's IntValue). */
  integer?: boolean;
  /** True when elements are "container,image" pairs, so an element without a comma never matches. */
  containerImagePairs?: boolean;
  get(obj: unknown): FieldValue;
}

export interface Registry {
  /** 'GameServer', 'GameServerSet', or 'custom'. */
  kind: string;
  fields: ReadonlyMap<string, FieldDef>;
}

/** The parts of GameServer and GameServerSet objects the getters read; anything else in JSON reads as undefined. */
interface Container {
  name?: unknown;
  image?: unknown;
}
interface OkgObject {
  metadata?: { name?: unknown; namespace?: unknown };
  spec?: {
    opsState?: unknown;
    updatePriority?: unknown;
    deletionPriority?: unknown;
    gameServerTemplate?: { spec?: { containers?: unknown } };
  };
  status?: {
    currentState?: unknown;
    networkStatus?: { currentNetworkState?: unknown };
    podStatus?: { containerStatuses?: unknown };
  };
}

// Optional chaining reads any JSON value safely: a property of a string, number or null is undefined.
const okg = (o: unknown) => o as OkgObject | null | undefined;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** "container,image" pairs, as kruise-game-api's images getters build them. */
function images(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((c: Container | null) => `${str(c?.name)},${str(c?.image)}`);
}

function registry(kind: string, defs: FieldDef[]): Registry {
  return { kind, fields: new Map(defs.map((d) => [d.name, d])) };
}

const namespaceField = (kind: string): FieldDef => ({
  name: 'namespace',
  type: 'string',
  reads: '.metadata.namespace',
  get description() {
    return l10n.t("The {0}'s namespace.", kind);
  },
  example: '{"namespace":"default"}',
  get: (o) => str(okg(o)?.metadata?.namespace),
});

const nameField = (kind: string, example: string): FieldDef => ({
  name: 'name',
  type: 'string',
  reads: '.metadata.name',
  get description() {
    return l10n.t("The {0}'s name.", kind);
  },
  example,
  get: (o) => str(okg(o)?.metadata?.name),
});

export const GAME_SERVER_FIELDS: Registry = registry('GameServer', [
  namespaceField('GameServer'),
  nameField('GameServer', '{"name":{"$regex":"^minecraft-"}}'),
  {
    name: 'opsState',
    type: 'string',
    reads: '.spec.opsState',
    get description() {
      return l10n.t(
        'The operations state set by users or service-quality actions. ' +
          'Reserved values: None, WaitToBeDeleted, Maintaining, Allocated, Kill; any other string is legal and sorts like None. "" when unset.',
      );
    },
    example: '{"opsState":"WaitToBeDeleted"}',
    knownValues: OPS_STATES,
    get: (o) => str(okg(o)?.spec?.opsState),
  },
  {
    name: 'updatePriority',
    type: 'number',
    reads: '.spec.updatePriority',
    get description() {
      return l10n.t(
        'Spec update priority (IntOrString, read as Go IntValue: "10" is 10, a non-numeric string is 0; missing is 0). Not the UP column, which shows status.',
      );
    },
    example: '{"updatePriority":{"$ge":10}}',
    integer: true,
    get: (o) => intOrStringValue(okg(o)?.spec?.updatePriority),
  },
  {
    name: 'deletionPriority',
    type: 'number',
    reads: '.spec.deletionPriority',
    get description() {
      return l10n.t(
        'Spec deletion priority (IntOrString, read as Go IntValue: "10" is 10, a non-numeric string is 0; missing is 0). ' +
          'Not the DP column, which shows status.',
      );
    },
    example: '{"deletionPriority":{"$range":[1,100]}}',
    integer: true,
    get: (o) => intOrStringValue(okg(o)?.spec?.deletionPriority),
  },
  {
    name: 'currentState',
    type: 'string',
    reads: '.status.currentState',
    get description() {
      return l10n.t('The state OKG computed from the pod. "" when unset.');
    },
    example: '{"currentState":"Ready"}',
    knownValues: GS_STATES,
    closedValues: true,
    get: (o) => str(okg(o)?.status?.currentState),
  },
  {
    name: 'currentNetworkState',
    type: 'string',
    reads: '.status.networkStatus.currentNetworkState',
    get description() {
      return l10n.t('The network state reported by the network plugin. "" when the GameServer has no network plugin.');
    },
    example: '{"currentNetworkState":"Ready"}',
    knownValues: NETWORK_STATES,
    closedValues: true,
    get: (o) => str(okg(o)?.status?.networkStatus?.currentNetworkState),
  },
  {
    name: 'images',
    type: 'string[]',
    reads: '.status.podStatus.containerStatuses[*] as "name,image"',
    get description() {
      return l10n.t('The images the runtime reports for each container, as "container,image", in containerStatuses order. Empty before the pod has a status.');
    },
    example: '{"images":{"$all":["game,registry.example.com/game:1.2.0"]}}',
    containerImagePairs: true,
    get: (o) => images(okg(o)?.status?.podStatus?.containerStatuses),
  },
]);

export const GAME_SERVER_SET_FIELDS: Registry = registry('GameServerSet', [
  namespaceField('GameServerSet'),
  nameField('GameServerSet', '{"name":"minecraft"}'),
  {
    name: 'images',
    type: 'string[]',
    reads: '.spec.gameServerTemplate.spec.containers[*] as "name,image"',
    get description() {
      return l10n.t('The images of the template\'s containers, as "container,image", in spec order (init containers excluded).');
    },
    example: '{"images":{"$all":["minecraft,itzg/minecraft-server:java21"]}}',
    containerImagePairs: true,
    get: (o) => images(okg(o)?.spec?.gameServerTemplate?.spec?.containers),
  },
]);

const ZERO: Record<FieldType, FieldValue> = { bool: false, number: 0, string: '', 'number[]': [], 'string[]': [] };

function fits(type: FieldType, v: unknown): boolean {
  switch (type) {
    case 'bool':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'number[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'number');
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
  }
}

/** A registry over plain objects: each field reads obj[field]; a missing or mistyped value reads as the zero value. */
export function customRegistry(types: Record<string, FieldType>): Registry {
  return registry(
    'custom',
    Object.entries(types).map(([name, type]) => ({
      name,
      type,
      reads: `.${name}`,
      get description() {
        return l10n.t('Custom field of type {0}.', type);
      },
      example: `{"${name}":...}`,
      get: (o) => {
        const v = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[name] : undefined;
        return fits(type, v) ? (v as FieldValue) : ZERO[type];
      },
    })),
  );
}

export function registryFor(target: 'GameServer' | 'GameServerSet' | Record<string, FieldType>): Registry {
  if (target === 'GameServer') return GAME_SERVER_FIELDS;
  if (target === 'GameServerSet') return GAME_SERVER_SET_FIELDS;
  return customRegistry(target);
}

/**
 * The object paths a registry's getters read, parsed from each field's `reads`: segments from the
 * object's root, `[*]` for every element of an array. `.a.b[*] as "x,y"` reads `x` and `y` of each
 * element of `a.b`. Code that keeps part of an object for filtering (the cluster cache) keeps these,
 * so a field added here is kept without anyone remembering to. A `reads` in any other form throws.
 */
export function readPaths(reg: Registry): string[][] {
  const out: string[][] = [];
  for (const f of reg.fields.values()) {
    const m = /^((?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[\*\])?)+)(?: as "([A-Za-z0-9_,]+)")?$/.exec(f.reads);
    if (!m) throw new Error(`field ${f.name}: cannot read the path in reads ${JSON.stringify(f.reads)}`);
    const path = m[1]
      .slice(1)
      .split('.')
      .flatMap((s) => (s.endsWith('[*]') ? [s.slice(0, -3), '[*]'] : [s]));
    if (m[2] === undefined) out.push(path);
    else for (const prop of m[2].split(',')) out.push([...path, prop]);
  }
  return out;
}
