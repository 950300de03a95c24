// Duplicate map keys are reported exactly where the yaml package's own (quadratic) check reports them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { checkManifest } from '../../server/src/engine/manifest';
import { LineIndex } from '../../server/src/engine/text';
import { CLEAN_GS, edit } from './manifest-fixtures';

const MESSAGE = 'Map keys must be unique';

/** Where yaml itself, with its duplicate-key check on, finds duplicates. */
function yamlDuplicates(text: string): string[] {
  const lines = new LineIndex(text);
  return parseAllDocuments(text, { merge: true })
    .flatMap((doc) => doc.errors)
    .filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => {
      const p = lines.positionAt(e.pos[0]);
      return `${p.line}:${p.character}`;
    });
}

function reported(text: string): string[] {
  return checkManifest(text)
    .filter((p) => p.code === 'yaml-syntax' && p.message === MESSAGE)
    .map((p) => `${p.range.start.line}:${p.range.start.character}`);
}

const labels = (body: string): string => edit(CLEAN_GS, 'metadata:\n', `metadata:\n  labels: ${body}\n`);

const CASES: { name: string; text: string; count: number }[] = [
  { name: 'a top-level key twice', text: `${CLEAN_GS}spec:\n  opsState: None\n`, count: 1 },
  {
    name: 'a block map inside the spec',
    text: edit(CLEAN_GS, '  updatePriority: 5\n', '  updatePriority: 5\n  updatePriority: 6\n  updatePriority: 7\n'),
    count: 2,
  },
  { name: 'a flow map', text: labels('{a: "1", b: "2", a: "3"}'), count: 1 },
  { name: 'a number and a string are different keys', text: labels('{1: a, "1": b}'), count: 0 },
  { name: 'two empty keys', text: labels('{: a, : b}'), count: 1 },
  { name: 'maps inside a sequence', text: edit(CLEAN_GS, 'metadata:\n', 'metadata:\n  finalizers: [{x: 1, x: 2}, {x: 1}]\n'), count: 1 },
  {
    name: 'two merge keys are not duplicates',
    text: `base: &b {c: 1}\nother: &o {d: 1}\n${edit(CLEAN_GS, 'spec:\n', 'spec:\n  <<: *b\n  <<: *o\n')}`,
    count: 0,
  },
  { name: 'aliases as keys', text: `k: &k key\n${labels('{*k : a, *k : b}')}`, count: 0 },
  {
    name: 'each document of a stream',
    text: `${edit(CLEAN_GS, '  networkDisabled: false\n', '  networkDisabled: false\n  networkDisabled: true\n')}---\n${labels('{z: "1", z: "2"}')}`,
    count: 2,
  },
];

describe('duplicate keys', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const expected = yamlDuplicates(c.text);
      assert.equal(expected.length, c.count, `the yaml package itself finds ${expected.length} duplicates here, the case expects ${c.count}`);
      assert.deepEqual(reported(c.text), expected);
    });
  }
});
