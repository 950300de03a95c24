// Hostile and odd YAML: anchors, merge keys, alias bombs, deep nesting, random bytes and a 5 MB file
// neither crash the manifest checks nor make them hang.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkManifest, MAX_YAML_DEPTH } from '../../server/src/engine/manifest';
import { yamlCompletion, yamlDiagnostics, yamlHover } from '../../server/src/features/yaml';
import { CLEAN_GSS, edit, rangeOf } from './manifest-fixtures';

const HEAD = 'apiVersion: game.kruise.io/v1alpha1\nkind: GameServerSet\nmetadata: {name: x}\n';

function timed<T>(name: string, limitMs: number, run: () => T): T {
  const start = performance.now();
  const result = run();
  const ms = performance.now() - start;
  assert.ok(ms < limitMs, `${name}: took ${ms.toFixed(0)} ms, limit ${limitMs} ms`);
  return result;
}

describe('manifest robustness', () => {
  test('merge keys are expanded, and a problem inside one points at the alias', () => {
    const text = edit(CLEAN_GSS, '        - state: false\n          opsState: Maintaining', '        - state: false\n          <<: *broken').replace(
      'kind: GameServerSet\n',
      'kind: GameServerSet\nx-defaults: &broken {opsState: maintaining}\n',
    );
    const codes = checkManifest(text).map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character}`);
    const alias = rangeOf(text, '*broken').split('-')[0];
    assert.ok(codes.includes(`ops-state-near-miss ${alias}`), `merged opsState reported at the alias: ${codes.join(', ')}`);
  });

  test('an alias bomb is cut off by the alias bound', () => {
    let bomb = `${HEAD}x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i < 12; i++)
      bomb += `x${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    bomb += 'spec: {replicas: 1}\n';
    const problems = timed('alias bomb', 5_000, () => checkManifest(bomb));
    assert.deepEqual(
      problems.map((p) => p.code),
      ['yaml-alias-limit'],
      'one alias-limit problem',
    );
  });

  test('nesting 10,000 deep stops at the depth limit, where it is crossed', () => {
    const deep = `${HEAD}spec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const problems = checkManifest(deep);
    // The root map is level 1, so the `[` at index MAX_YAML_DEPTH - 1 opens level MAX_YAML_DEPTH + 1.
    const at = `${HEAD}spec: `.length + MAX_YAML_DEPTH - 1;
    assert.deepEqual(
      problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character}-${p.range.end.character}`),
      [`yaml-too-deep 3:${at - HEAD.length}-${at - HEAD.length + 1}`],
      'one depth problem at the bracket that crosses the limit, and no stack overflow reported',
    );
  });

  test('random bytes never throw', () => {
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const alphabet = 'ab:-[]{}&*!|>\'"#%@`\n  \t,?0123456789\u0000\u00ff\ud83d';
    for (let i = 0; i < 200; i++) {
      let s = i % 2 ? HEAD : '';
      const length = next() % 400;
      for (let j = 0; j < length; j++) s += alphabet[next() % alphabet.length];
      assert.doesNotThrow(() => checkManifest(s), `random text #${i}`);
      assert.doesNotThrow(() => yamlCompletion(s, { line: next() % 6, character: next() % 20 }), `completion #${i}`);
      assert.doesNotThrow(() => yamlHover(s, { line: next() % 6, character: next() % 20 }), `hover #${i}`);
    }
  });

  test('mutated GameServerSets never throw in any feature (property)', () => {
    const mutation = fc.record({ at: fc.nat(CLEAN_GSS.length), cut: fc.nat(40), insert: fc.string({ maxLength: 12 }) });
    fc.assert(
      fc.property(mutation, fc.nat(80), fc.nat(40), ({ at, cut, insert }, line, character) => {
        const text = CLEAN_GSS.slice(0, at) + insert + CLEAN_GSS.slice(at + cut);
        const diagnostics = yamlDiagnostics(text);
        yamlCompletion(text, { line, character });
        yamlHover(text, { line, character });
        return diagnostics.every((d) => typeof d.code === 'string' && d.range.start.line <= d.range.end.line);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('a 5 MB file is checked in bounded time, and the editor features decline it', () => {
    const copies: string[] = [];
    for (let size = 0, i = 0; size < 5_000_000; i++) {
      const doc = CLEAN_GSS.replace('name: pve\n', `name: pve-${i}\n`);
      copies.push(doc);
      size += doc.length + 4;
    }
    const text = copies.join('---\n');
    const problems = timed('5 MB checkManifest', 60_000, () => checkManifest(text));
    assert.deepEqual(problems, [], 'clean copies have no problems');
    const diagnostics = timed('5 MB diagnostics', 1_000, () => yamlDiagnostics(text));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['too-large'],
      'one too-large warning',
    );
    assert.deepEqual(yamlCompletion(text, { line: 3, character: 2 }), [], 'no completion');
    assert.equal(yamlHover(text, { line: 3, character: 2 }), null, 'no hover');
  });
});
