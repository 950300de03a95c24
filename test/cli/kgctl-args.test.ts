// kgctl's flags, in process: kruisegamectl's spellings, our additions, and every usage error
// (exit 1, message on stderr, nothing on stdout), for the main command and `kgctl wait`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseKgctlArgs } from '../../client/src/cli/args';
import { formatDuration, parseDuration } from '../../client/src/cli/duration';
import { parseWaitArgs } from '../../client/src/cli/wait-args';
import type { Io } from '../../client/src/cli/io';
import { runKgctl } from '../../client/src/cli/run';

function capture(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', env: {}, cwd: process.cwd() },
  };
}

describe('kgctl arguments', () => {
  it("accepts kruisegamectl's flags and kind spellings", () => {
    for (const [r, kind] of [
      ['gameserver', 'GameServer'],
      ['gs', 'GameServer'],
      ['GameServerSet', 'GameServerSet'],
      ['gss', 'GameServerSet'],
    ] as const) {
      const p = parseKgctlArgs(['-r', r]);
      assert.ok(p.ok && !p.help && p.options.kind === kind, `-r ${r} is ${kind}`);
    }
    const p = parseKgctlArgs(['--resourcekind', 'gs', '--filter', '{}', '--jsonpatch', '[]', '--pretty', '--kubeconfig', 'k.yaml']);
    assert.ok(p.ok && !p.help, 'long forms parse');
    assert.equal(p.options.mode, 'update');
    assert.equal(p.options.pretty, true);
    assert.equal(p.options.kubeconfig, 'k.yaml');
    const d = parseKgctlArgs(['-r', 'gss', '-d', '-n', 'a', '-n', 'b', '-n', 'a', '--threshold', '50', '-y', '-o', 'table']);
    assert.ok(d.ok && !d.help, 'our flags parse');
    assert.equal(d.options.mode, 'delete');
    assert.deepEqual(d.options.namespaces, ['a', 'b'], '-n repeats, once each');
    assert.equal(d.options.threshold, 50);
    assert.equal(d.options.yes, true);
    assert.equal(d.options.output, 'table');
    const all = parseKgctlArgs(['-r', 'gs']);
    assert.ok(
      all.ok && !all.help && all.options.namespaces === 'all' && all.options.mode === 'list' && all.options.filter === '',
      'defaults: all namespaces, list, empty filter',
    );
  });

  it('every usage error exits 1 with a message, and prints nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [[], /-r\/--resourcekind flag is required/],
      [['-r', 'pod'], /resource kind must be gameserver or gameserverset/],
      [['-r', 'gs', '-j', '[]', '-d'], /--jsonpatch and --deletion cannot be used together/],
      [['-r', 'gs', '--bogus'], /Unknown option '--bogus'/],
      [['-r', 'gs', 'extra'], /Unexpected argument 'extra'/],
      [['-r', 'gs', '-o', 'yaml'], /-o\/--output must be json or table/],
      [['-r', 'gs', '--dry-run'], /--dry-run needs -j\/--jsonpatch or -d\/--deletion/],
      [['-r', 'gs', '--threshold', 'ten'], /--threshold must be a whole number/],
      [['-r', 'gs', '--input', 'x.json', '-d'], /--input filters a file offline/],
      [['-r', 'gs', '-n', ''], /-n\/--namespace needs a namespace name/],
      [['-r', 'gs', '-f', '@missing.kgfilter'], /cannot read filter file missing\.kgfilter: no such file/],
      [['-r', 'gs', '-f', '@'], /@ must be followed by a file name/],
      [['-r', 'gs', '-f', '{"opsState": '], /^filter:1:\d+: error: /m],
      [['-r', 'gs', '-j', '{"op": "replace"}'], /^patch:1:1: error: /m],
      [['-r', 'gs', '--input', 'missing.json'], /cannot read --input missing\.json: no such file/],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      const code = await runKgctl(args, c.io);
      assert.equal(code, 1, `kgctl ${args.join(' ')}: exit 1 (stderr: ${c.err.join('')})`);
      assert.match(c.err.join(''), message, `kgctl ${args.join(' ')}: message`);
      assert.equal(c.out.join(''), '', `kgctl ${args.join(' ')}: nothing on stdout`);
    }
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const c = capture();
    assert.equal(await runKgctl(['-h'], c.io), 0);
    assert.match(c.out.join(''), /^Usage: kgctl -r gameserver\|gameserverset/);
    assert.match(c.out.join(''), /^ {7}kgctl wait -r gs\|gss -f FILTER \(--count N \| --none\)/m, 'the subcommands are listed');
    const w = capture();
    assert.equal(await runKgctl(['wait', '--help'], w.io), 0);
    assert.match(w.out.join(''), /^Usage: kgctl wait -r gameserver\|gameserverset -f FILTER \(--count N \| --none\)/);
  });

  it('an empty -j is no patch, as kruisegamectl reads it: list mode, or delete with -d', () => {
    const list = parseKgctlArgs(['-r', 'gs', '-j', '']);
    assert.ok(list.ok && !list.help, "-j '' parses");
    assert.equal(list.options.mode, 'list');
    assert.equal(list.options.patch, undefined);
    const del = parseKgctlArgs(['-r', 'gs', '-j', '', '-d']);
    assert.ok(del.ok && !del.help && del.options.mode === 'delete', "-j '' -d deletes");
  });
});

