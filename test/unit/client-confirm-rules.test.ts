import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmationFor, patchSetsKill, typedCountError } from '../../client/src/commands/confirm-rules';

const setOps = (value: string) => [{ op: 'replace', path: '/spec/opsState', value }];

test('a small, filtered, non-Kill apply needs one click', () => {
  assert.deepEqual(confirmationFor({ count: 3, threshold: 10, filterIsEmpty: false, ops: setOps('WaitToBeDeleted') }), { kind: 'click' });
  assert.deepEqual(confirmationFor({ count: 10, threshold: 10, filterIsEmpty: false, ops: [] }), { kind: 'click' }, 'threshold itself is allowed');
});

test('typing the count is required over the threshold, for an empty filter and for Kill', () => {
  const cases: [string, Parameters<typeof confirmationFor>[0], string][] = [
    ['over threshold', { count: 11, threshold: 10, filterIsEmpty: false, ops: [] }, 'more than 10 objects'],
    ['empty filter', { count: 1, threshold: 10, filterIsEmpty: true, ops: [] }, 'the filter is empty, so it matches every object'],
    ['kill', { count: 1, threshold: 10, filterIsEmpty: false, ops: setOps('Kill') }, 'the patch sets opsState to Kill'],
  ];
  for (const [name, input, reason] of cases) {
    assert.deepEqual(confirmationFor(input), { kind: 'typeCount', count: input.count, reasons: [reason] }, name);
  }
});

test('a scale that makes OKG delete GameServers asks for their count typed, not the one set written', () => {
  const scaleDown = { count: 1, threshold: 10, filterIsEmpty: false, ops: [{ op: 'replace', path: '/spec/replicas', value: 2 }] };
  assert.deepEqual(confirmationFor({ ...scaleDown, deletes: 3 }), { kind: 'typeCount', count: 3, reasons: ['OKG will delete 3 GameServers'] });
  assert.deepEqual(confirmationFor({ ...scaleDown, deletes: 0 }), { kind: 'click' }, 'a scale up deletes nothing: one click');
});

test('Kill is found wherever the patch writes it', () => {
  assert.equal(patchSetsKill([{ op: 'add', path: '/spec/opsState', value: 'Kill' }]), true, 'add');
  assert.equal(patchSetsKill([{ op: 'replace', path: '/spec', value: { opsState: 'Kill' } }]), true, 'whole spec');
  assert.equal(patchSetsKill([{ op: 'test', path: '/spec/opsState', value: 'Kill' }]), false, 'a test only reads');
  assert.equal(patchSetsKill([{ op: 'replace', path: '/spec/opsState', value: 'kill' }]), false, 'values are case-sensitive');
  assert.equal(patchSetsKill([{ op: 'replace', path: '/spec/opsStateX', value: { opsState: 'Kill' } }]), false, 'a sibling path');
  assert.equal(patchSetsKill([{ op: 'replace', path: '', value: { spec: { opsState: 'Kill' } } }]), true, 'whole document');
});

test('the typed count must match exactly', () => {
  assert.equal(typedCountError(' 12 ', 12), undefined);
  assert.equal(typedCountError('', 12), 'Type 12 to confirm');
  assert.equal(typedCountError('120', 12), 'Type 12 to confirm');
});
