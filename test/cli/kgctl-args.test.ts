// kgctl's flags, in process: kruisegamectl's spellings, our additions, and every usage error
// (exit 1, message on stderr, nothing on stdout).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseKgctlArgs } from '../../client/src/cli/args';
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
    for (const [r, kind] of [['gameserver', 'GameServer'], ['gs', 'GameServer'], ['GameServerSet', 'GameServerSet'], ['gss', 'GameServerSet']] as const) {
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
    assert.ok(all.ok && !all.help && all.options.namespaces === 'all' && all.options.mode === 'list' && all.options.filter === '', 'defaults: all namespaces, list, empty filter');
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
  });
});
