// The server's completion trigger characters against each language's word pattern. VS Code ignores a
// trigger character typed at the end of a word (its word pattern's), leaving that case to quick
// suggestions, which are off inside strings by default: a pattern that counts `/` (or a lone `$`) as
// a word would make typing it in a path (or an operator key) open nothing. This emulates VS Code's
// check (suggestModel.ts, LineContext.shouldAutoTrigger) on the shipped language configurations.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { caret, LspHarness } from './harness';

const ROOT = join(__dirname, '..', '..');

function wordPattern(language: string): RegExp {
  const config = JSON.parse(readFileSync(join(ROOT, 'syntaxes', `${language}.language-configuration.json`), 'utf8')) as { wordPattern: string };
  return new RegExp(config.wordPattern, 'g');
}

/** VS Code's word at a caret: the first match of the pattern that touches it. */
function wordAt(line: string, at: number, pattern: RegExp): { start: number; end: number; word: string } | undefined {
  for (const m of line.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start <= at && at <= end && m[0] !== '') return { start, end, word: m[0] };
    if (start > at) return undefined;
  }
  return undefined;
}

/** True when VS Code asks for completion after a trigger character typed just before `at`. */
function triggerFires(line: string, at: number, pattern: RegExp): boolean {
  const word = wordAt(line, at, pattern);
  if (!word) return true;
  if (word.end !== at && word.start + 1 !== at) return true;
  return !Number.isNaN(Number(word.word));
}

/** Lines as they read right after typing their trigger character (before the caret `|`), auto-closed quote included. */
const CASES: { language: string; file: string; marked: string; offers: string }[] = [
  { language: 'kgpatch', file: 'p.kgpatch', marked: '[{"op": "replace", "path": "|"}]', offers: 'spec' },
  { language: 'kgpatch', file: 'p.kgpatch', marked: '[{"op": "replace", "path": "/|"}]', offers: 'spec' },
  { language: 'kgpatch', file: 'p.kgpatch', marked: '[{"op": "replace", "path": "/spec/|"}]', offers: 'opsState' },
  { language: 'kgpatch', file: 'p.kgpatch', marked: '[{"op": "add", "path": "/spec/containers/|"}]', offers: '0' },
  { language: 'kgfilter', file: 'f.kgfilter', marked: '{"|"}', offers: 'opsState' },
  { language: 'kgfilter', file: 'f.kgfilter', marked: '{"deletionPriority": {"$|"}}', offers: '$ge' },
  { language: 'kgfilter', file: 'f.kgfilter', marked: '{"opsState": {"$in": ["|"]}}', offers: 'Maintaining' },
];

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

describe('trigger characters reach the server in VS Code', () => {
  for (const c of CASES) {
    const typedChar = JSON.stringify(c.marked.charAt(c.marked.indexOf('|') - 1));
    test(`${c.language}: typing ${typedChar} in ${c.marked} asks for completion, and the server offers ${c.offers}`, async () => {
      const { text, offset } = caret(c.marked);
      const typed = text.charAt(offset - 1);
      const triggers = h.capabilities.completionProvider?.triggerCharacters ?? [];
      assert.ok(triggers.includes(typed), `${JSON.stringify(typed)} is not among the server's trigger characters ${JSON.stringify(triggers)}`);
      const pattern = wordPattern(c.language);
      assert.ok(
        triggerFires(text, offset, pattern),
        `the ${c.language} word pattern ${pattern.source} makes ${JSON.stringify(wordAt(text, offset, pattern)?.word)} a word ending at the caret, ` +
          'so VS Code ignores the trigger character',
      );
      const { uri, position } = h.openAt(`t${n++}-${c.file}`, c.marked);
      const labels = (await h.completion(uri, position)).map((i) => i.label);
      assert.ok(labels.includes(c.offers), `the server offers ${JSON.stringify(labels)} there, without ${c.offers}`);
    });
  }

  test('double-clicking still selects what a person calls one word', () => {
    const patch = wordPattern('kgpatch');
    assert.deepEqual('"/spec/opsState"'.match(patch), ['spec', 'opsState'], 'a path segment is a word of its own');
    const filter = wordPattern('kgfilter');
    assert.deepEqual('{"$ge": 10}'.match(filter), ['$ge', '10'], 'an operator keeps its $');
  });
});
