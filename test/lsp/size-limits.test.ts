// Size budgets (server/src/features/limits.ts): past each one a feature degrades in a way the user is
// told about (one diagnostic, a shown message) instead of working for seconds; below them it works.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_DIAGNOSTICS, MAX_JSON_LENGTH, MAX_YAML_CHECKED, MAX_YAML_DOCUMENT } from '../../server/src/features/limits';
import { LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

/** A filter of `$or` clauses, each with a misspelt opsState, as long as it can be within `chars`. */
function misspeltFilter(chars: number): string {
  const clause = '  {"opsState": "Nonee"}';
  const count = Math.floor((chars - 20) / (clause.length + 2));
  return `{"$or": [\n${Array(count).fill(clause).join(',\n')}\n]}`;
}

const gameServer = (i: number, opsState: string): string =>
  `apiVersion: game.kruise.io/v1alpha1\nkind: GameServer\nmetadata:\n  name: gs-${i}\nspec:\n  opsState: ${opsState}\n`;

describe('filters and patches', () => {
  test('past the size limit: one too-large warning, no completion, hover or quick fixes, and formatting says why it refuses', async () => {
    const text = misspeltFilter(MAX_JSON_LENGTH + 1000);
    assert.ok(text.length > MAX_JSON_LENGTH);
    const uri = h.open(`${n++}.kgfilter`, text);
    const diagnostics = await h.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['too-large'],
    );
    assert.match(diagnostics[0].message, /over the 256 KB the editor checks/);
    assert.deepEqual(await h.completion(uri, { line: 1, character: 16 }), []);
    assert.equal(await h.hover(uri, { line: 1, character: 6 }), null);
    assert.deepEqual(await h.format(uri), []);
    assert.ok(
      h.shown.some((m) => /over the 256 KB the editor formats/.test(m)),
      `refusal shown: ${JSON.stringify(h.shown)}`,
    );
    assert.deepEqual(h.logs, []);
  });

  test(`just under the limit: at most ${MAX_DIAGNOSTICS} diagnostics, the last one counting the rest; every request answers`, async () => {
    const text = misspeltFilter(MAX_JSON_LENGTH);
    const clauses = text.split('\n').length - 2;
    const uri = h.open(`${n++}.kgfilter`, text);
    const diagnostics = await h.diagnostics(uri);
    assert.equal(diagnostics.length, MAX_DIAGNOSTICS);
    const last = diagnostics[MAX_DIAGNOSTICS - 1];
    assert.equal(last.code, 'too-many-problems');
    assert.equal(last.range.start.line, MAX_DIAGNOSTICS, 'it sits where the first problem not shown is');
    assert.match(last.message, new RegExp(`^${clauses - (MAX_DIAGNOSTICS - 1)} more problems`));
    assert.ok(
      diagnostics.slice(0, -1).every((d) => d.code === 'near-miss-value'),
      'the shown ones are the first problems',
    );
    const fixes = await h.codeActions(uri, diagnostics.slice(0, 3));
    assert.equal(fixes.length, 3, 'a quick fix for each near miss');
    assert.ok((await h.completion(uri, { line: 1, character: 17 })).length > 0, 'completion of opsState values');
    assert.ok(await h.hover(uri, { line: 1, character: 6 }), 'hover on opsState');
    assert.ok((await h.format(uri)).length > 0, 'formatted');
    assert.deepEqual(h.logs, []);
  });
});

describe('YAML', () => {
  test('GameServers past the per-file budget: the first ones are checked, the rest get one warning where they begin', async () => {
    const docs: string[] = [];
    for (let i = 0, size = 0; size <= MAX_YAML_CHECKED + 20_000; i++) {
      docs.push(gameServer(i, 'Kil'));
      size += docs[i].length + 4;
    }
    const text = docs.join('---\n');
    const uri = h.open(`${n++}.yaml`, text);
    const diagnostics = await h.settledDiagnostics(uri);
    const warning = diagnostics.at(-1);
    assert.equal(warning?.code, 'too-large');
    // The documents checked are those whose text (after the first, with the `---` above it) fits in the budget.
    let checked = 0;
    for (let used = docs[0].length; used <= MAX_YAML_CHECKED; used += docs[checked].length + 4) checked++;
    assert.equal(warning.range.start.line, checked * 7 - 1, `the warning is at the \`---\` of the first document not checked (#${checked})`);
    assert.match(warning.message, new RegExp(`This document and the ${docs.length - checked - 1} after it .* are not checked`));
    const shown = diagnostics.slice(0, -1);
    assert.ok(shown.length > 0 && shown.every((d) => d.range.start.line < warning.range.start.line), 'problems only before the warning');
    assert.deepEqual(h.logs, []);
  });

  test('in one document over the document budget, hover and completion give nothing and its check is skipped with a warning', async () => {
    const filler = Array.from({ length: Math.ceil(MAX_YAML_DOCUMENT / 30) }, (_, i) => `    key-${i}: ${'x'.repeat(25)}\n`).join('');
    const big = `apiVersion: game.kruise.io/v1alpha1\nkind: GameServer\nmetadata:\n  name: big\n  annotations:\n${filler}spec:\n  opsState: Kil\n`;
    assert.ok(big.length > MAX_YAML_DOCUMENT);
    const after = gameServer(1, 'Kil');
    const text = `${big}---\n${after}`;
    const uri = h.open(`${n++}.yaml`, text);
    const diagnostics = await h.settledDiagnostics(uri);
    const afterLine = text.split('\n').length - 2;
    assert.deepEqual(
      diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}`),
      [`ops-state-near-miss ${afterLine}`, 'too-large 0'],
      'the next document is still checked',
    );
    assert.match(diagnostics[1].message, /^This document is \d+ KB, over the 128 KB the editor checks in one document; it is not checked/);
    assert.equal(await h.hover(uri, { line: 1, character: 2 }), null);
    assert.deepEqual(await h.completion(uri, { line: 2, character: 0 }), []);
    assert.deepEqual(h.logs, []);
  });
});
