// Hover in GameServerSet / GameServer YAML through the server: a key shows its schema type and
// description, a reserved opsState value what OKG does with it; other YAML gets nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver';
import { CLEAN_GSS, edit } from '../unit/manifest-fixtures';
import { hoverText, LspHarness, rangeAt } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function hover(marked: string): Promise<Hover | null> {
  const { uri, position } = h.openAt(`h${n++}.yaml`, marked);
  return h.hover(uri, position);
}

async function text(marked: string): Promise<string> {
  const found = await hover(marked);
  assert.ok(found, `a hover in ${marked.slice(marked.indexOf('|') - 30, marked.indexOf('|') + 30)}`);
  return hoverText(found);
}

describe('yaml hover', () => {
  test('a key shows its type and description, over the key', async () => {
    const found = await hover(edit(CLEAN_GSS, 'reserveGameServerIds:', 'reserveGame|ServerIds:'));
    const shown = hoverText(found);
    assert.match(shown, /^\*\*reserveGameServerIds\*\* · `array of integer or string`/, shown);
    assert.match(shown, /disables the whole list/, 'explains the trap');
    assert.deepEqual(found?.range, rangeAt(CLEAN_GSS, 'reserveGameServerIds'), 'the range is the key');
  });

  test('a reserved opsState value shows what OKG does with it', async () => {
    assert.match(
      await text(edit(CLEAN_GSS, 'opsState: WaitToBeDeleted', 'opsState: WaitTo|BeDeleted')),
      /^\*\*WaitToBeDeleted\*\* \(reserved opsState\)\n\nDeleted first on scale-down/,
    );
  });

  test('a list item is named by its list and index', async () => {
    assert.match(await text(edit(CLEAN_GSS, '"5-7"', '"5|-7"')), /^\*\*reserveGameServerIds\[2\]\*\* · `integer or string`/);
  });

  test('an enum value shows the allowed values', async () => {
    assert.match(await text(edit(CLEAN_GSS, 'scheme: HTTP', 'scheme: HT|TP')), /Allowed values: `HTTP`, `HTTPS`/);
  });

  test('a service-quality key in the second document of a file', async () => {
    const second = edit(CLEAN_GSS, 'permanent: true', 'perm|anent: true');
    assert.match(await text(`apiVersion: v1\nkind: ConfigMap\ndata: {}\n---\n${second}`), /^\*\*permanent\*\* · `boolean`/);
  });

  test('nothing for other YAML or for unknown keys', async () => {
    assert.equal(await hover('apiVersion: v1\nkind: ConfigMap\nda|ta: {a: b}\n'), null, 'ConfigMap');
    assert.equal(await hover(edit(CLEAN_GSS, 'replicas: 4', 'repl|icaz: 4')), null, 'unknown key');
    assert.equal(await hover(`${CLEAN_GSS}---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  repl|icas: 2\n`), null, 'a Deployment after a GameServerSet');
  });
});
