// Carrier → OKG hints through the server: hovers on Carrier's readinessGates / deletableGates and on
// OKG's serviceQualities say what corresponds, and the two Carrier snippets insert service qualities
// the YAML checks accept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, Diagnostic, Hover } from 'vscode-languageserver';
import { CLEAN_GSS, edit } from '../unit/manifest-fixtures';
import { applyCompletion, hoverText, LspHarness, rangeAt } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function hover(marked: string): Promise<Hover | null> {
  const { uri, position } = h.openAt(`carrier${n++}.yaml`, marked);
  return h.hover(uri, position);
}

async function hoverOf(marked: string): Promise<string> {
  const found = await hover(marked);
  const at = marked.indexOf('|');
  assert.ok(found, `a hover at ${JSON.stringify(marked.slice(at - 30, at + 30))}`);
  return hoverText(found);
}

const CARRIER_GSS = `apiVersion: carrier.ocgi.dev/v1alpha1
kind: GameServerSet
metadata:
  name: battle
spec:
  replicas: 3
  template:
    spec:
      readinessGates:
        - carrier.ocgi.dev/server-ready
      deletableGates:
        - carrier.ocgi.dev/has-no-player
      template:
        spec:
          containers:
            - name: game
              image: registry.example.com/battle:1.0
`;

describe('carrier hovers', () => {
  test('deletableGates in a Carrier document names the OKG equivalent', async () => {
    const shown = await hoverOf(edit(CARRIER_GSS, 'deletableGates:', 'deletable|Gates:'));
    assert.match(shown, /^\*\*deletableGates\*\* \(Carrier\) in OKG/, shown);
    assert.match(shown, /serviceQualities/, 'names serviceQualities');
    assert.match(shown, /opsState: WaitToBeDeleted/, 'names the action that does what the gate did');
    const found = await hover(edit(CARRIER_GSS, 'deletableGates:', 'deletable|Gates:'));
    assert.deepEqual(found?.range, rangeAt(CARRIER_GSS, 'deletableGates'), 'the range is the key');
  });

  test('an entry of readinessGates gets the readiness mapping', async () => {
    const shown = await hoverOf(edit(CARRIER_GSS, 'server-ready', 'server-|ready'));
    assert.match(shown, /^\*\*readinessGates\*\* \(Carrier\) in OKG/, shown);
    assert.match(shown, /readinessProbe/, 'names the readiness probe');
    assert.match(shown, /permanent: false/, 'and the service-quality alternative');
  });

  test('other keys of a Carrier document, and other groups, get no hover', async () => {
    assert.equal(await hover(edit(CARRIER_GSS, 'replicas: 3', 'repl|icas: 3')), null, 'replicas');
    const agones = CARRIER_GSS.replace('carrier.ocgi.dev/v1alpha1', 'agones.dev/v1');
    assert.equal(await hover(edit(agones, 'deletableGates:', 'deletable|Gates:')), null, 'not a Carrier apiVersion');
  });

  test('a Carrier document after an OKG one in the same file still gets its hover', async () => {
    const shown = await hoverOf(`${CLEAN_GSS}---\n${edit(CARRIER_GSS, 'deletableGates:', 'deletable|Gates:')}`);
    assert.match(shown, /^\*\*deletableGates\*\* \(Carrier\)/, shown);
  });

  test('OKG serviceQualities and serviceQualityAction hovers add the Carrier mapping', async () => {
    const list = await hoverOf(edit(CLEAN_GSS, '  serviceQualities:', '  serviceQ|ualities:'));
    assert.match(list, /^\*\*serviceQualities\*\*/, 'still the schema hover first');
    assert.match(list, /Coming from Carrier\?/, list);
    assert.match(list, /deletableGates/, 'deletable gates');
    assert.match(list, /readinessGates/, 'readiness gates');
    const first = 'serviceQualityAction:\n        - state: true\n          opsState: None';
    const actions = await hoverOf(edit(CLEAN_GSS, first, first.replace('serviceQualityAction', 'serviceQuality|Action')));
    assert.match(actions, /deletableGates.*WaitToBeDeleted/s, actions);
    const other = await hoverOf(edit(CLEAN_GSS, 'reserveGameServerIds:', 'reserveGame|ServerIds:'));
    assert.doesNotMatch(other, /Carrier/, 'no Carrier note on other keys');
  });
});

describe('carrier snippets', () => {
  const labelsOf = (items: CompletionItem[]) => items.map((i) => i.label);
  const DELETE = 'serviceQuality: delete when no players (Carrier deletableGates)';
  const READY = 'serviceQuality: not ready until loaded (Carrier readinessGates)';

  async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
    return h.settledDiagnostics(h.open(`carrier-r${n++}.yaml`, text));
  }

  for (const [label, action] of [
    [DELETE, /state: true\n\s+opsState: WaitToBeDeleted/],
    [READY, /state: false\n\s+opsState: Maintaining/],
  ] as const) {
    test(`${label}: offered after \`- \` and inserts a service quality the checks accept`, async () => {
      const { uri, position, text } = h.openAt(`carrier-c${n++}.yaml`, edit(CLEAN_GSS, '  serviceQualities:\n', '  serviceQualities:\n    - |\n'));
      const items = await h.completion(uri, position);
      const found = items.find((i) => i.label === label);
      assert.ok(found, `${label} among ${labelsOf(items).join(', ')}`);
      const fixed = applyCompletion(text, found);
      assert.match(fixed, action, 'the action that does what the Carrier gate did');
      const problems = await diagnosticsOf(fixed);
      assert.deepEqual(
        problems.map((d) => `${String(d.code)}: ${d.message}`),
        [],
        'the inserted entry is a valid GameServerSet',
      );
    });
  }
});
