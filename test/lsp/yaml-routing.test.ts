// server.ts routes `yaml` documents to the YAML features, and stays silent on every other YAML so
// that other YAML extensions are undisturbed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hoverText, LspHarness } from './harness';

const GSS = `apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: game
spec:
  replicas: 2
  reserveGameServerIds: ["3"]
  gameServerTemplate:
    spec:
      containers:
        - name: game
          image: nginx
`;

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';

let h: LspHarness;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

let fence = 0;
/** Diagnostics are debounced with one delay and sent in order, so once a later filter's arrive, earlier documents have had theirs. */
async function settle(): Promise<void> {
  await h.diagnostics(h.open(`fence${fence++}.kgfilter`, '{"opsState": "None"}'));
}

describe('yaml documents', () => {
  test('a GameServerSet gets diagnostics, completion and hover', async () => {
    const uri = h.open('gss.yaml', GSS);
    const diags = await h.diagnostics(uri);
    assert.deepEqual(
      diags.map((d) => [d.code, d.source, d.range.start.line]),
      [['reserve-id-numeric-string', 'okg', 6]],
    );
    assert.ok(
      (await h.completion(uri, { line: 5, character: 2 })).some((i) => i.label === 'serviceQualities'),
      'spec keys offered',
    );
    assert.match(hoverText(await h.hover(uri, { line: 5, character: 4 })), /\*\*replicas\*\*/);
  });

  test('fixing the last problem clears the diagnostics; removing the OKG apiVersion too', async () => {
    const uri = h.open('fix.yaml', GSS);
    assert.equal((await h.diagnostics(uri)).length, 1);
    h.change(uri, GSS.replace('["3"]', '[3]'));
    assert.deepEqual(await h.diagnostics(uri), []);
    h.change(uri, GSS);
    assert.equal((await h.diagnostics(uri)).length, 1);
    h.change(uri, DEPLOYMENT);
    assert.deepEqual(await h.diagnostics(uri), [], 'cleared when the document stops being OKG');
  });

  test('any other YAML gets nothing, not even an empty publish', async () => {
    const uri = h.open('deploy.yaml', DEPLOYMENT);
    await settle();
    assert.deepEqual(
      h.publishes.filter((p) => p.uri === uri),
      [],
    );
    assert.deepEqual(await h.completion(uri, { line: 5, character: 2 }), []);
    assert.equal(await h.hover(uri, { line: 5, character: 4 }), null);
    assert.deepEqual(await h.format(uri), []);
    h.closeDocument(uri);
    await settle();
    assert.deepEqual(
      h.publishes.filter((p) => p.uri === uri),
      [],
      'nothing on close either',
    );
  });

  test('YAML with anchors and aliases (an alias bomb) neither crashes nor hangs the server', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = `apiVersion: game.kruise.io/v1alpha1\nkind: GameServerSet\nmetadata:\n  name: bomb\n${levels.join('\n')}\nspec:\n  replicas: *i\n`;
    const uri = h.open('bomb.yaml', bomb);
    await h.diagnostics(uri);
    await h.completion(uri, { line: 2, character: 2 });
    await h.hover(uri, { line: 1, character: 2 });
    const { uri: f, position } = h.openAt('after-bomb.kgfilter', '{"opsState": "|"}');
    assert.equal((await h.completion(f, position)).length, 5, 'the server still answers');
    assert.deepEqual(h.logs, [], 'no handler failed');
  });
});
