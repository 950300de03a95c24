// The journal file: appended one line per entry, capped, robust to a torn or foreign line, and
// never holding a secret-like value, even one put in the object on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplyResult } from '../../client/src/cluster/patch-runner';
import type { KubeObject } from '../../client/src/cluster/resources';
import type { JournalEntry } from '../../client/src/journal/entry';
import { entryLabel } from '../../client/src/journal/entry-words';
import { inverseOf } from '../../client/src/journal/inverse';
import { Journal, entryOf } from '../../client/src/journal/journal';
import { JournalStore } from '../../client/src/journal/store';

async function tempFile(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'okg-journal-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'nested', 'journal.jsonl');
}

function warnings() {
  const seen: string[] = [];
  return { seen, log: { warn: (m: string) => seen.push(m) } };
}

function entry(id: string, pad = ''): JournalEntry {
  return {
    v: 1,
    id,
    time: '2026-01-02T03:04:05.000Z',
    what: `apply ${id}${pad}`,
    kind: 'GameServer',
    context: 'prod',
    namespaces: ['default'],
    patch: [],
    objects: [],
  };
}

test('appends one line per entry and reads them back, oldest first', async (t) => {
  const file = await tempFile(t);
  const store = new JournalStore(file, warnings().log);
  await store.append(entry('a'));
  await store.append(entry('b'));
  const text = await readFile(file, 'utf8');
  assert.equal(text.split('\n').filter(Boolean).length, 2, `expected two lines, got: ${text}`);
  const again = new JournalStore(file, warnings().log);
  assert.deepEqual(
    (await again.load()).map((e) => e.id),
    ['a', 'b'],
    'the entries did not read back in order',
  );
});

test('a torn last line and a foreign line are skipped with a warning; the others survive, and the next append starts a new line', async (t) => {
  const file = await tempFile(t);
  const first = new JournalStore(file, warnings().log);
  await first.append(entry('a'));
  await appendFile(file, '{"v":1,"id":"x"}\n{"v":1,"id":"torn","ti', 'utf8');
  const w = warnings();
  const store = new JournalStore(file, w.log);
  assert.deepEqual(
    (await store.load()).map((e) => e.id),
    ['a'],
    'a good entry was lost or a bad line kept',
  );
  assert.equal(w.seen.length, 2, `expected a warning per bad line: ${JSON.stringify(w.seen)}`);
  assert.match(w.seen.join('\n'), /line 2: skipped, not a journal entry/);
  assert.match(w.seen.join('\n'), /line 3: skipped, not JSON/);
  await store.append(entry('b'));
  const reread = new JournalStore(file, warnings().log);
  assert.deepEqual(
    (await reread.load()).map((e) => e.id),
    ['a', 'b'],
    'the entry appended after a torn line was glued to it',
  );
});

test('a missing file is an empty journal; an unreadable one is a warning, never a throw', async (t) => {
  const file = await tempFile(t);
  assert.deepEqual(await new JournalStore(file, warnings().log).load(), []);
  const w = warnings();
  const dirAsFile = join(file, '..', '..');
  assert.deepEqual(await new JournalStore(dirAsFile, w.log).load(), [], 'a directory read as the journal gave entries');
  assert.equal(w.seen.length, 1, 'reading a directory was not reported');
  const blocked = new JournalStore(join(dirAsFile, 'journal.jsonl', 'x'), w.log);
  await writeFile(join(dirAsFile, 'journal.jsonl'), '', 'utf8');
  await blocked.append(entry('a'));
  assert.match(w.seen.at(-1) ?? '', /could not be written/, 'a failed write was not reported');
});

test('over the entry cap, the oldest are dropped to three quarters of it; the newest is always kept', async (t) => {
  const file = await tempFile(t);
  const store = new JournalStore(file, warnings().log, {
    maxEntries: 8,
    maxBytes: 1_000_000,
  });
  for (let i = 0; i < 9; i++) await store.append(entry(`e${i}`));
  const ids = (await new JournalStore(file, warnings().log).load()).map((e) => e.id);
  assert.deepEqual(ids, ['e3', 'e4', 'e5', 'e6', 'e7', 'e8'], 'the cap kept the wrong entries');
  assert.deepEqual(
    store.entries.map((e) => e.id),
    ids,
    'memory and file disagree after the cap',
  );
});

test('over the byte cap, the oldest are dropped; an entry bigger than the cap alone is kept', async (t) => {
  const file = await tempFile(t);
  const store = new JournalStore(file, warnings().log, {
    maxEntries: 100,
    maxBytes: 1_000,
  });
  for (let i = 0; i < 6; i++) await store.append(entry(`e${i}`, 'x'.repeat(200)));
  const text = await readFile(file, 'utf8');
  assert.ok(Buffer.byteLength(text) <= 1_000, `the file is ${Buffer.byteLength(text)} bytes, over the cap`);
  assert.equal((await new JournalStore(file, warnings().log).load()).at(-1)?.id, 'e5', 'the newest entry was dropped');
  await store.append(entry('big', 'x'.repeat(2_000)));
  assert.deepEqual(
    (await new JournalStore(file, warnings().log).load()).map((e) => e.id),
    ['big'],
    'an oversized newest entry was not kept alone',
  );
});

