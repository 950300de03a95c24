// Nesting-depth limits: YAML past MAX_YAML_DEPTH levels and JSON past MAX_DEPTH get one diagnostic at
// the bracket or key that crosses the limit, every other request answers, and nothing overflows the
// stack (a handler that threw would be in the log).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { MAX_DEPTH } from '../../server/src/engine/json';
import { MAX_YAML_DEPTH } from '../../server/src/engine/manifest';
import { LspHarness } from './harness';

const HEAD = 'apiVersion: game.kruise.io/v1alpha1\nkind: GameServerSet\nmetadata:\n  name: deep\nspec:\n';

/** `levels` block maps below `spec` (itself level 2, as the root map is level 1), one key each. */
function blockNesting(levels: number): string {
  let text = HEAD;
  for (let k = 0; k < levels; k++) text += `${'  '.repeat(k + 1)}a${k}:\n`;
  return `${text}${'  '.repeat(levels + 1)}leaf: 1\n`;
}

const show = (d: Diagnostic): string => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

/** Opens the text, and asks for completion and hover at `at` and formatting: each must answer. */
async function open(name: string, text: string, at = { line: 5, character: 10 }): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = h.open(`${n++}-${name}`, text);
  const diagnostics = name.endsWith('.yaml') ? await h.settledDiagnostics(uri) : await h.diagnostics(uri);
  assert.ok(Array.isArray(await h.completion(uri, at)), `completion answers in ${name}`);
  await h.hover(uri, at);
  await h.format(uri);
  return { uri, diagnostics };
}

describe('YAML nesting limit', () => {
  test(`flow collections 50,000 deep (within the document size limit): one yaml-too-deep where level ${MAX_YAML_DEPTH + 1} opens`, async () => {
    const prefix = `${HEAD}  replicas: `;
    const text = `${prefix}${'['.repeat(50_000)}1${']'.repeat(50_000)}\n`;
    // The `[` at index k is level k + 3 (root map, spec's map, then the brackets).
    const column = '  replicas: '.length + MAX_YAML_DEPTH - 2;
    const { diagnostics } = await open('flow.yaml', text, { line: 5, character: 20_000 });
    assert.deepEqual(diagnostics.map(show), [`yaml-too-deep 5:${column}-5:${column + 1}`]);
    assert.match(diagnostics[0].message, new RegExp(`more than ${MAX_YAML_DEPTH} levels`));
    assert.deepEqual(h.logs, [], 'no handler failed');
  });

  test('block maps past the limit: the diagnostic is on the key that opens the level too many', async () => {
    const { diagnostics } = await open('block.yaml', blockNesting(MAX_YAML_DEPTH + 20), { line: 60, character: 40 });
    // Block map k (0-based, starting at `a0` on line 5) is level k + 2.
    const k = MAX_YAML_DEPTH - 1;
    assert.deepEqual(diagnostics.map(show), [`yaml-too-deep ${5 + k}:${2 * (k + 1)}-${5 + k}:${2 * (k + 1) + 1}`]);
    assert.deepEqual(h.logs, []);
  });

  test('exactly at the limit is checked as usual: no depth diagnostic, hover still works', async () => {
    const { uri, diagnostics } = await open('at-limit.yaml', blockNesting(MAX_YAML_DEPTH - 2));
    // Levels 1 to MAX_YAML_DEPTH: the root map, spec's map and MAX_YAML_DEPTH - 2 maps below it.
    assert.deepEqual(diagnostics.map(show), ['schema-required 4:0-4:4', 'schema-unknown-field 5:2-5:4'], 'checked as usual, with no depth diagnostic');
    assert.ok(await h.hover(uri, { line: 1, character: 2 }), 'hover on `kind` answers with its schema');
  });

  test('a deep document does not stop the documents before it from being checked', async () => {
    const first = 'apiVersion: game.kruise.io/v1alpha1\nkind: GameServer\nmetadata:\n  name: a\nspec:\n  opsState: Kil\n';
    const text = `${first}---\n${HEAD}  replicas: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`;
    const { diagnostics } = await open('mixed.yaml', text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['ops-state-near-miss', 'yaml-too-deep'],
    );
  });
});

describe('JSON nesting limit', () => {
  test(`a filter past ${MAX_DEPTH} levels: too-deep at the bracket that crosses it; formatting says why it refuses`, async () => {
    const text = `{"$and": [${'['.repeat(MAX_DEPTH + 50)}${']'.repeat(MAX_DEPTH + 50)}]}`;
    const { diagnostics } = await open('deep.kgfilter', text, { line: 0, character: 300 });
    const column = '{"$and": ['.length + MAX_DEPTH - 2;
    assert.deepEqual(diagnostics.map(show), [`too-deep 0:${column}-0:${column + 1}`]);
    assert.ok(
      h.shown.some((m) => m.includes(`more than ${MAX_DEPTH} levels`)),
      `formatting refusal shown: ${JSON.stringify(h.shown)}`,
    );
    assert.deepEqual(h.logs, []);
  });
});
