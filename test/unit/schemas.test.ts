// The GameServer / GameServerSet schemas: they compile, describe every field, accept realistic
// objects, reject typos outside the pod template, and the pointer walk finds what the LSP needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GS_STATES, NETWORK_STATES, OPS_STATES } from '../../server/src/engine/okg';
import { createSchemaAjv, describeType, schemaAtPointer, schemaFor, schemaKeys, type JsonSchema, type SchemaKind } from '../../server/src/engine/schemas';

const ajv = createSchemaAjv();
const validators = {
  GameServer: ajv.compile(schemaFor('GameServer')),
  GameServerSet: ajv.compile(schemaFor('GameServerSet')),
};

function errorsOf(kind: SchemaKind, obj: unknown): string[] {
  const validate = validators[kind];
  return validate(obj) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

function gameServer(): Record<string, any> {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: {
      name: 'arena-3',
      namespace: 'games',
      uid: '0b6f1c9e-2a47-4d1e-9c55-7e3f2a1b9d00',
      resourceVersion: '90817',
      generation: 4,
      creationTimestamp: '2026-03-02T08:15:00Z',
      labels: { 'game.kruise.io/owner-gss': 'arena', 'gs-sync/match': 'open' },
      annotations: { 'game.kruise.io/gsTemplate-metadata-hash': '2233445566' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'arena-3', uid: 'a1', controller: true, blockOwnerDeletion: true }],
      managedFields: [{ manager: 'okg-controller', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
    },
    spec: {
      opsState: 'Allocated',
      updatePriority: 5,
      deletionPriority: '0',
      networkDisabled: false,
      containers: [{ name: 'game', image: 'registry.example.com/arena:2.0', resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: 2 } } }],
    },
    status: {
      desiredState: 'Ready',
      currentState: 'Ready',
      updatePriority: '5',
      deletionPriority: '0',
      lastTransitionTime: '2026-03-02T08:16:10Z',
      networkStatus: {
        networkType: 'Kubernetes-NodePort',
        currentNetworkState: 'Ready',
        desiredNetworkState: 'Ready',
        createTime: '2026-03-02T08:15:02Z',
        lastTransitionTime: '2026-03-02T08:15:30Z',
        internalAddresses: [{ ip: '10.1.2.3', ports: [{ name: 'game', protocol: 'UDP', port: 9000 }] }],
        externalAddresses: [
          { ip: '203.0.113.8', ports: [{ name: 'game', protocol: 'UDP', port: '31000' }], portRange: { protocol: 'UDP', portRange: '31000-31010' } },
        ],
      },
      podStatus: {
        phase: 'Running',
        podIP: '10.1.2.3',
        containerStatuses: [
          { name: 'game', image: 'registry.example.com/arena:2.0', ready: true, restartCount: 0, state: { running: { startedAt: '2026-03-02T08:16:00Z' } } },
        ],
      },
      serviceQualitiesConditions: [
        { name: 'players', status: 'True', result: '12', lastProbeTime: '2026-03-02T09:00:00Z', lastActionTransitionTime: '2026-03-02T08:30:00Z' },
      ],
      conditions: [{ type: 'PodNormal', status: 'True', lastTransitionTime: '2026-03-02T08:16:10Z' }],
    },
  };
}

