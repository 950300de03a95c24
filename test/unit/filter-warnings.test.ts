// Accepted filters that still deserve a word: portability, never-matching patterns and values,
// duplicates, comments and the empty filter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilter } from '../../server/src/engine/filter/compile';
import { makeGameServer } from '../fixtures/gameservers';
import { rangeOf } from './filter-helpers';

interface Case {
  filter: string;
  code: string;
  severity: 'warning' | 'info';
  at: string;
  data?: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    filter: '{"updatePriority":{"$gt":1}}',
    code: 'gt-portability',
    severity: 'warning',
    at: '"$gt"',
    data: { field: 'updatePriority', value: 1, integer: true },
  },
  {
    filter: '{"$and":[{"opsState":"None"},{"deletionPriority":{"$gt":0}}]}',
    code: 'gt-portability',
    severity: 'warning',
    at: '"$gt"',
    data: { field: 'deletionPriority', value: 0, integer: true },
  },
  { filter: '{"name":{"$regex":"(minecraft"}}', code: 'regex-invalid', severity: 'warning', at: '"(minecraft"' },
  { filter: '{"opsState":"kill"}', code: 'near-miss-value', severity: 'warning', at: '"kill"', data: { replacement: 'Kill' } },
  {
    filter: '{"opsState":{"$in":["None","WaitToBeDelete"]}}',
    code: 'near-miss-value',
    severity: 'warning',
    at: '"WaitToBeDelete"',
    data: { replacement: 'WaitToBeDeleted' },
  },
  { filter: '{"opsState":"WaitToDelete"}', code: 'near-miss-value', severity: 'warning', at: '"WaitToDelete"', data: { replacement: 'WaitToBeDeleted' } },
  {
    filter: '{"opsState":{"$ne":"waitToDelete"}}',
    code: 'near-miss-value',
    severity: 'warning',
    at: '"waitToDelete"',
    data: { replacement: 'WaitToBeDeleted' },
  },
  { filter: '{"currentState":"ready"}', code: 'near-miss-value', severity: 'warning', at: '"ready"', data: { replacement: 'Ready' } },
  { filter: '{"currentState":"Sleeping"}', code: 'unknown-value', severity: 'warning', at: '"Sleeping"' },
  { filter: '{"currentNetworkState":{"$ne":"Gone"}}', code: 'unknown-value', severity: 'warning', at: '"Gone"' },
  { filter: '{"images":{"$all":["nginx:1.27.4"]}}', code: 'image-format', severity: 'warning', at: '"nginx:1.27.4"' },
  { filter: '{"opsState":"None","opsState":"Kill"}', code: 'duplicate-key', severity: 'warning', at: '"opsState"' },
];

describe('filter warnings', () => {
  for (const c of CASES) {
    it(`${c.filter} -> ${c.code}`, () => {
      const f = compileFilter(c.filter, 'GameServer');
      const p = f.problems.find((x) => x.code === c.code);
      assert.equal(f.ok, true, `${c.filter}: a warning does not reject: ${JSON.stringify(f.problems)}`);
      assert.ok(p, `${c.filter}: expected ${c.code}, got ${JSON.stringify(f.problems)}`);
      assert.equal(p.severity, c.severity, `${c.filter}: severity`);
      assert.deepEqual(p.range, rangeOf(c.filter, c.at), `${c.filter}: range`);
      if (c.data) assert.deepEqual(p.data, c.data, `${c.filter}: data`);
    });
  }

  it('a well-formed "container,image" pair does not warn', () => {
    assert.deepEqual(compileFilter('{"images":["game,g:1"]}', 'GameServerSet').problems, []);
  });

  it('a custom opsState that is not a near miss is legal and silent', () => {
    assert.deepEqual(compileFilter('{"opsState":"GateMaintaining"}', 'GameServer').problems, []);
  });

  it('with duplicate keys the last one wins, as in Go', () => {
    const f = compileFilter('{"opsState":"None","opsState":"Kill"}', 'GameServer');
    const gs = { spec: { opsState: 'Kill' } };
    assert.equal(f.matches(gs), true, 'matches the last value');
    assert.equal(f.matches({ spec: { opsState: 'None' } }), false, 'ignores the first value');
  });

  it('an invalid $regex never matches', () => {
    const f = compileFilter('{"name":{"$regex":"("}}', 'GameServer');
    assert.equal(f.matches(makeGameServer(0)), false);
  });

  it('comments are allowed and ignored', () => {
    const f = compileFilter('// idle servers\n{"opsState": /* reserved */ "None"}\n', 'GameServer');
    assert.deepEqual(f.problems, []);
    assert.equal(f.matches({ spec: { opsState: 'None' } }), true);
  });

  for (const text of ['', '   \n', '// nothing but a comment\n/* and another */']) {
    it(`the empty filter ${JSON.stringify(text)} matches everything, with an info`, () => {
      const f = compileFilter(text, 'GameServer');
      assert.equal(f.ok, true);
      assert.deepEqual(
        f.problems.map((p) => [p.severity, p.code]),
        [['info', 'empty-filter']],
      );
      assert.match(f.problems[0].message, /every GameServer in every namespace/);
      assert.equal(f.matches(makeGameServer(1)), true);
      assert.equal(f.matches(null), true);
    });
  }
});
