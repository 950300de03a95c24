// dist/engine.js (built by `npm run build`, which the test command runs first) exposes the engine's API.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadEngine } from '../engine';

describe('dist/engine.js', () => {
  it('is built', () => {
    assert.ok(existsSync(join(__dirname, '..', '..', 'dist', 'engine.js')), 'dist/engine.js is missing: run `npm run build`');
  });

  it('compiles filters for both kinds and for a custom registry', () => {
    const { compileFilter } = loadEngine();
    const gs = compileFilter('{"opsState":"None"}', 'GameServer');
    assert.equal(gs.ok, true);
    assert.equal(gs.matches({ spec: { opsState: 'None' } }), true);
    const gss = compileFilter('{"name":"x"}', 'GameServerSet');
    assert.equal(gss.matches({ metadata: { name: 'x' } }), true);
    const custom = compileFilter('{"level":{"$range":[5,15]}}', { level: 'number' });
    assert.equal(custom.matches({ level: 15 }), true);
    const bad = compileFilter('{"updatePriority":{"$gte":1}}', 'GameServer');
    assert.equal(bad.ok, false);
    assert.deepEqual(Object.keys(bad.problems[0]).sort(), ['code', 'data', 'message', 'range', 'severity']);
  });

  it('checks and applies patches without mutating the input', () => {
    const { checkPatch, applyPatch } = loadEngine();
    const checked = checkPatch('[{"op":"replace","path":"/spec/opsState","value":"Kill"}]', 'GameServer');
    assert.equal(checked.ok, true, JSON.stringify(checked.problems));
    const before = { spec: { opsState: 'None' } };
    const after = applyPatch(before, checked.ops) as typeof before;
    assert.equal(after.spec.opsState, 'Kill');
    assert.equal(before.spec.opsState, 'None');
    assert.equal(checkPatch('[{"op":"replace","path":"/metadata/name","value":"x"}]', 'GameServer').ok, false);
  });
});
