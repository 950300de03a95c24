// A journal entry as kgctl commands: grouped per namespace and distinct change, the objects
// named in the filter, everything shell-quoted so that a paste runs exactly what was recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { JournalEntry, RecordedChange, RecordedObject } from '../../client/src/journal/entry';
import { kgctlLines } from '../../client/src/journal/kgctl-lines';

const kill: RecordedChange[] = [{ path: '/spec/opsState', before: 'None', after: 'Kill' }];

function entry(objects: RecordedObject[], extra: Partial<JournalEntry> = {}): JournalEntry {
  return {
    v: 1,
    id: 'e',
    time: '2026-01-02T03:04:05.000Z',
    what: 'kill',
    kind: 'GameServer',
    context: 'prod',
    namespaces: [],
    patch: [],
    objects,
    ...extra,
  };
}

const changed = (namespace: string, name: string, changes = kill): RecordedObject => ({ namespace, name, outcome: 'changed', changes });

test('one line per namespace and distinct change, the names in the filter; unchanged objects are left out', () => {
  const lines = kgctlLines(
    entry([
      changed('default', 'a'),
      changed('default', 'b'),
      changed('other', 'c'),
      changed('default', 'd', [{ path: '/spec/updatePriority', before: 1, after: 2 }]),
      {
        namespace: 'default',
        name: 'e',
        outcome: 'failed',
        error: 'default/e: forbidden',
      },
    ]),
  );
  assert.deepEqual(lines, [
    '# 2026-01-02T03:04:05.000Z prod: kill',
    `kgctl --context 'prod' -r gs -n 'default' -f '{"name":{"$in":["a","b"]}}' -j '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]'`,
    `kgctl --context 'prod' -r gs -n 'other' -f '{"name":"c"}' -j '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]'`,
    `kgctl --context 'prod' -r gs -n 'default' -f '{"name":"d"}' -j '[{"op":"replace","path":"/spec/updatePriority","value":2}]'`,
  ]);
});

test('adds and removes reproduce what the apply did; sets are -r gss; more than kgctl threshold adds --yes', () => {
  const names = Array.from({ length: 11 }, (_, i) => `s${i}`);
  const changes: RecordedChange[] = [
    { path: '/metadata/labels/a~1b', after: 'x' },
    { path: '/spec/deletionPriority', before: 3 },
  ];
  const [, line] = kgctlLines(
    entry(
      names.map((n) => changed('ns', n, changes)),
      { kind: 'GameServerSet' },
    ),
  );
  assert.match(line, / -r gss /, 'a GameServerSet entry is not -r gss');
  assert.match(line, /'\[\{"op":"add","path":"\/metadata\/labels\/a~1b","value":"x"\},\{"op":"remove","path":"\/spec\/deletionPriority"\}\]'/);
  assert.ok(line.endsWith(' --yes'), `11 objects need --yes: ${line}`);
});

test('quotes, $ and newlines in values, names and the context reach kgctl unchanged through a POSIX shell', () => {
  const value = `it's $HOME \`id\` "q" \\ ;|&`;
  const lines = kgctlLines(
    entry([changed(`ns`, `o'brien`, [{ path: '/metadata/annotations/note', before: 'x', after: value }])], { context: `ctx 'a' $b`, what: 'a\nrm -rf /' }),
  );
  assert.equal(lines.length, 2, `a newline in what broke the comment into two lines: ${JSON.stringify(lines)}`);
  assert.ok(lines[0].startsWith('# '), 'the first line is not a comment');
  // Run the line with kgctl replaced by a function printing its arguments, one per line.
  const out = execFileSync('sh', ['-c', `kgctl() { for a in "$@"; do printf '%s\\n' "$a"; done; }\n${lines.join('\n')}`], { encoding: 'utf8' });
  const args = out.trimEnd().split('\n');
  assert.equal(args[1], `ctx 'a' $b`, 'the context did not survive the shell');
  assert.equal(JSON.parse(args[7]).name, `o'brien`, 'the name did not survive the shell');
  assert.equal(JSON.parse(args[9])[0].value, value, 'the value did not survive the shell');
});

test('objects whose values the journal did not keep are named in a comment, not reproduced', () => {
  const lines = kgctlLines(
    entry([
      changed('ns', 'set', [
        {
          path: '/spec/gameServerTemplate/spec/containers/0/env',
          redacted: true,
        },
      ]),
    ]),
  );
  assert.equal(lines.length, 3, JSON.stringify(lines));
  assert.match(lines[1], /^# ns\/set: left out/);
  assert.match(lines[2], /^# Nothing to reproduce/);
});
