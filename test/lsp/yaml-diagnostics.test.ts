// Diagnostics of GameServerSet / GameServer YAML through the server: the checks of OKG's silent traps, each with
// its code and its exact range, in a multi-document file whose other documents get nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { CLEAN_GS, CLEAN_GSS, edit } from '../unit/manifest-fixtures';
import { LspHarness, rangeAt } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

/** The server publishes nothing for a YAML file without problems, so this waits until it has had its turn. */
async function diagnose(text: string): Promise<Diagnostic[]> {
  return h.settledDiagnostics(h.open(`d${n++}.yaml`, text));
}

/** Lines tagged `# tag` mark where a problem is; the tag is outside every range asserted. */
function on(text: string, tag: string, needle: string, nth = 0): Range {
  const lines = text.split('\n');
  const tagged = lines.flatMap((l, i) => (l.endsWith(`# ${tag}`) ? [i] : []));
  assert.equal(tagged.length, 1, `exactly one line tagged "# ${tag}"`);
  const [line] = tagged;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = lines[line].indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" on the line tagged "# ${tag}"`);
  return { start: { line, character: at }, end: { line, character: at + needle.length } };
}

const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** `code @ range` lines, sorted by position, for a diff that names every misplaced or missing problem. */
function listed(items: { code?: unknown; range: Range }[]): string[] {
  return items
    .map((d) => ({
      key: `${String(d.range.start.line).padStart(4, '0')}:${String(d.range.start.character).padStart(4, '0')}`,
      line: `${String(d.code)} @ ${show(d.range)}`,
    }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.line.localeCompare(b.line))
    .map((d) => d.line);
}

const MULTI = `# Not OKG: the same mistakes in a Deployment get nothing.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  template:
    spec:
      contianers: []
---
apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: battle
spec:
  replicas: 2
  reserveGameServerIds: [-1, "3", 4, 4, "4-6", "7-"] # ids
  updateStrategy:
    type: OnDelete # on-delete
    rollingUpdate:
      podUpdatePolicy: InPlaceOnly # in-place-only
  gameServerTemplate:
    spec:
      containers:
        - name: game
          image: game:1.0
          imagePullPolicyy: Always # typo
        - name: sidecar # no-image
  serviceQualities:
    - containerName: game
      permanent: false
      exec:
        command: [] # empty-command
    - name: Ready # native
      containerName: gmae # unknown-container
      permanent: false
      timeoutSeconds: -1 # negative
      grpc: # grpc
        port: 9000
    - name: "a#b" # hash
      permanent: false
      httpGet: # http
        port: 80
      tcpSocket: # second-handler
        port: 80
    - name: probe
      containerName: game
      permanent: false
      httpGet:
        path: /healthz
        port: 80
        scheme: TCP # scheme
      serviceQualityAction:
        - state: false
          result: busy # false-result
          opsState: kill # near-miss
        - state: false # catch-all
          opsState: Maintaining
        - state: true
          opsState: "bad state" # label-ops
          updatePriority: -5 # label-priority
          deletionPriority: "2.5" # not-integer
          labels:
            gs-sync/probe: "bad value" # label
          containers: [] # action-containers
        - state: true
          opsState: GateMaintaining # custom
    - name: probe # duplicate
      containerName: game
      permanent: false
      exec:
        command: ["/probe.sh"]
    - name: nohandler # no-handler
      containerName: game
      permanent: true
---
apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: lobby
spec:
  replicas: 1
  gameServerTemplate:
    spec:
      contianers: # contianers
        - name: lobby
          image: lobby:1
  serviceQualities:
    - name: idle
      containerName: lobby
      permanent: false
      exec:
        command: ["/idle.sh"]
      serviceQualityAction:
        - state: true
          updatePriority: 10 # ignored
---
apiVersion: game.kruise.io/v1alpha1
kind: GameServer
metadata:
  name: battle-0
spec:
  opsState: Kill
  updatePriority: -5 # gs-priority
  deletionPriority: 1.5 # gs-float
  DeletionPriority: 10 # capital
  networkDisabled: "yes" # string-bool
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: [unclosed
`;

describe('yaml diagnostics', () => {
  test('a multi-document file: every OKG check (docs/okg-facts.md) at its exact range, nothing for the Deployment and the ConfigMap', async () => {
    const expected: [string, Range][] = [
      ['reserve-id-negative', on(MULTI, 'ids', '-1')],
      ['reserve-id-numeric-string', on(MULTI, 'ids', '"3"')],
      ['reserve-id-duplicate', on(MULTI, 'ids', '4', 1)],
      ['reserve-id-overlap', on(MULTI, 'ids', '"4-6"')],
      ['reserve-id-malformed', on(MULTI, 'ids', '"7-"')],
      ['on-delete-with-rolling-update', on(MULTI, 'on-delete', 'OnDelete')],
      ['in-place-only', on(MULTI, 'in-place-only', 'InPlaceOnly')],
      ['pod-template-unknown-field', on(MULTI, 'typo', 'imagePullPolicyy')],
      ['pod-template-image-missing', on(MULTI, 'no-image', 'sidecar')],
      // A service quality without a name is marked on its first line (the first containerName of the file).
      ['sq-name-missing', rangeAt(MULTI, 'containerName: game')],
      ['sq-exec-command-empty', on(MULTI, 'empty-command', 'command')],
      ['sq-name-native-condition', on(MULTI, 'native', 'Ready')],
      ['sq-container-unknown', on(MULTI, 'unknown-container', 'gmae')],
      ['sq-timing-negative', on(MULTI, 'negative', '-1')],
      ['sq-grpc', on(MULTI, 'grpc', 'grpc')],
      ['sq-name-hash', on(MULTI, 'hash', '"a#b"')],
      ['sq-container-missing', on(MULTI, 'hash', '"a#b"')],
      ['sq-http-path-missing', on(MULTI, 'http', 'httpGet')],
      ['sq-http-scheme-missing', on(MULTI, 'http', 'httpGet')],
      ['sq-handler-multiple', on(MULTI, 'second-handler', 'tcpSocket')],
      ['sq-http-scheme-invalid', on(MULTI, 'scheme', 'TCP')],
      ['sq-false-result', on(MULTI, 'false-result', 'busy')],
      ['ops-state-near-miss', on(MULTI, 'near-miss', 'kill')],
      ['sq-catch-all-after-specific', on(MULTI, 'catch-all', 'state')],
      ['ops-state-label-value', on(MULTI, 'label-ops', '"bad state"')],
      ['priority-label-value', on(MULTI, 'label-priority', '-5')],
      ['priority-not-integer', on(MULTI, 'not-integer', '"2.5"')],
      ['label-value', on(MULTI, 'label', '"bad value"')],
      ['sq-action-containers', on(MULTI, 'action-containers', 'containers')],
      ['ops-state-custom', on(MULTI, 'custom', 'GateMaintaining')],
      ['sq-name-duplicate', on(MULTI, 'duplicate', 'probe')],
      ['sq-handler-missing', on(MULTI, 'no-handler', 'nohandler')],
      ['pod-template-unknown-field', on(MULTI, 'contianers', 'contianers')],
      ['update-priority-ignored', on(MULTI, 'ignored', 'updatePriority')],
      ['priority-label-value', on(MULTI, 'gs-priority', '-5')],
      ['priority-not-integer', on(MULTI, 'gs-float', '1.5')],
      ['schema-unknown-field', on(MULTI, 'capital', 'DeletionPriority')],
      ['schema-type', on(MULTI, 'string-bool', '"yes"')],
    ];
    const diagnostics = await diagnose(MULTI);
    assert.deepEqual(listed(diagnostics), listed(expected.map(([code, range]) => ({ code, range }))));
    assert.ok(
      diagnostics.every((d) => d.source === 'okg'),
      'every diagnostic is ours',
    );
    const lines = MULTI.split('\n');
    const [firstOkg, lastOkg] = [lines.indexOf('---'), lines.lastIndexOf('---')];
    const foreign = diagnostics.filter((d) => d.range.start.line < firstOkg || d.range.end.line > lastOkg);
    assert.deepEqual(foreign, [], 'nothing in the Deployment or the broken ConfigMap');
  });

  test('severities say what the cluster does, and near misses carry their replacement', async () => {
    const diagnostics = await diagnose(MULTI);
    const severity = (code: string): number[] => diagnostics.filter((d) => d.code === code).map((d) => d.severity ?? 0);
    assert.deepEqual(severity('sq-http-scheme-missing'), [2], 'missing scheme: warning');
    assert.deepEqual(severity('sq-http-scheme-invalid'), [1], 'invalid scheme: error');
    assert.deepEqual(severity('ops-state-custom'), [3], 'custom opsState: information');
    assert.deepEqual(diagnostics.find((d) => d.code === 'ops-state-near-miss')?.data, { replacement: 'Kill' }, 'a near miss carries its replacement');
  });

  test('an integer priority that is no label value gets the same code as the string', async () => {
    const integer = await diagnose(edit(CLEAN_GS, 'updatePriority: 5', 'updatePriority: -5'));
    const string = await diagnose(edit(CLEAN_GS, 'updatePriority: 5', 'updatePriority: "-5"'));
    assert.deepEqual(
      integer.map((d) => d.code),
      ['priority-label-value'],
      'the integer -5',
    );
    assert.deepEqual(
      string.map((d) => d.code),
      ['priority-label-value'],
      'the string "-5"',
    );
    assert.match(integer[0].message, /`-5` is copied into a pod label.*use 0 or more/);
    const inAction = edit(CLEAN_GSS, 'updatePriority: 20', 'updatePriority: -20');
    const action = await diagnose(inAction);
    assert.deepEqual(
      action.map((d) => [d.code, show(d.range)]),
      [['priority-label-value', show(rangeAt(inAction, '-20'))]],
      'in a service-quality action',
    );
    assert.deepEqual(
      (await diagnose(edit(CLEAN_GS, 'updatePriority: 5', 'updatePriority: 0'))).map((d) => d.code),
      [],
      'a valid integer is fine',
    );
  });
});

describe('yaml directives', () => {
  test('a %TAG directive before `---` applies to its document: no false syntax error', async () => {
    const text = `%TAG !k! tag:yaml.org,2002:\n---\n${edit(CLEAN_GS, 'opsState: Allocated', 'opsState: !k!str kill')}`;
    const diagnostics = await diagnose(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, show(d.range)]),
      [['ops-state-near-miss', show(rangeAt(text, 'kill'))]],
    );
  });

  test('%YAML 1.2: ranges stay exact in the document after the directive and in the next one', async () => {
    const second = edit(CLEAN_GS, 'opsState: Allocated', 'opsState: waittobedeleted');
    const text = `%YAML 1.2\n---\n${edit(CLEAN_GS, 'opsState: Allocated', 'opsState: kill')}---\n${second}`;
    const diagnostics = await diagnose(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, show(d.range)]),
      [
        ['ops-state-near-miss', show(rangeAt(text, 'kill'))],
        ['ops-state-near-miss', show(rangeAt(text, 'waittobedeleted'))],
      ],
    );
  });

  test('%YAML 1.1 carries over to the documents after it, as the yaml library reads the stream', async () => {
    const doc = edit(CLEAN_GS, 'networkDisabled: false', 'networkDisabled: no');
    const text = `%YAML 1.1\n---\n${doc}---\n${doc}`;
    assert.deepEqual(await diagnose(text), [], '`no` is a boolean in both documents');
    const plain = await diagnose(`${doc}---\n${doc}`);
    assert.deepEqual(
      plain.map((d) => d.code),
      ['schema-type', 'schema-type'],
      'without the directive, `no` is a string',
    );
  });

  test('a directive after `...` in the middle of a file belongs to the document below it', async () => {
    const text = `${CLEAN_GS}...\n%TAG !k! tag:yaml.org,2002:\n---\n${edit(CLEAN_GS, 'updatePriority: 5', 'updatePriority: !k!str "-5"')}`;
    const diagnostics = await diagnose(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, show(d.range)]),
      [['priority-label-value', show(rangeAt(text, '"-5"'))]],
    );
  });
});
