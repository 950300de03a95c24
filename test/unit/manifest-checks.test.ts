// Each manifest check, table-driven: a realistic GameServerSet (or GameServer) broken in one way yields
// exactly the expected problem codes, the first at the expected range.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkManifest } from '../../server/src/engine/manifest';
import { CLEAN_GS, CLEAN_GSS, edit, rangeOf } from './manifest-fixtures';

interface Case {
  name: string;
  text: string;
  /** Codes of all problems, in order; the first is the one under test. */
  codes: string[];
  /** Where the first problem must be: a needle in the text, and which occurrence. */
  at?: [string, number?];
  data?: Record<string, unknown>;
}

const sq2 = 'containerName: game\n      permanent: true';
const httpBlock = '      httpGet:\n        path: /healthz\n        port: 8080\n        scheme: HTTP\n';
const rolling = '  updateStrategy:\n    rollingUpdate:\n      podUpdatePolicy: InPlaceIfPossible\n      maxUnavailable: 20%\n      partition: 0\n';

const CASES: Case[] = [
  // serviceQualities: names
  {
    name: 'missing name',
    text: edit(CLEAN_GSS, '    - name: idle\n      containerName: game', '    - containerName: game'),
    codes: ['sq-name-missing'],
    at: ['containerName: game'],
  },
  {
    name: 'missing name, a comment after the first line',
    text: edit(CLEAN_GSS, '    - name: idle\n      containerName: game', '    - containerName: game # the name is missing'),
    codes: ['sq-name-missing'],
    at: ['containerName: game'],
  },
  { name: 'duplicate name', text: edit(CLEAN_GSS, 'name: http-ready', 'name: idle'), codes: ['sq-name-duplicate'], at: ['idle', 1] },
  { name: 'native condition name', text: edit(CLEAN_GSS, 'name: idle', 'name: Ready'), codes: ['sq-name-native-condition'], at: ['Ready'] },
  { name: 'name with #', text: edit(CLEAN_GSS, 'name: idle', 'name: "idle#1"'), codes: ['sq-name-hash'], at: ['"idle#1"'] },
  { name: 'name not a label key', text: edit(CLEAN_GSS, 'name: idle', 'name: -idle'), codes: ['sq-name-invalid'], at: ['-idle'] },
  // serviceQualities: container
  { name: 'missing containerName', text: edit(CLEAN_GSS, sq2, 'permanent: true'), codes: ['sq-container-missing'], at: ['http-ready'] },
  {
    name: 'containerName of no container',
    text: edit(CLEAN_GSS, sq2, 'containerName: gmae\n      permanent: true'),
    codes: ['sq-container-unknown'],
    at: ['gmae'],
  },
  // serviceQualities: probe handler
  { name: 'no probe handler', text: edit(CLEAN_GSS, httpBlock, ''), codes: ['sq-handler-missing'], at: ['http-ready'] },
  {
    name: 'two probe handlers',
    text: edit(CLEAN_GSS, httpBlock, `${httpBlock}      tcpSocket:\n        port: 8080\n`),
    codes: ['sq-handler-multiple'],
    at: ['tcpSocket'],
  },
  { name: 'grpc probe', text: edit(CLEAN_GSS, httpBlock, '      grpc:\n        port: 8080\n'), codes: ['sq-grpc'], at: ['grpc'] },
  {
    name: 'empty exec.command',
    text: edit(CLEAN_GSS, 'command: ["/bin/sh", "-c", "/opt/game/players.sh"]', 'command: []'),
    codes: ['sq-exec-command-empty'],
    at: ['command', 1],
  },
  { name: 'httpGet without path', text: edit(CLEAN_GSS, '        path: /healthz\n', ''), codes: ['sq-http-path-missing'], at: ['httpGet'] },
  { name: 'httpGet with bad scheme', text: edit(CLEAN_GSS, 'scheme: HTTP', 'scheme: TCP'), codes: ['sq-http-scheme-invalid'], at: ['TCP'] },
  { name: 'httpGet without scheme', text: edit(CLEAN_GSS, '        scheme: HTTP\n', ''), codes: ['sq-http-scheme-missing'], at: ['httpGet'] },
  { name: 'negative timing', text: edit(CLEAN_GSS, 'periodSeconds: 5', 'periodSeconds: -5'), codes: ['sq-timing-negative'], at: ['-5'] },
  // serviceQualities: actions
  {
    name: 'state false with result',
    text: edit(CLEAN_GSS, 'opsState: Maintaining', 'result: occupied\n          opsState: Maintaining'),
    codes: ['sq-false-result'],
    at: ['occupied'],
  },
  {
    name: 'catch-all after a specific action',
    text: edit(CLEAN_GSS, '        - state: false\n', '        - state: true\n          opsState: Allocated\n        - state: false\n'),
    codes: ['sq-catch-all-after-specific'],
    at: ['state', 2],
  },
  {
    name: 'containers in an action',
    text: edit(CLEAN_GSS, 'deletionPriority: 10', 'deletionPriority: 10\n          containers:\n            - name: game\n              image: x:1'),
    codes: ['sq-action-containers'],
    at: ['containers', 1],
  },
  {
    name: 'near-miss opsState in an action',
    text: edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: maintaining'),
    codes: ['ops-state-near-miss'],
    at: ['maintaining'],
    data: { replacement: 'Maintaining' },
  },
  {
    name: 'custom opsState',
    text: edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: GateMaintaining'),
    codes: ['ops-state-custom'],
    at: ['GateMaintaining'],
  },
  {
    name: 'opsState not a label value',
    text: edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: "under repair"'),
    codes: ['ops-state-label-value'],
    at: ['"under repair"'],
  },
  {
    name: 'priority not an integer string',
    text: edit(CLEAN_GSS, 'deletionPriority: 10', 'deletionPriority: "high"'),
    codes: ['priority-not-integer'],
    at: ['"high"'],
  },
  { name: 'priority a float', text: edit(CLEAN_GSS, 'deletionPriority: 10', 'deletionPriority: 1.5'), codes: ['priority-not-integer'], at: ['1.5'] },
  {
    name: 'priority beyond int32',
    text: edit(CLEAN_GSS, 'deletionPriority: 10', 'deletionPriority: 3000000000'),
    codes: ['priority-not-int32'],
    at: ['3000000000'],
  },
  {
    name: 'priority string beyond int64',
    text: edit(CLEAN_GSS, 'deletionPriority: 10', 'deletionPriority: "99999999999999999999"'),
    codes: ['priority-out-of-range'],
    at: ['"99999999999999999999"'],
  },
  {
    name: 'priority not a label value',
    text: edit(CLEAN_GSS, 'deletionPriority: 10', 'deletionPriority: "-10"'),
    codes: ['priority-label-value'],
    at: ['"-10"'],
  },
  {
    name: 'action label not a label value',
    text: edit(CLEAN_GSS, 'gs-sync/probe: failed', 'gs-sync/probe: "probe failed"'),
    codes: ['label-value'],
    at: ['"probe failed"'],
  },
  { name: 'updatePriority without rollingUpdate', text: edit(CLEAN_GSS, rolling, ''), codes: ['update-priority-ignored'], at: ['updatePriority'] },
  // reserveGameServerIds
  {
    name: 'numeric string id',
    text: edit(CLEAN_GSS, '[1, 2, "5-7"]', '[1, "2", "5-7"]'),
    codes: ['reserve-id-numeric-string'],
    at: ['"2"'],
    data: { replacement: 2 },
  },
  { name: 'reversed range', text: edit(CLEAN_GSS, '[1, 2, "5-7"]', '[1, 2, "7-5"]'), codes: ['reserve-id-malformed'], at: ['"7-5"'] },
  { name: 'malformed range', text: edit(CLEAN_GSS, '[1, 2, "5-7"]', '[1, 2, "5-x"]'), codes: ['reserve-id-malformed'], at: ['"5-x"'] },
  { name: 'negative id', text: edit(CLEAN_GSS, '[1, 2, "5-7"]', '[1, -2, "5-7"]'), codes: ['reserve-id-negative'], at: ['-2'] },
  { name: 'duplicate id', text: edit(CLEAN_GSS, '[1, 2, "5-7"]', '[1, 2, "5-7", 9, 9]'), codes: ['reserve-id-duplicate'], at: ['9', 1] },
  { name: 'overlapping range', text: edit(CLEAN_GSS, '[1, 2, "5-7"]', '[1, 6, "5-7"]'), codes: ['reserve-id-overlap'], at: ['"5-7"'] },
  // updateStrategy
  {
    name: 'OnDelete with rollingUpdate',
    text: edit(CLEAN_GSS, '  updateStrategy:\n', '  updateStrategy:\n    type: OnDelete\n'),
    codes: ['on-delete-with-rolling-update'],
    at: ['OnDelete'],
  },
  {
    name: 'InPlaceOnly',
    text: edit(CLEAN_GSS, 'InPlaceIfPossible', 'InPlaceOnly'),
    codes: ['in-place-only'],
    at: ['InPlaceOnly'],
    data: { replacement: 'InPlaceIfPossible' },
  },
  // pod template (kubernetes-models core/v1 PodTemplateSpec)
  {
    name: 'misspelt containers',
    text: edit(CLEAN_GSS, '      containers:\n', '      contianers:\n'),
    codes: ['pod-template-unknown-field'],
    at: ['contianers'],
    data: { replacement: 'containers' },
  },
  {
    name: 'container without name',
    text: edit(CLEAN_GSS, '        - name: sidecar\n          image:', '        - image:'),
    codes: ['pod-template-required'],
    at: ['image: busybox:1.37.0'],
  },
  { name: 'container without image', text: edit(CLEAN_GSS, '          image: busybox:1.37.0\n', ''), codes: ['pod-template-image-missing'], at: ['sidecar'] },
  {
    name: 'misspelt imagePullPolicy in a container',
    text: edit(CLEAN_GSS, 'imagePullPolicy: IfNotPresent', 'imagePullPolicyy: IfNotPresent'),
    codes: ['pod-template-unknown-field'],
    at: ['imagePullPolicyy'],
    data: { replacement: 'imagePullPolicy' },
  },
  {
    name: 'resource for resources in a container',
    text: edit(CLEAN_GSS, '          resources:\n', '          resource:\n'),
    codes: ['pod-template-unknown-field'],
    at: ['resource'],
    data: { replacement: 'resources' },
  },
  {
    name: 'nodeselector in the pod spec',
    text: edit(CLEAN_GSS, 'terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 30\n      nodeselector:\n        pool: games'),
    codes: ['pod-template-unknown-field'],
    at: ['nodeselector'],
    data: { replacement: 'nodeSelector' },
  },
  {
    name: 'httpget in a container probe',
    text: edit(
      CLEAN_GSS,
      '          imagePullPolicy: IfNotPresent\n',
      '          imagePullPolicy: IfNotPresent\n          livenessProbe:\n            httpget:\n              path: /live\n              port: 8080\n',
    ),
    codes: ['pod-template-unknown-field'],
    at: ['httpget'],
    data: { replacement: 'httpGet' },
  },
  {
    name: 'unknown key in the template metadata',
    text: edit(CLEAN_GSS, '      labels:\n        game: pve', '      labels:\n        game: pve\n      anotations:\n        team: pve'),
    codes: ['pod-template-unknown-field'],
    at: ['anotations'],
    data: { replacement: 'annotations' },
  },
  {
    name: 'unknown key with no near miss in a volume',
    text: edit(
      CLEAN_GSS,
      'terminationGracePeriodSeconds: 30',
      'terminationGracePeriodSeconds: 30\n      volumes:\n        - name: data\n          scratch: {}',
    ),
    codes: ['pod-template-unknown-field'],
    at: ['scratch'],
  },
  { name: 'bad imagePullPolicy', text: edit(CLEAN_GSS, 'IfNotPresent', 'Sometimes'), codes: ['pod-template-enum'], at: ['Sometimes'] },
  { name: 'bad quantity', text: edit(CLEAN_GSS, 'cpu: 500m', 'cpu: 5 cores'), codes: ['pod-template-type'], at: ['5 cores'] },
  { name: 'port as a string', text: edit(CLEAN_GSS, 'containerPort: 7777', 'containerPort: "7777"'), codes: ['pod-template-type'], at: ['"7777"'] },
  // our schema
  {
    name: 'unknown field (capitalised)',
    text: edit(CLEAN_GSS, 'permanent: true', 'permanent: true\n      DeletionPriority: 3'),
    codes: ['schema-unknown-field'],
    at: ['DeletionPriority'],
  },
  {
    name: 'misspelt replicas',
    text: edit(CLEAN_GSS, 'replicas: 4', 'replica: 4'),
    codes: ['schema-required', 'schema-unknown-field'],
    at: ['spec'],
  },
  { name: 'missing permanent', text: edit(CLEAN_GSS, '      permanent: false\n', ''), codes: ['schema-required'], at: ['name: idle'] },
  { name: 'replicas of the wrong type', text: edit(CLEAN_GSS, 'replicas: 4', 'replicas: four'), codes: ['schema-type'], at: ['four'] },
  { name: 'reclaimPolicy not allowed', text: edit(CLEAN_GSS, 'reclaimPolicy: Delete', 'reclaimPolicy: Remove'), codes: ['schema-enum'], at: ['Remove'] },
  { name: 'YAML syntax error', text: edit(CLEAN_GSS, '  replicas: 4\n', '  replicas: 4\n  bad: [1\n'), codes: ['yaml-syntax', 'schema-unknown-field'] },
  // GameServer
  {
    name: 'GameServer near-miss opsState',
    text: edit(CLEAN_GS, 'opsState: Allocated', 'opsState: allocated'),
    codes: ['ops-state-near-miss'],
    at: ['allocated'],
    data: { replacement: 'Allocated' },
  },
  { name: 'GameServer float priority', text: edit(CLEAN_GS, 'updatePriority: 5', 'updatePriority: 5.5'), codes: ['priority-not-integer'], at: ['5.5'] },
  {
    name: 'GameServer unknown spec field',
    text: edit(CLEAN_GS, 'networkDisabled: false', 'networkDisable: true'),
    codes: ['schema-unknown-field'],
    at: ['networkDisable'],
    data: { replacement: 'networkDisabled' },
  },
];

