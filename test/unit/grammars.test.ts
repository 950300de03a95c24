// The TextMate grammars, tokenized with vscode-textmate over the WASM build of Oniguruma.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const grammars = new Map<string, IGrammar>();

before(async () => {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = { 'source.kgfilter': 'kgfilter.tmLanguage.json', 'source.kgpatch': 'kgpatch.tmLanguage.json' }[scopeName];
      if (!file) return null;
      const path = join(root, 'syntaxes', file);
      return parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  for (const scope of ['source.kgfilter', 'source.kgpatch']) {
    const grammar = await registry.loadGrammar(scope);
    assert.ok(grammar, `${scope} loads`);
    grammars.set(scope, grammar);
  }
});

/** The innermost scope of each token, keyed by the token's text (first occurrence wins). */
function scopes(scope: string, text: string): Map<string, string> {
  const grammar = grammars.get(scope)!;
  const out = new Map<string, string>();
  let state: StateStack = INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) {
      const token = line.slice(t.startIndex, t.endIndex);
      if (!out.has(token)) out.set(token, t.scopes[t.scopes.length - 1]);
    }
    state = result.ruleStack;
  }
  return out;
}

function scopeOf(map: Map<string, string>, token: string): string {
  const s = map.get(token);
  assert.ok(s, `token ${JSON.stringify(token)} found among ${JSON.stringify([...map.keys()])}`);
  return s;
}

/** The scope names up to the last dot (the language suffix), for "coloured distinctly" checks. */
const kindOf = (scope: string) => scope.replace(/\.kg(filter|patch)$/, '');

describe('kgfilter grammar', () => {
  const filter = '{\n  "$and": [\n    {"opsState": {"$in": ["None", "Kill"]}},\n    {"updatePriority": {"$ge": 10}},\n    {"isReady": true}\n  ]\n}';

  test('fields, operators, logic keys and values get distinct scopes', () => {
    const map = scopes('source.kgfilter', filter);
    const logic = scopeOf(map, '$and');
    const operator = scopeOf(map, '$in');
    const field = scopeOf(map, 'opsState');
    const value = scopeOf(map, 'None');
    assert.equal(logic, 'keyword.control.logic.kgfilter');
    assert.equal(operator, 'keyword.operator.filter.kgfilter');
    assert.equal(field, 'support.type.property-name.field.kgfilter');
    assert.equal(value, 'string.quoted.double.value.kgfilter');
    assert.equal(scopeOf(map, '10'), 'constant.numeric.kgfilter');
    assert.equal(scopeOf(map, 'true'), 'constant.language.boolean.kgfilter');
    assert.equal(scopeOf(map, '$ge'), operator, 'every operator alike');
    assert.equal(scopeOf(map, 'updatePriority'), field, 'every field alike');
    assert.equal(new Set([logic, operator, field, value].map(kindOf)).size, 4, 'four distinct scopes');
  });

  test('a value that looks like a key is still a value, and comments are comments', () => {
    const map = scopes('source.kgfilter', '// matches\n{"name": "$and"}');
    assert.equal(scopeOf(map, '$and'), 'string.quoted.double.value.kgfilter');
    assert.equal(scopeOf(map, ' matches'), 'comment.line.double-slash.kgfilter');
  });
});

describe('kgpatch grammar', () => {
  const patch = '[\n  {"op": "replace", "path": "/spec/containers/0/image", "value": "game:1.2"},\n  {"op": "remove", "from": "/metadata/labels/a~1b"}\n]';

  test('ops and paths get distinct scopes, apart from other strings', () => {
    const map = scopes('source.kgpatch', patch);
    const op = scopeOf(map, 'replace');
    const path = scopeOf(map, 'spec');
    const value = scopeOf(map, 'game:1.2');
    assert.equal(op, 'keyword.other.op.kgpatch');
    assert.equal(path, 'string.other.path.kgpatch');
    assert.equal(value, 'string.quoted.double.kgpatch');
    assert.equal(scopeOf(map, 'remove'), op);
    assert.equal(scopeOf(map, '/'), 'punctuation.separator.path.kgpatch');
    assert.equal(scopeOf(map, '0'), 'constant.numeric.index.kgpatch');
    assert.equal(scopeOf(map, '~1'), 'constant.character.escape.pointer.kgpatch');
    assert.equal(new Set([op, path, value].map(kindOf)).size, 3, 'three distinct scopes');
  });

  test('an unknown op is a plain string', () => {
    const map = scopes('source.kgpatch', '[{"op": "rep"}]');
    assert.equal(scopeOf(map, 'rep'), 'string.quoted.double.kgpatch');
  });
});

describe('language configurations', () => {
  for (const lang of ['kgfilter', 'kgpatch']) {
    test(`${lang}: comments, brackets and auto-closing pairs`, () => {
      const config = JSON.parse(readFileSync(join(root, 'syntaxes', `${lang}.language-configuration.json`), 'utf8'));
      assert.equal(config.comments.lineComment, '//', `${lang} line comment`);
      assert.deepEqual(
        config.brackets,
        [
          ['{', '}'],
          ['[', ']'],
        ],
        `${lang} brackets`,
      );
      assert.deepEqual(
        config.autoClosingPairs.map((p: { open: string }) => p.open),
        ['{', '[', '"'],
        `${lang} auto-closing`,
      );
      assert.ok(new RegExp(config.wordPattern).exec('"$and"')?.[0] === '$and', `${lang} word pattern keeps $ in words`);
    });
  }
});