function gameServerSet(): Record<string, any> {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServerSet',
    metadata: { name: 'arena', namespace: 'games', generation: 7, labels: { team: 'pvp' }, finalizers: [] },
    spec: {
      replicas: 6,
      serviceName: 'arena',
      reserveGameServerIds: [0, '4-5', 9],
      gameServerTemplate: {
        reclaimPolicy: 'Delete',
        metadata: { labels: { app: 'arena' }, annotations: { note: 'x' }, creationTimestamp: null },
        spec: {
          terminationGracePeriodSeconds: 30,
          containers: [{ name: 'game', image: 'registry.example.com/arena:2.0', ports: [{ containerPort: 9000, protocol: 'UDP' }] }],
        },
        volumeClaimTemplates: [{ metadata: { name: 'saves' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } }],
      },
      serviceQualities: [
        {
          name: 'players',
          containerName: 'game',
          permanent: false,
          periodSeconds: 10,
          exec: { command: ['/bin/sh', '-c', 'cat /run/players'] },
          serviceQualityAction: [
            { state: true, result: '0', opsState: 'WaitToBeDeleted', deletionPriority: 100 },
            { state: true, result: 'full', updatePriority: '-1', labels: { 'gs-sync/full': 'true' }, annotations: { why: 'full' } },
            { state: false, networkDisabled: true },
          ],
        },
        { name: 'http', containerName: 'game', permanent: true, httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' } },
        { name: 'tcp', containerName: 'game', permanent: true, tcpSocket: { port: 9000 }, timeoutSeconds: 2 },
      ],
      updateStrategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          partition: 2,
          maxUnavailable: '25%',
          podUpdatePolicy: 'InPlaceIfPossible',
          paused: false,
          minReadySeconds: 30,
          inPlaceUpdateStrategy: { gracePeriodSeconds: 10 },
        },
      },
      scaleStrategy: { scaleDownStrategyType: 'ReserveIds', maxUnavailable: 1 },
      network: { networkType: 'Kubernetes-HostPort', networkConf: [{ name: 'ContainerPorts', value: 'game:9000/UDP' }] },
      lifecycle: {
        preDelete: { labelsHandler: { 'gs-sync/delete-block': 'true' }, markPodNotReady: true },
        inPlaceUpdate: { finalizersHandler: ['example.com/drain'] },
      },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Delete', whenScaled: 'Retain' },
    },
    status: {
      observedGeneration: 7,
      replicas: 6,
      currentReplicas: 6,
      readyReplicas: 5,
      availableReplicas: 5,
      updatedReplicas: 4,
      updatedReadyReplicas: 4,
      maintainingReplicas: 0,
      waitToBeDeletedReplicas: 1,
      preDeleteReplicas: 0,
      labelSelector: 'game.kruise.io/owner-gss=arena',
    },
  };
}

test('schemas: both compile with ajv in strict mode', () => {
  for (const kind of ['GameServer', 'GameServerSet'] as const) {
    assert.equal(typeof validators[kind], 'function', kind);
    assert.equal(ajv.validateSchema(schemaFor(kind)), true, `${kind}: ${JSON.stringify(ajv.errors)}`);
  }
});

test('schemas: every property carries a description', () => {
  const missing: string[] = [];
  const visit = (s: JsonSchema, where: string) => {
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      if (!child.description) missing.push(`${where}/${key}`);
      visit(child, `${where}/${key}`);
    }
    if (typeof s.additionalProperties === 'object') {
      if (!s.additionalProperties.description) missing.push(`${where}/*`);
      visit(s.additionalProperties, `${where}/*`);
    }
    if (s.items) {
      if (!s.items.description) missing.push(`${where}/[]`);
      visit(s.items, `${where}/[]`);
    }
  };
  for (const kind of ['GameServer', 'GameServerSet'] as const) visit(schemaFor(kind), kind);
  assert.deepEqual(missing, []);
});

test('schemas: a realistic GameServer validates', () => {
  assert.deepEqual(errorsOf('GameServer', gameServer()), []);
});

test('schemas: a realistic GameServerSet validates', () => {
  assert.deepEqual(errorsOf('GameServerSet', gameServerSet()), []);
});

