import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { COUNTS_MS, OPEN_MS, OPEN_ROWS_MS, PAGE_SIZE, RefreshSchedule, type ViewNode } from '../../client/src/views/refresh-schedule';
import { TreeIndex } from '../../client/src/views/tree-index';
import type { KubeObject } from '../../client/src/views/object-fields';
import { gs, gss } from './client-fixtures';

/** Two sets in one namespace: "big" with PAGE_SIZE + 10 GameServers, "small" with 3. */
function setup() {
  const objects = new Map<string, KubeObject>();
  for (let i = 0; i < PAGE_SIZE + 10; i++) objects.set(`ns/big-${i}`, gs('ns', `big-${i}`, { set: 'big' }));
  for (let i = 0; i < 3; i++) objects.set(`ns/small-${i}`, gs('ns', `small-${i}`, { set: 'small' }));
  const index = new TreeIndex();
  index.reset(objects.values(), [gss('ns', 'big', PAGE_SIZE + 10), gss('ns', 'small', 3)]);
  const fired: (string[] | 'root')[] = [];
  const schedule = new RefreshSchedule({
    fire: (nodes) => fired.push(nodes ? nodes.map((n) => n.id).sort() : 'root'),
    isShown: (n) => index.isShown(n.kind === 'more' ? n.set : n),
    tick: () => undefined,
  });
  const [ns] = index.roots;
  const big = ns!.children.find((s) => s.name === 'big')!;
  const small = ns!.children.find((s) => s.name === 'small')!;
  const change = (key: string, state: string) => {
    const [n, name] = key.split('/');
    objects.set(key, gs(n!, name!, { set: name!.replace(/-\d+$/, ''), state }));
    schedule.add(index.apply('GameServer', { added: [], modified: [key], deleted: [] }, (k) => objects.get(k)));
  };
  return { index, schedule, fired, ns: ns!, big, small, change };
}

test('a row of an open set reaches VS Code alone and soon; a row of a collapsed set not at all', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { schedule, fired, ns, small, change } = setup();
  schedule.open.add(ns.id);
  schedule.open.add(small.id);
  change('ns/small-1', 'NotReady');
  change('ns/big-1', 'NotReady');
  mock.timers.tick(OPEN_MS);
  assert.deepEqual(fired, [['gs/ns/small-1']], 'only the open set’s changed row is refreshed, at once');
  mock.timers.tick(COUNTS_MS);
  assert.deepEqual(fired, [['gs/ns/small-1']], 'a changed row in a collapsed set costs VS Code nothing');
});

test('children of collapsed parts and counts reach VS Code at most once a second, however many batches', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { schedule, fired, index, ns, small } = setup();
  const objects = new Map<string, KubeObject>();
  for (let i = 0; i < 20; i++) {
    const key = `ns/small-${100 + i}`;
    objects.set(key, gs('ns', `small-${100 + i}`, { set: 'small' }));
    schedule.add(index.apply('GameServer', { added: [key], modified: [], deleted: [] }, (k) => objects.get(k)));
    mock.timers.tick(50);
  }
  assert.deepEqual(fired, [[ns.id, small.id].sort()], '20 batches within a second give one refresh of the collapsed set and its namespace');
  mock.timers.tick(5 * COUNTS_MS);
  assert.equal(fired.length, 1, 'nothing more without changes');
  schedule.open.add(ns.id);
  schedule.add(index.apply('GameServer', { added: [], modified: [], deleted: ['ns/small-100'] }, (k) => objects.get(k)));
  mock.timers.tick(OPEN_MS);
  assert.equal(fired.length, 1, 'a collapsed set’s children wait for the counts tick');
  mock.timers.tick(COUNTS_MS);
  assert.deepEqual(fired.at(-1), [small.id], 'the open namespace’s row is not redrawn for its count (that would redraw all its rows)');
  mock.timers.tick(OPEN_ROWS_MS - 2 * COUNTS_MS);
  assert.equal(fired.length, 2, 'nor within the next seconds, while it stays open');
  mock.timers.tick(COUNTS_MS);
  assert.deepEqual(fired.at(-1), [ns.id], 'its row catches up after OPEN_ROWS_MS');
  schedule.add(index.apply('GameServer', { added: [], modified: [], deleted: ['ns/small-101'] }, (k) => objects.get(k)));
  schedule.collapsed(ns.id);
  mock.timers.tick(COUNTS_MS);
  assert.deepEqual(fired.at(-1), [ns.id, small.id].sort(), 'or at once when collapsed');
});

test('a large set lists a page and a Show more row; rows past the page are not refreshed; Show more lists the next page', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { schedule, fired, big, change } = setup();
  const page = schedule.page(big);
  assert.equal(page.length, PAGE_SIZE + 1);
  const more = page[PAGE_SIZE] as ViewNode;
  assert.equal(more.kind, 'more');
  schedule.open.add(big.id);
  change(`ns/big-${PAGE_SIZE + 5}`, 'NotReady');
  change('ns/big-3', 'NotReady');
  mock.timers.tick(OPEN_MS);
  assert.deepEqual(fired, [['gs/ns/big-3']], 'only the listed row is refreshed');
  schedule.showMore(big);
  assert.deepEqual(fired.at(-1), [big.id], 'Show more refreshes the set');
  assert.equal(schedule.page(big).length, PAGE_SIZE + 10, 'the second page lists the rest, with no Show more row');
});

test('an open set’s own row is not redrawn for its counts while open, only once collapsed', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { schedule, fired, index, ns, small } = setup();
  schedule.open.add(ns.id);
  schedule.open.add(small.id);
  const replicas = gss('ns', 'small', 3, 1);
  schedule.add(index.apply('GameServerSet', { added: [], modified: ['ns/small'], deleted: [] }, () => replicas));
  mock.timers.tick(3 * OPEN_ROWS_MS);
  assert.deepEqual(fired, [], 'the ready count moved, but redrawing the open set would take its rows and any pending tooltip');
  schedule.collapsed(small.id);
  mock.timers.tick(COUNTS_MS);
  assert.deepEqual(fired, [[small.id]], 'collapsed, it catches up');
});

test('expanding a set whose row was queued while collapsed does not redraw it right after (its children are fresh)', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const { schedule, fired, index, small } = setup();
  const replicas = gss('ns', 'small', 3, 1);
  schedule.add(index.apply('GameServerSet', { added: [], modified: ['ns/small'], deleted: [] }, () => replicas));
  schedule.opened(small);
  mock.timers.tick(3 * OPEN_ROWS_MS);
  assert.deepEqual(fired, [], 'the set just drawn is not redrawn while open');
});
