// kgctl speaks the language of LC_ALL / LC_MESSAGES / LANG: help, usage errors and cluster
// errors in Chinese under zh_CN, English under C or no locale; results on stdout (JSON, Role
// YAML) and the `file:line:col: error:` prefix are the same in every language.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../client/src/cli/io';
import { runKgctl } from '../../client/src/cli/run';
import { startSandbox, type Sandbox } from '../sandbox';
import { buildKgctl, runKgctlProcess, type Run } from './kgctl-run';

const ZH = { LANG: 'zh_CN.UTF-8' };

async function inProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', env, cwd: process.cwd() };
  const code = await runKgctl(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

function show(r: Run): string {
  return `exit ${r.code}; stderr: ${r.stderr.trim().slice(0, 500)}`;
}

describe('kgctl in the locale of the environment', () => {
  it('--help is Chinese under LANG=zh_CN.UTF-8 and English under LANG=C or no locale, for each subcommand', async () => {
    for (const sub of [[], ['wait'], ['rbac']]) {
      const zh = await inProcess([...sub, '--help'], ZH);
      assert.equal(zh.code, 0, `kgctl ${sub.join(' ')} --help exits 0 in zh-cn`);
      assert.match(zh.out, new RegExp(`^用法：kgctl ${sub.join(' ')}`), `kgctl ${sub.join(' ')} --help in zh-cn starts with 用法`);
      assert.match(zh.out, /-r, --resourcekind KIND  gameserver \(gs\) 或 gameserverset \(gss\)；必填/, 'flags are kept, their words translated');
      for (const env of [{ LANG: 'C' }, {}, { LANG: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' }]) {
        const en = await inProcess([...sub, '--help'], env);
        assert.match(en.out, new RegExp(`^Usage: kgctl ${sub.join(' ')}`), `kgctl ${sub.join(' ')} --help is English with ${JSON.stringify(env)}`);
      }
    }
    const messages = await inProcess(['--help'], { LANG: 'C', LC_MESSAGES: 'zh_CN.UTF-8' });
    assert.match(messages.out, /^用法：/, 'LC_MESSAGES outranks LANG');
  });

  it('usage errors are Chinese, name the flag and value, exit 1 and print nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['-r', 'pod'], /^kgctl: 资源类型必须是 gameserver 或 gameserverset（或 gs、gss），而不是 "pod"\n运行 kgctl --help 查看所有参数。\n$/],
      [['-r', 'gs', '--bogus'], /^kgctl: 未知选项 '--bogus'\n/],
      [['-r', 'gs', 'extra'], /^kgctl: 多余的参数 'extra'/],
      [['-r', 'gs', '-f'], /^kgctl: 选项 '-f, --filter <value>' 缺少参数值/],
      [['wait', '-r', 'gs', '--count', '0'], /^kgctl wait: --count 必须是不小于 1 的整数，而不是 "0"\n运行 kgctl wait --help/],
      [['rbac', '-r', 'gs'], /^kgctl rbac: 请给出一个操作：-j PATCH、-d、--wait 或 --list\n/],
      [['-r', 'gs', '-n', 'Bad_NS'], /-n\/--namespace："Bad_NS" 不是有效的命名空间/],
      [['-r', 'gs', '-f', '@missing.kgfilter'], /^kgctl: 无法读取 filter 文件 missing\.kgfilter：文件不存在\n$/],
    ];
    for (const [args, message] of cases) {
      const r = await inProcess(args, ZH);
      assert.equal(r.code, 1, `kgctl ${args.join(' ')}: exit 1 (stderr: ${r.err})`);
      assert.match(r.err, message, `kgctl ${args.join(' ')} in zh-cn`);
      assert.equal(r.out, '', `kgctl ${args.join(' ')}: nothing on stdout`);
    }
    const en = await inProcess(['-r', 'pod'], { LANG: 'C' });
    assert.match(
      en.err,
      /^kgctl: resource kind must be gameserver or gameserverset \(or gs, gss\), not "pod"\nRun kgctl --help for the flags\.\n$/,
      'English under C',
    );
  });

  it("a filter's problems keep the compiler-style `file:line:col: error:` prefix that tools match", async () => {
    const r = await inProcess(['-r', 'gs', '-f', '{"updatePriority": {"$gte": 1}}'], ZH);
    assert.equal(r.code, 1);
    assert.match(
      r.err,
      /^filter:1:21: error: "\$gte" 不是操作符；kruise-game-api 使用 "\$ge"\n/m,
      'the prefix and severity stay as problem matchers read them',
    );
    assert.match(r.err, /^kgctl: 过滤器有错误（见上文）；没有读取或修改任何内容\n$/m, 'the closing line is Chinese');
  });

  describe('as a process (the bundle carries the translations)', () => {
    let sb: Sandbox;
    let bin: string;
    let dir: string;
    const kgctl = (args: string[], env: NodeJS.ProcessEnv) => runKgctlProcess(bin, args, { cwd: dir, env: { KUBECONFIG: sb.kubeconfigPath, ...env } });

    before(async () => {
      [sb, bin] = await Promise.all([startSandbox({ sets: 2, replicas: 12, namespaces: ['default', 'game'], seed: 5 }), buildKgctl()]);
      dir = mkdtempSync(join(tmpdir(), 'kgctl-l10n-'));
    });
    after(async () => {
      await sb.close();
    });

    it('stdout is the same document in Chinese and English: list JSON and the rbac Role', async () => {
      for (const args of [
        ['-r', 'gs', '-n', 'default'],
        ['-r', 'gss', '-o', 'table'],
        ['rbac', '-r', 'gs', '-j', '[]', '-n', 'game'],
      ]) {
        const [zh, en] = await Promise.all([kgctl(args, ZH), kgctl(args, { LANG: 'C' })]);
        assert.equal(zh.code, 0, `kgctl ${args.join(' ')} in zh-cn: ${show(zh)}`);
        assert.ok(zh.stdout.length > 0, `kgctl ${args.join(' ')} printed a result`);
        assert.equal(zh.stdout, en.stdout, `kgctl ${args.join(' ')}: stdout does not depend on the language`);
      }
    });

    it('the --yes guard and a 403 are explained in Chinese; the JSON keeps its keys, reason and code', async () => {
      const kill = '[{"op":"replace","path":"/spec/opsState","value":"Kill"}]';
      const everything = await kgctl(['-r', 'gs', '-n', 'default', '-j', kill], ZH);
      assert.equal(everything.code, 1, show(everything));
      assert.match(
        everything.stderr,
        /^kgctl: 过滤器为空，这将修改命名空间 default 中的每个 GameServer：共 12 个 GameServer。加上 --yes 才会执行/,
        'an empty filter',
      );
      const many = await kgctl(['-r', 'gs', '-n', 'default', '-f', '{"name":{"$regex":"-"}}', '-j', kill], ZH);
      assert.equal(many.code, 1, show(many));
      assert.match(many.stderr, /^kgctl: 这将修改 12 个 GameServer，超过阈值 10。加上 --yes 才会执行/, 'more than --threshold');
      assert.equal(everything.stdout + many.stdout, '', 'nothing was done');

      const forbidden = await kgctl(['--context', 'okg-sandbox-viewer', '-r', 'gs', '-n', 'game', '-j', kill, '--yes'], ZH);
      assert.equal(forbidden.code, 2, show(forbidden));
      assert.match(forbidden.stderr, /禁止访问（上下文 "okg-sandbox-viewer"）：你无权在命名空间 "game" 中对 gameservers\.game\.kruise\.io 执行 patch（403）/);
      const results = JSON.parse(forbidden.stdout) as { gs: unknown; updatedGs: unknown; err: { reason: string; code: number; message: string } }[];
      assert.equal(results.length, 12, 'one result per GameServer');
      for (const r of results) {
        assert.deepEqual(Object.keys(r), ['gs', 'updatedGs', 'err'], "kruisegamectl's keys");
        assert.equal(r.err.reason, 'Forbidden');
        assert.equal(r.err.code, 403);
      }
    });

    it('no kubeconfig, and an API server that refuses the connection, in Chinese', async () => {
      const none = await runKgctlProcess(bin, ['-r', 'gs'], { cwd: dir, env: ZH });
      assert.equal(none.code, 1, show(none));
      assert.match(none.stderr, /^kgctl: 找不到 kubeconfig：请设置 KUBECONFIG、创建 ~\/\.kube\/config，或传入 --kubeconfig\n$/);

      const closed = join(dir, 'closed.kubeconfig');
      const server = 'https://127.0.0.1:1';
      writeFileSync(
        closed,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Config',
          clusters: [{ name: 'c', cluster: { server, 'insecure-skip-tls-verify': true } }],
          users: [{ name: 'u', user: { token: 't' } }],
          contexts: [{ name: 'closed', context: { cluster: 'c', user: 'u' } }],
          'current-context': 'closed',
        }),
      );
      const refused = await kgctl(['-r', 'gs', '-k', closed], ZH);
      assert.equal(refused.code, 1, show(refused));
      assert.match(refused.stderr, /无法连接位于 https:\/\/127\.0\.0\.1:1 的 Kubernetes API 服务器（上下文 "closed"）：连接被拒绝。/);
    });
  });
});
