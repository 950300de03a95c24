// Findings are cached per document text and placed by where the document is in each file; the cache
// itself is least-recently-used and bounded; checking leaves the process as it was.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkManifest } from '../../server/src/engine/manifest';
import { TextCache } from '../../server/src/engine/manifest/text-cache';
import { CLEAN_GS, CLEAN_GSS, edit, rangeOf } from './manifest-fixtures';

/** The environment before any check ran in this process. */
const ENV = process.env;
const ENV_KEYS = Object.keys(process.env);

const show = (p: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string =>
  `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`;

/** A GameServer whose opsState is a near miss; `tag` makes its text differ from other tests' texts. */
const nearMiss = (tag: string): string => edit(CLEAN_GS, 'opsState: Allocated', `opsState: Alocated # ${tag}`);

describe('manifest findings cache', () => {
  test('a cached document is reported where it is in the file that holds it now', () => {
    const doc = `---\n${nearMiss('moved')}`;
    const first = `${CLEAN_GS}${doc}`;
    const second = `${CLEAN_GSS}${doc}`;
    const at = (text: string): string[] =>
      checkManifest(text)
        .filter((p) => p.code === 'ops-state-near-miss')
        .map(show);
    assert.deepEqual(at(first), [rangeOf(first, 'Alocated')], 'the first file');
    assert.deepEqual(at(second), [rangeOf(second, 'Alocated')], 'the same document after a longer one');
  });

  test('the same document twice in a file is reported twice, each at its own lines', () => {
    const doc = `---\n${nearMiss('twice')}`;
    const text = `${doc}${doc}`;
    const found = checkManifest(text)
      .filter((p) => p.code === 'ops-state-near-miss')
      .map(show);
    assert.deepEqual(found, [rangeOf(text, 'Alocated', 0), rangeOf(text, 'Alocated', 1)]);
  });

  test('checking leaves process.env as it was', () => {
    checkManifest(nearMiss('env'));
    assert.equal(process.env, ENV, 'process.env is another object after checks');
    assert.deepEqual(Object.keys(process.env), ENV_KEYS, 'process.env holds other variables after checks');
  });
});

describe('TextCache', () => {
  test('computes a text once, from an equal copy of it', () => {
    const cache = new TextCache<string>(100);
    const seen: string[] = [];
    const compute = (t: string): string => {
      seen.push(t);
      return t.toUpperCase();
    };
    const text = 'kind: GameServer'.slice(6);
    assert.equal(cache.resolve(text, compute), 'GAMESERVER');
    assert.equal(cache.resolve('GameServer', compute), 'GAMESERVER');
    assert.deepEqual(seen, ['GameServer'], 'computed more than once, or from another text');
  });

  test('evicts the least recently used texts beyond its bound, never the newest', () => {
    const cache = new TextCache<number>(10);
    const computed: string[] = [];
    const resolve = (t: string): number => cache.resolve(t, (x) => computed.push(x));
    resolve('aaaa');
    resolve('bbbb');
    resolve('aaaa'); // a hit: 'bbbb' is now the least recently used
    resolve('cccc'); // 12 chars: 'bbbb' goes
    resolve('aaaa');
    resolve('bbbb');
    assert.deepEqual(computed, ['aaaa', 'bbbb', 'cccc', 'bbbb']);
    const small = new TextCache<number>(2);
    let runs = 0;
    small.resolve('longer than the bound', () => runs++);
    small.resolve('longer than the bound', () => runs++);
    assert.equal(runs, 1, 'a text longer than the bound was not kept');
  });
});