function show(p: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  return `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`;
}

describe('manifest checks', () => {
  test('the clean GameServerSet and GameServer have no problems', () => {
    assert.deepEqual(checkManifest(CLEAN_GSS), [], 'clean GameServerSet');
    assert.deepEqual(checkManifest(CLEAN_GS), [], 'clean GameServer');
    assert.deepEqual(checkManifest(`${CLEAN_GSS}---\n${CLEAN_GS}`), [], 'both in one stream');
  });

  for (const c of CASES) {
    test(c.name, () => {
      const problems = checkManifest(c.text);
      assert.deepEqual(
        problems.map((p) => p.code),
        c.codes,
        `${c.name}: codes (messages: ${problems.map((p) => p.message).join(' | ')})`,
      );
      const [first] = problems;
      assert.ok(first.message.length > 20, `${c.name}: message says what happens`);
      if (c.at) assert.equal(show(first), rangeOf(c.text, c.at[0], c.at[1]), `${c.name}: range`);
      if (c.data) assert.deepEqual(first.data, c.data, `${c.name}: data`);
    });
  }

  test('a near-miss opsState in an alias is reported where the alias is used', () => {
    const text = edit(
      edit(CLEAN_GSS, '      serviceQualityAction:\n        - state: true\n          updatePriority: 20', '      serviceQualityAction: *actions'),
      '      serviceQualityAction:\n',
      '      serviceQualityAction: &actions\n',
    ).replace('opsState: Maintaining', 'opsState: maintaining');
    const problems = checkManifest(text).filter((p) => p.code === 'ops-state-near-miss');
    assert.deepEqual(problems.map(show), [rangeOf(text, 'maintaining'), rangeOf(text, '*actions')], 'anchor and alias');
  });

  test('a realistic pod template using many core/v1 fields has no problems', () => {
    const text = edit(
      CLEAN_GSS,
      '    spec:\n      terminationGracePeriodSeconds: 30\n',
      `    spec:
      terminationGracePeriodSeconds: 30
      serviceAccountName: game
      nodeSelector:
        pool: games
      tolerations:
        - key: dedicated
          operator: Equal
          value: games
          effect: NoSchedule
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels:
                    game: pve
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      volumes:
        - name: config
          configMap:
            name: pve-config
            items:
              - key: game.ini
                path: game.ini
        - name: scratch
          emptyDir:
            sizeLimit: 1Gi
      initContainers:
        - name: fetch
          image: busybox:1.37.0
          args: ["true"]
          env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          envFrom:
            - configMapRef:
                name: pve-env
          volumeMounts:
            - name: scratch
              mountPath: /scratch
          livenessProbe:
            httpGet:
              path: /live
              port: http
              httpHeaders:
                - name: X-Probe
                  value: "1"
            initialDelaySeconds: 5
          readinessProbe:
            tcpSocket:
              port: 7777
          lifecycle:
            preStop:
              exec:
                command: ["sh", "-c", "sleep 5"]
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
`,
    );
    assert.deepEqual(
      checkManifest(text).map((p) => `${p.code}: ${p.message}`),
      [],
      'realistic template',
    );
  });

  test('a misspelt required field gives exactly one problem', () => {
    const text = edit(CLEAN_GSS, '      containers:\n', '      contianers:\n');
    assert.deepEqual(
      checkManifest(text).map((p) => p.code),
      ['pod-template-unknown-field'],
      'contianers',
    );
  });
});

describe('other documents', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "three"
  opsState: kill
  template:
    spec:
      contianers: []
`;
  const configMap = 'apiVersion: game.kruise.io/v1alpha1\nkind: GameServerConfig\nspec: {opsState: kill}\n';

  test('a non-OKG document in the same file is untouched', () => {
    const text = `${deployment}---\n${edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: maintaining')}---\n${configMap}`;
    const problems = checkManifest(text);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['ops-state-near-miss'],
      'only the GameServerSet is checked',
    );
    assert.equal(show(problems[0]), rangeOf(text, 'maintaining'), 'range in the whole file');
  });

  test('YAML that holds no OKG document yields nothing, syntax errors included', () => {
    assert.deepEqual(checkManifest(`${deployment}---\nkey: [unclosed\n`), [], 'no OKG document');
    assert.deepEqual(checkManifest(''), [], 'empty text');
  });
});