const TOKEN = 'tok-9f8e7d6c5b4a-secret-value';

function withSecrets(): KubeObject {
  return {
    kind: 'GameServerSet',
    metadata: {
      name: 'set',
      namespace: 'default',
      uid: 'u1',
      resourceVersion: '1',
      generation: 1,
      annotations: { 'example.com/api-token': TOKEN },
    },
    spec: {
      replicas: 2,
      gameServerTemplate: {
        spec: {
          containers: [
            {
              name: 'game',
              image: 'g:1',
              env: [{ name: 'PASSWORD', value: TOKEN }],
            },
          ],
        },
      },
    },
  };
}

function changedResult(before: KubeObject, mutate: (o: KubeObject & { spec: any }) => void): ApplyResult {
  const after = structuredClone(before) as KubeObject & { spec: any };
  mutate(after);
  after.metadata.resourceVersion = '2';
  return { key: 'default/set', outcome: 'changed', before, after, attempts: 1 };
}

test('never stores a token-like value: not the untouched ones, nor the ones the apply changed, nor in the patch', async (t) => {
  const file = await tempFile(t);
  const journal = new Journal(new JournalStore(file, warnings().log), warnings().log);
  await journal.load();
  const before = withSecrets();
  const untouched = changedResult(before, (o) => (o.spec.replicas = 3));
  await journal.record({
    kind: 'GameServerSet',
    what: 'scale',
    context: 'prod',
    ops: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    results: [untouched],
  });
  const touched = changedResult(before, (o) => {
    o.metadata.annotations = { 'example.com/api-token': 'new-' + TOKEN };
    o.spec.gameServerTemplate.spec.containers[0].env[0].value = 'new-' + TOKEN;
  });
  const ops = [
    {
      op: 'replace',
      path: '/metadata/annotations/example.com~1api-token',
      value: 'new-' + TOKEN,
    },
    {
      op: 'replace',
      path: '/spec/gameServerTemplate/spec/containers/0/env',
      value: [{ name: 'PASSWORD', value: 'new-' + TOKEN }],
    },
  ];
  const recorded = await journal.record({
    kind: 'GameServerSet',
    what: 'rotate',
    context: 'prod',
    ops,
    results: [touched],
  });
  const text = await readFile(file, 'utf8');
  assert.ok(!text.includes(TOKEN), `the journal file holds the token: ${text}`);
  assert.deepEqual(journal.entries()[1].objects[0].changes, [{ path: '/spec/replicas', before: 2, after: 3 }], 'the untouched scale was not recorded narrowly');
  assert.ok(recorded && !inverseOf(recorded.objects[0]).ok, 'an object whose secret-like values were not kept can be reverted');
});

test('an entry records context, namespaces, filter, masked patch, and per object uid, resourceVersions and outcome', async () => {
  const before: KubeObject = {
    metadata: {
      name: 'gs-1',
      namespace: 'ns-b',
      uid: 'u',
      resourceVersion: '5',
    },
    spec: { opsState: 'None' },
  };
  const ok = changedResult(before, (o) => (o.spec.opsState = 'Kill'));
  const failed: ApplyResult = {
    key: 'ns-a/gs-2',
    outcome: 'failed',
    before: { metadata: { name: 'gs-2', namespace: 'ns-a' } },
    attempts: 1,
    error: { code: 'forbidden', message: 'ns-a/gs-2: forbidden' },
  };
  const e = await entryOf(
    {
      kind: 'GameServer',
      what: 'kill',
      context: 'prod',
      filter: '{"opsState":"None"}',
      ops: [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }],
      results: [ok, failed],
    },
    'id1',
    new Date('2026-01-02T03:04:05Z'),
  );
  assert.deepEqual(e.namespaces, ['ns-a', 'ns-b']);
  assert.equal(e.filter, '{"opsState":"None"}');
  assert.deepEqual(e.objects[0], {
    namespace: 'ns-b',
    name: 'gs-1',
    uid: 'u',
    resourceVersionBefore: '5',
    resourceVersionAfter: '2',
    outcome: 'changed',
    changes: [{ path: '/spec/opsState', before: 'None', after: 'Kill' }],
  });
  assert.deepEqual(e.objects[1], {
    namespace: 'ns-a',
    name: 'gs-2',
    outcome: 'failed',
    error: 'ns-a/gs-2: forbidden',
  });
  assert.match(
    entryLabel(e, new Date('2026-05-05T00:00:00Z')),
    /^2026-01-0\d \d\d:04:05 · kill · 1 changed \(1 failed\)$/,
    'the History label is not "time · what · counts"',
  );
});