const typos: { name: string; kind: SchemaKind; edit: (o: Record<string, any>) => void; want: RegExp }[] = [
  { name: 'GS spec DeletionPriority', kind: 'GameServer', edit: (o) => (o.spec.DeletionPriority = 10), want: /additionalProperty":"DeletionPriority/ },
  { name: 'GS metadata lables', kind: 'GameServer', edit: (o) => (o.metadata.lables = {}), want: /additionalProperty":"lables/ },
  { name: 'GS status network typo', kind: 'GameServer', edit: (o) => (o.status.networkStatus.curentNetworkState = 'Ready'), want: /curentNetworkState/ },
  { name: 'GSS spec replica', kind: 'GameServerSet', edit: (o) => (o.spec.replica = 3), want: /additionalProperty":"replica"/ },
  { name: 'GSS serviceQuality permanant', kind: 'GameServerSet', edit: (o) => (o.spec.serviceQualities[0].permanant = true), want: /permanant/ },
  { name: 'GSS action opstate', kind: 'GameServerSet', edit: (o) => (o.spec.serviceQualities[0].serviceQualityAction[0].opstate = 'Kill'), want: /opstate/ },
  { name: 'GSS rollingUpdate partiton', kind: 'GameServerSet', edit: (o) => (o.spec.updateStrategy.rollingUpdate.partiton = 1), want: /partiton/ },
  { name: 'GSS template reclaimPolicy typo', kind: 'GameServerSet', edit: (o) => (o.spec.gameServerTemplate.reclaimpolicy = 'Delete'), want: /reclaimpolicy/ },
  { name: 'GSS status readyReplica', kind: 'GameServerSet', edit: (o) => (o.status.readyReplica = 1), want: /readyReplica"/ },
  {
    name: 'GSS enum podUpdatePolicy',
    kind: 'GameServerSet',
    edit: (o) => (o.spec.updateStrategy.rollingUpdate.podUpdatePolicy = 'InPlace'),
    want: /allowedValues/,
  },
  { name: 'GSS missing replicas', kind: 'GameServerSet', edit: (o) => delete o.spec.replicas, want: /missingProperty":"replicas/ },
  {
    name: 'GSS action without state',
    kind: 'GameServerSet',
    edit: (o) => delete o.spec.serviceQualities[0].serviceQualityAction[2].state,
    want: /missingProperty":"state/,
  },
  { name: 'wrong apiVersion', kind: 'GameServer', edit: (o) => (o.apiVersion = 'v1'), want: /allowedValues/ },
  { name: 'bad creationTimestamp', kind: 'GameServer', edit: (o) => (o.metadata.creationTimestamp = 'yesterday'), want: /date-time/ },
];

for (const t of typos) {
  test(`schemas: rejects ${t.name}`, () => {
    const obj = t.kind === 'GameServer' ? gameServer() : gameServerSet();
    t.edit(obj);
    const errors = errorsOf(t.kind, obj);
    assert.ok(
      errors.some((e) => t.want.test(e)),
      `${t.name}: ${JSON.stringify(errors)}`,
    );
  });
}

test('schemas: the pod template and podStatus stay loose', () => {
  const gss = gameServerSet();
  gss.spec.gameServerTemplate.spec.contianers = [];
  gss.spec.gameServerTemplate.metadata.whatever = 1;
  assert.deepEqual(errorsOf('GameServerSet', gss), []);
  const gs = gameServer();
  gs.status.podStatus.anything = { at: ['all'] };
  assert.deepEqual(errorsOf('GameServer', gs), []);
});

test('schemas: the parts the engine reads stay typed inside loose objects', () => {
  const gss = gameServerSet();
  gss.spec.gameServerTemplate.spec.containers[0].image = 3;
  assert.ok(errorsOf('GameServerSet', gss).some((e) => e.startsWith('/spec/gameServerTemplate/spec/containers/0/image')));
  const gs = gameServer();
  gs.status.podStatus.containerStatuses[0].name = false;
  assert.ok(errorsOf('GameServer', gs).some((e) => e.startsWith('/status/podStatus/containerStatuses/0/name')));
});

const intOrString: { name: string; kind: SchemaKind; edit: (o: Record<string, any>, v: unknown) => void }[] = [
  { name: 'GS updatePriority', kind: 'GameServer', edit: (o, v) => (o.spec.updatePriority = v) },
  { name: 'GS deletionPriority', kind: 'GameServer', edit: (o, v) => (o.spec.deletionPriority = v) },
  { name: 'GS status port', kind: 'GameServer', edit: (o, v) => (o.status.networkStatus.internalAddresses[0].ports[0].port = v) },
  { name: 'GSS reserve id', kind: 'GameServerSet', edit: (o, v) => (o.spec.reserveGameServerIds[0] = v) },
  { name: 'GSS maxUnavailable', kind: 'GameServerSet', edit: (o, v) => (o.spec.updateStrategy.rollingUpdate.maxUnavailable = v) },
  { name: 'GSS action priority', kind: 'GameServerSet', edit: (o, v) => (o.spec.serviceQualities[0].serviceQualityAction[0].updatePriority = v) },
  { name: 'GSS httpGet port', kind: 'GameServerSet', edit: (o, v) => (o.spec.serviceQualities[1].httpGet.port = v) },
];

for (const f of intOrString) {
  test(`schemas: int-or-string ${f.name}`, () => {
    for (const ok of [7, '7', '20%']) {
      const obj = f.kind === 'GameServer' ? gameServer() : gameServerSet();
      f.edit(obj, ok);
      assert.deepEqual(errorsOf(f.kind, obj), [], `${f.name} = ${JSON.stringify(ok)}`);
    }
    for (const bad of [true, 1.5, null, {}]) {
      const obj = f.kind === 'GameServer' ? gameServer() : gameServerSet();
      f.edit(obj, bad);
      assert.notDeepEqual(errorsOf(f.kind, obj), [], `${f.name} = ${JSON.stringify(bad)} must be rejected`);
    }
  });
}

test('schemas: OKG values match the engine constants', () => {
  const gs = schemaFor('GameServer');
  assert.deepEqual(schemaAtPointer('GameServer', ['spec', 'opsState'])?.['x-okg-reserved'], [...OPS_STATES]);
  assert.deepEqual(schemaAtPointer('GameServerSet', ['spec', 'serviceQualities', '0', 'serviceQualityAction', '0', 'opsState'])?.['x-okg-reserved'], [
    ...OPS_STATES,
  ]);
  assert.deepEqual(schemaAtPointer('GameServer', ['status', 'desiredState'])?.enum, [...GS_STATES]);
  assert.deepEqual(schemaAtPointer('GameServer', ['status', 'networkStatus', 'currentNetworkState'])?.enum, [...NETWORK_STATES]);
  assert.equal(schemaAtPointer('GameServer', ['spec', 'opsState'])?.enum, undefined, 'opsState stays a free string');
  assert.ok(gs.properties?.spec.properties?.opsState.description?.includes('WaitToBeDeleted'));
});

const pointers: { name: string; kind: SchemaKind; path: string[]; type: string | undefined }[] = [
  { name: 'root', kind: 'GameServer', path: [], type: 'object' },
  { name: 'spec field', kind: 'GameServer', path: ['spec', 'networkDisabled'], type: 'boolean' },
  { name: 'int-or-string', kind: 'GameServer', path: ['spec', 'updatePriority'], type: 'integer or string' },
  { name: 'label map key', kind: 'GameServer', path: ['metadata', 'labels', 'game.kruise.io/owner-gss'], type: 'string' },
  { name: 'array index', kind: 'GameServer', path: ['spec', 'containers', '3', 'image'], type: 'string' },
  { name: 'append position', kind: 'GameServerSet', path: ['spec', 'reserveGameServerIds', '-'], type: 'integer or string' },
  { name: 'loose template', kind: 'GameServerSet', path: ['spec', 'gameServerTemplate', 'spec', 'nodeSelector'], type: 'any value' },
  { name: 'typed part of the template', kind: 'GameServerSet', path: ['spec', 'gameServerTemplate', 'spec', 'containers', '0', 'name'], type: 'string' },
  { name: 'unknown field', kind: 'GameServer', path: ['spec', 'opstate'], type: undefined },
  { name: 'non-index on an array', kind: 'GameServer', path: ['spec', 'containers', 'game'], type: undefined },
  { name: 'below a scalar', kind: 'GameServer', path: ['spec', 'opsState', 'x'], type: undefined },
  { name: 'GS field on a GSS', kind: 'GameServerSet', path: ['spec', 'opsState'], type: undefined },
];

for (const p of pointers) {
  test(`schemas: schemaAtPointer ${p.name}`, () => {
    const s = schemaAtPointer(p.kind, p.path);
    assert.equal(s && describeType(s), p.type, `${p.kind} /${p.path.join('/')}`);
  });
}

test('schemas: schemaKeys lists children with descriptions and required flags', () => {
  const sq = schemaAtPointer('GameServerSet', ['spec', 'serviceQualities', '0']);
  assert.ok(sq);
  const keys = schemaKeys(sq);
  assert.deepEqual(keys.map((k) => k.name).sort(), [
    'containerName',
    'exec',
    'failureThreshold',
    'grpc',
    'httpGet',
    'initialDelaySeconds',
    'name',
    'periodSeconds',
    'permanent',
    'serviceQualityAction',
    'successThreshold',
    'tcpSocket',
    'terminationGracePeriodSeconds',
    'timeoutSeconds',
  ]);
  assert.deepEqual(
    keys
      .filter((k) => k.required)
      .map((k) => k.name)
      .sort(),
    ['name', 'permanent'],
  );
  assert.ok(
    keys.every((k) => (k.description ?? '').length > 10),
    'every key has a description',
  );
  const labels = schemaAtPointer('GameServer', ['metadata', 'labels']);
  assert.ok(labels);
  assert.deepEqual(schemaKeys(labels), [], 'a map lists no fixed keys');
});
