import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viewStateForContent, viewStateForError } from '../../client/src/session/view-state';
import { namespacesLabel, targetLabel } from '../../client/src/session/target-label';
import type { ClusterErrorCode } from '../../client/src/cluster/errors';

test('each cluster error leads to the welcome content that fixes it', () => {
  const cases: [ClusterErrorCode, string][] = [
    ['kubeconfig', 'noKubeconfig'],
    ['unreachable', 'unreachable'],
    ['tls', 'unreachable'],
    ['timeout', 'unreachable'],
    ['not-installed', 'okgMissing'],
    ['forbidden', 'forbidden'],
    ['unauthorized', 'unauthorized'],
    ['server-error', 'error'],
  ];
  for (const [code, state] of cases) assert.equal(viewStateForError({ code, message: 'm' }), state, code);
});

test('content states: empty cluster, no matches, ready', () => {
  assert.equal(viewStateForContent(0, 0, false), 'empty');
  assert.equal(viewStateForContent(0, 0, true), 'empty', 'an empty cluster is news even under a filter');
  assert.equal(viewStateForContent(5, 0, true), 'noMatches');
  assert.equal(viewStateForContent(5, 5, false), 'ready');
});

test('target labels stay short', () => {
  assert.equal(targetLabel({ context: 'dev', namespaces: ['a'] }), 'dev · a');
  assert.equal(namespacesLabel('all'), 'all namespaces');
  assert.equal(namespacesLabel(['a', 'b', 'c', 'd']), 'a, b +2');
});