describe('kgctl wait arguments', () => {
  it('parses the goal, the timeout (default 5m) and the shared flags', () => {
    const p = parseWaitArgs(['-r', 'gss', '-f', '{"name":"x"}', '--count', '3', '--timeout', '1h30m', '-n', 'a', '-n', 'b', '-k', 'k.yaml', '--context', 'c']);
    assert.ok(p.ok && !p.help, 'parses');
    assert.deepEqual(p.options, {
      kind: 'GameServerSet',
      filter: '{"name":"x"}',
      goal: { count: 3 },
      timeoutMs: 5_400_000,
      namespaces: ['a', 'b'],
      kubeconfig: 'k.yaml',
      context: 'c',
    });
    const none = parseWaitArgs(['-r', 'gs', '--none']);
    assert.ok(none.ok && !none.help, '--none parses');
    assert.deepEqual([none.options.goal, none.options.timeoutMs, none.options.namespaces, none.options.filter], ['none', 300_000, 'all', '']);
  });

  it('every usage error exits 1 with a message naming kgctl wait, and prints nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['-r', 'gs'], /say what to wait for: --count N \(at least N matches\) or --none/],
      [['-r', 'gs', '--count', '3', '--none'], /--count and --none cannot be used together/],
      [['-r', 'gs', '--count', '0'], /--count must be a whole number of 1 or more, not "0"/],
      [['-r', 'gs', '--count', 'three'], /--count must be a whole number of 1 or more, not "three"/],
      [['-r', 'gs', '--none', '--timeout', '5'], /--timeout must be a duration such as 90s, 5m or 1h30m, not "5"/],
      [['-r', 'gs', '--none', '--timeout=-1s'], /--timeout must be a duration such as 90s, 5m or 1h30m, not "-1s"/],
      [['-r', 'gs', '--none', '--timeout', '0s'], /--timeout must be more than 0 and at most 24h0m0s, not "0s"/],
      [['-r', 'gs', '--none', '--timeout', '25h'], /--timeout must be more than 0 and at most 24h0m0s/],
      [['--none'], /-r\/--resourcekind flag is required/],
      [['-r', 'gs', '--none', '-j', '[]'], /Unknown option '-j'/],
      [['-r', 'gs', '--none', 'extra'], /Unexpected argument 'extra'/],
      [['-r', 'gs', '--none', '-n', 'Bad'], /-n\/--namespace: "Bad" is not a valid namespace/],
      [['-r', 'gs', '--none', '-f', '{"opsState": '], /^filter:1:\d+: error: /m],
    ];
    for (const [args, message] of cases) {
      const c = capture();
      const code = await runKgctl(['wait', ...args], c.io);
      assert.equal(code, 1, `kgctl wait ${args.join(' ')}: exit 1 (stderr: ${c.err.join('')})`);
      assert.match(c.err.join(''), message, `kgctl wait ${args.join(' ')}: message`);
      assert.match(c.err.join(''), /^kgctl wait: /m, `kgctl wait ${args.join(' ')}: names the subcommand`);
      assert.equal(c.out.join(''), '', `kgctl wait ${args.join(' ')}: nothing on stdout`);
    }
  });

  it("reads durations as Go's time.ParseDuration and prints them as Duration.String", () => {
    const read: [string, number | undefined][] = [
      ['90s', 90_000],
      ['5m', 300_000],
      ['1h30m', 5_400_000],
      ['1.5h', 5_400_000],
      ['250ms', 250],
      ['1500ms', 1_500],
      ['.5s', 500],
      ['1.s', 1_000],
      ['2h3m4.005s', 7_384_005],
      ['0', 0],
      ['', undefined],
      ['5', undefined],
      ['-1s', undefined],
      ['+1s', undefined],
      ['1d', undefined],
      ['5 m', undefined],
      ['s', undefined],
      ['.s', undefined],
    ];
    for (const [text, ms] of read) assert.equal(parseDuration(text), ms, `parseDuration(${JSON.stringify(text)})`);
    const shown: [number, string][] = [
      [0, '0s'],
      [250, '250ms'],
      [1_500, '1.5s'],
      [90_000, '1m30s'],
      [300_000, '5m0s'],
      [3_600_000, '1h0m0s'],
      [5_400_000, '1h30m0s'],
      [7_384_005, '2h3m4.005s'],
    ];
    for (const [ms, text] of shown) assert.equal(formatDuration(ms), text, `formatDuration(${ms})`);
  });
});
