import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown, gameServerDescription, gameServerIcon, gameServerTooltip, setDescription } from '../../client/src/views/presentation';
import { gs, gss } from './client-fixtures';

test("description names only what is not the usual, in the printer columns' order", () => {
  const network = (state: string) => {
    const o = gs('a', 'x');
    (o.status as Record<string, unknown>).networkStatus = { currentNetworkState: state };
    return o;
  };
  const cases: [string, unknown, string][] = [
    ['nothing unusual', gs('a', 'x'), 'Ready'],
    ['everything unusual', gs('a', 'x', { state: 'NotReady', opsState: 'Maintaining', dp: '5', up: '2' }), 'NotReady · Maintaining · DP 5 · UP 2'],
    ['an opsState alone', gs('a', 'x', { opsState: 'WaitToBeDeleted' }), 'WaitToBeDeleted'],
    ['a state alone', gs('a', 'x', { state: 'Crash' }), 'Crash'],
    ['an update priority alone', gs('a', 'x', { up: '10' }), 'UP 10'],
    ['a priority OKG reads as 0 is not shown', gs('a', 'x', { dp: '' }), 'Ready'],
    ['a priority that is not a number is shown as it is', gs('a', 'x', { dp: 'high' }), 'DP high'],
    ['network waiting', network('Waiting'), 'network Waiting'],
    ['network ready', network('Ready'), 'Ready'],
    ['no status at all', { spec: {} }, 'no state'],
    ['no object at all', {}, 'no state'],
  ];
  for (const [name, obj, want] of cases) assert.equal(gameServerDescription(obj), want, name);
});

test('icon shape follows opsState, colour follows state', () => {
  const cases: [string, string, string, string | undefined][] = [
    ['Ready', 'None', 'pass-filled', 'testing.iconPassed'],
    ['Crash', 'None', 'error', 'list.errorForeground'],
    ['Ready', 'WaitToBeDeleted', 'clock', 'testing.iconPassed'],
    ['Crash', 'Maintaining', 'tools', 'list.errorForeground'],
    ['Ready', 'Kill', 'close', 'list.errorForeground'],
    ['Ready', 'custom-state', 'tag', 'testing.iconPassed'],
    ['', 'None', 'circle-outline', 'disabledForeground'],
  ];
  for (const [state, opsState, icon, color] of cases) {
    assert.deepEqual(gameServerIcon(gs('a', 'x', { state, opsState })), { icon, color }, `${state}/${opsState}`);
  }
});

test('set description is current/ready/desired, with matches under a filter', () => {
  assert.equal(setDescription(gss('a', 's', 5, 3)), '5/3/5');
  assert.equal(setDescription(gss('a', 's', 5, 3), 1), '5/3/5 · 1 match');
  assert.equal(setDescription(gss('a', 's', 5, 3), 4), '5/3/5 · 4 matches');
});

test('tooltip lists images, addresses, conditions and service qualities', () => {
  const obj = gs('prod', 'battle-0', { images: ['game,game:2.0', 'sidecar,busybox:1.37'] });
  const status = obj.status as Record<string, unknown>;
  status.networkStatus = { currentNetworkState: 'Ready', externalAddresses: [{ ip: '1.2.3.4', ports: [{ name: 'g', port: 7777, protocol: 'UDP' }] }] };
  status.conditions = [{ type: 'PodNormal', status: 'True' }];
  status.serviceQualitiesConditions = [{ name: 'healthy', status: 'False', result: 'no players' }];
  const md = gameServerTooltip(obj, 'battle-0', 'prod');
  for (const part of ['`game,game:2.0`', '`sidecar,busybox:1.37`', 'external: 1.2.3.4 (7777/UDP)', '$(check) PodNormal', '$(close) healthy — no players']) {
    assert.ok(md.includes(part), `tooltip should contain ${part}:\n${md}`);
  }
});

test('markdown from the cluster is escaped', () => {
  assert.equal(escapeMarkdown('a*b_[c](d)<x>'), 'a\\*b\\_\\[c\\](d)\\<x\\>');
});
