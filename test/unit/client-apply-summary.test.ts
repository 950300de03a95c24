import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarize, type ObjectOutcome } from '../../client/src/commands/apply-summary';

const r = (name: string, outcome: ObjectOutcome['outcome'], error?: string): ObjectOutcome => ({ namespace: 'prod', name, outcome, error });

test('all changed: one sentence, nothing to retry', () => {
  const s = summarize([r('a', 'changed'), r('b', 'changed')], 'GameServers', 'kind-dev');
  assert.equal(s.message, 'Changed 2 of 2 GameServers in kind-dev.');
  assert.equal(s.canRetry, false);
});

test('changed since preview, failures grouped by reason, cancelled', () => {
  const s = summarize(
    [
      r('a', 'changed'),
      r('b', 'changed-since-preview'),
      r('c', 'failed', 'Forbidden: you may not patch gameservers in prod'),
      r('d', 'failed', 'Forbidden: you may not patch gameservers in prod'),
      r('e', 'failed', 'timeout'),
      r('f', 'cancelled'),
    ],
    'GameServers',
    'prod-ctx',
  );
  assert.equal(
    s.message,
    'Changed 1 of 6 GameServers in prod-ctx. 1 had changed since the preview and was not overwritten. ' +
      '3 failed: Forbidden: you may not patch gameservers in prod (2); timeout (1). 1 not attempted (cancelled).',
  );
  assert.deepEqual([s.changed, s.changedSincePreview, s.failed, s.cancelled, s.canRetry], [1, 1, 3, 1, true]);
});

test('more than two failure reasons are counted, not listed', () => {
  const s = summarize([r('a', 'failed', 'x'), r('b', 'failed', 'y'), r('c', 'failed', 'z')], 'GameServers', 'c');
  assert.match(s.message, /3 failed: x \(1\); y \(1\); 1 other reason\./);
});
