// Quick fixes for GameServerSet / GameServer YAML through the server: each one's title, whether it is
// the preferred fix, the text it leaves (quoting kept), and that the problem is gone afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { CLEAN_GSS, edit } from '../unit/manifest-fixtures';
import { applyEdits, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function diagnose(text: string): Promise<{ uri: string; diags: Diagnostic[] }> {
  const uri = h.open(`y${n++}.yaml`, text);
  return { uri, diags: await h.settledDiagnostics(uri) };
}

/** The fixes offered for the one diagnostic with `code`: [title, preferred, text after]. */
async function fixes(text: string, code: string): Promise<[string, boolean, string][]> {
  const { uri, diags } = await diagnose(text);
  const matching = diags.filter((d) => d.code === code);
  assert.equal(matching.length, 1, `one ${code} diagnostic, among ${diags.map((d) => d.code).join(', ') || 'none'}`);
  const actions = await h.codeActions(uri, matching);
  return actions.map((a) => [a.title, a.isPreferred === true, applyEdits(text, a.edit?.changes?.[uri] ?? [])]);
}

/** The codes left in `text` once fixed: none is expected of a fixed CLEAN_GSS. */
async function left(text: string): Promise<string[]> {
  return (await diagnose(text)).diags.map((d) => String(d.code));
}

const SQ_HTTP = `    - name: http-ready
      containerName: game
      permanent: true
      httpGet:
        path: /healthz
        port: 8080
        scheme: HTTP`;

/** A set whose only container is `pve`, probed by a service quality naming `containerName`. */
const onePve = (containerName: string): string => `apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: pve
spec:
  replicas: 1
  gameServerTemplate:
    spec:
      containers:
        - name: pve
          image: registry.example.com/pve:1.0
  serviceQualities:
    - name: idle
      containerName: ${containerName}
      permanent: false
      exec:
        command: ["/bin/true"]
`;

describe('YAML quick fixes', () => {
  test('a containerName one letter from the only container: change to it', async () => {
    const all = await fixes(onePve('pvp'), 'sq-container-unknown');
    assert.deepEqual(all, [['Change to pve', true, onePve('pve')]]);
    assert.deepEqual(await left(all[0][2]), []);
  });

  test('a containerName near one of several containers: that one preferred, the others offered after it', async () => {
    const text = edit(CLEAN_GSS, 'containerName: game\n      permanent: true', 'containerName: gane\n      permanent: true');
    const all = await fixes(text, 'sq-container-unknown');
    assert.deepEqual(
      all.map(([title, preferred]) => [title, preferred]),
      [
        ['Change to game', true],
        ['Change to sidecar', false],
      ],
    );
    assert.equal(all[0][2], CLEAN_GSS, 'the preferred fix restores the container name');
    const line = 'containerName: game\n      permanent: true';
    const quoted = await fixes(edit(CLEAN_GSS, line, "containerName: 'gane'\n      permanent: true"), 'sq-container-unknown');
    assert.equal(quoted[0][2], edit(CLEAN_GSS, line, "containerName: 'game'\n      permanent: true"), 'quoting kept');
  });

  test('a containerName near no container: every container offered, nearest first, none preferred', async () => {
    const text = edit(CLEAN_GSS, 'containerName: game\n      permanent: true', 'containerName: sidekick\n      permanent: true');
    const all = await fixes(text, 'sq-container-unknown');
    assert.deepEqual(
      all.map(([title, preferred]) => [title, preferred]),
      [
        ['Change to sidecar', false],
        ['Change to game', false],
      ],
    );
  });

  test('a misspelt probe handler: renamed from the unknown key and from the missing-handler problem alike', async () => {
    const text = edit(CLEAN_GSS, '      httpGet:\n', '      httpget:\n');
    const fromKey = await fixes(text, 'schema-unknown-field');
    assert.deepEqual(fromKey, [['Change to httpGet', true, CLEAN_GSS]]);
    const fromMissing = await fixes(text, 'sq-handler-missing');
    assert.deepEqual(fromMissing, [['Rename `httpget` to `httpGet`', true, CLEAN_GSS]]);
    assert.deepEqual(await left(CLEAN_GSS), [], 'the fixture is clean');
    const noNear = edit(CLEAN_GSS, SQ_HTTP, SQ_HTTP.replace('      httpGet:', '      probe:'));
    assert.deepEqual(await fixes(noNear, 'sq-handler-missing'), [], 'no rename when no key is close to a handler');
  });

  test('misspelt fields of the set and of its pod template', async () => {
    assert.deepEqual(await fixes(edit(CLEAN_GSS, '  replicas: 4', '  replicsa: 4'), 'schema-unknown-field'), [['Change to replicas', true, CLEAN_GSS]]);
    const template = edit(CLEAN_GSS, 'imagePullPolicy: IfNotPresent', 'imagePullPolcy: IfNotPresent');
    assert.deepEqual(await fixes(template, 'pod-template-unknown-field'), [['Change to imagePullPolicy', true, CLEAN_GSS]]);
  });

  test('values one obvious step from right: enum near misses, opsState, scheme, podUpdatePolicy, numeric ids, negative timings', async () => {
    // [as in the clean set, as broken, code, fix title, as fixed]
    const cases: [string, string, string, string, string][] = [
      ['reclaimPolicy: Delete', 'reclaimPolicy: delete', 'schema-enum', 'Change to Delete', 'reclaimPolicy: Delete'],
      ['reclaimPolicy: Delete', 'reclaimPolicy: "delete"', 'schema-enum', 'Change to "Delete"', 'reclaimPolicy: "Delete"'],
      ['opsState: Maintaining', 'opsState: maintaining', 'ops-state-near-miss', 'Change to Maintaining', 'opsState: Maintaining'],
      ['scheme: HTTP', 'scheme: https', 'sq-http-scheme-invalid', 'Change to HTTPS', 'scheme: HTTPS'],
      ['InPlaceIfPossible', 'InPlaceOnly', 'in-place-only', 'Change to InPlaceIfPossible', 'InPlaceIfPossible'],
      ['[1, 2, "5-7"]', '[1, "2", "5-7"]', 'reserve-id-numeric-string', 'Change to 2', '[1, 2, "5-7"]'],
      ['periodSeconds: 5', 'periodSeconds: -5', 'sq-timing-negative', 'Change to 0', 'periodSeconds: 0'],
    ];
    for (const [clean, broken, code, title, fixed] of cases) {
      const all = await fixes(edit(CLEAN_GSS, clean, broken), code);
      assert.deepEqual(all, [[title, true, edit(CLEAN_GSS, clean, fixed)]], `the fix for ${code} on ${broken}`);
      assert.deepEqual(await left(all[0][2]), [], `nothing left after fixing ${code} on ${broken}`);
    }
  });

  test('httpGet without a scheme: the line is added at the indentation of its fields, or into a flow map', async () => {
    const block = edit(CLEAN_GSS, '        port: 8080\n        scheme: HTTP\n', '        port: 8080\n');
    const added = await fixes(block, 'sq-http-scheme-missing');
    assert.deepEqual(
      added.map(([title, preferred]) => [title, preferred]),
      [['Add `scheme: HTTP`', true]],
    );
    const fields = '        path: /healthz\n        port: 8080\n        scheme: HTTP';
    const withScheme = SQ_HTTP.replace(fields, '        scheme: HTTP\n        path: /healthz\n        port: 8080');
    assert.equal(added[0][2], edit(CLEAN_GSS, SQ_HTTP, withScheme), 'first among the fields');
    assert.deepEqual(await left(added[0][2]), []);
    const flow = edit(CLEAN_GSS, `      httpGet:\n${fields}\n`, '      httpGet: {path: /healthz, port: 8080} # probe\n');
    const inFlow = await fixes(flow, 'sq-http-scheme-missing');
    assert.equal(inFlow[0][2], flow.replace('port: 8080}', 'port: 8080, scheme: HTTP}'));
    assert.deepEqual(await left(inFlow[0][2]), []);
  });

  test('problems without fix data, and diagnostics from other sources, get nothing', async () => {
    const { uri, diags } = await diagnose(edit(CLEAN_GSS, 'podUpdatePolicy: InPlaceIfPossible', 'podUpdatePolicy: InPlaceOnly'));
    assert.deepEqual(
      await h.codeActions(
        uri,
        diags.map((d) => ({ ...d, source: 'other' })),
      ),
      [],
      'another source',
    );
    assert.deepEqual(await fixes(edit(CLEAN_GSS, '        path: /healthz\n', ''), 'sq-http-path-missing'), [], 'no path to guess');
    const garbled = { ...diags[0], data: { replacement: {}, key: 3, insert: 4, alternatives: 'no' } };
    assert.deepEqual(await h.codeActions(uri, [garbled]), [], 'malformed data is ignored');
  });
});
