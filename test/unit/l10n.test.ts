// The translations are complete and consistent: every string the code hands to l10n.t is in the
// English bundle and translated in zh-cn, every %key% of package.json is in both package.nls
// files, the placeholders agree, and the terms docs/l10n.md keeps in English stay in English; the
// cluster layer's kubeconfig, credential plugin and token file messages come out in zh-cn.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { l10nCalls, placeholders } from '../../scripts/l10n-strings';
import { checkEntries } from '../../client/src/cluster/kubeconfig-checks';
import { ExecAuthenticator } from '../../client/src/cluster/exec-auth';
import { readTokenFile } from '../../client/src/cluster/token-file';
import { useLocale } from '../../server/src/locale';

const ROOT = resolve(__dirname, '..', '..');
const EXPORT = 'node --import tsx scripts/l10n-export.ts';

type Bundle = Record<string, string | { message: string; comment: string[] }>;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

const text = (v: Bundle[string] | undefined): string | undefined => (typeof v === 'string' ? v : v?.message);

/** The `%key%` references in package.json, wherever they are. */
function manifestKeys(v: unknown, found = new Set<string>()): Set<string> {
  if (typeof v === 'string') {
    const m = /^%([^%\s]+)%$/.exec(v);
    if (m) found.add(m[1]);
  } else if (Array.isArray(v)) v.forEach((x) => manifestKeys(x, found));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => manifestKeys(x, found));
  return found;
}

/**
 * What a translation must carry over unchanged (docs/l10n.md): OKG's kinds (singular: Chinese has
 * no plural), opsState and state values, camelCase field names, flags, `code`, and paths.
 */
function keptTerms(english: string): string[] {
  const terms = new Set<string>();
  for (const m of english.matchAll(/\b(GameServerSet|GameServer|WaitToBeDeleted|Maintaining|Allocated|NotReady)s?\b/g)) terms.add(m[1]);
  for (const m of english.matchAll(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g)) terms.add(m[0]);
  for (const m of english.matchAll(/(?<![\w-])--?[a-zA-Z][\w-]*/g)) terms.add(m[0]);
  for (const m of english.matchAll(/`[^`]+`/g)) terms.add(m[0]);
  for (const m of english.matchAll(/(?:^|\s)(\/[\w/~.-]*[\w/~-])/g)) terms.add(m[1]);
  return [...terms];
}

describe('translations', () => {
  const calls = l10nCalls(ROOT);
  const en = readJson<Bundle>('l10n/bundle.l10n.json');
  const zh = readJson<Bundle>('l10n/bundle.l10n.zh-cn.json');

  it('every l10n.t call passes a literal message, so it can be translated', () => {
    const bad = calls.filter((c) => c.problem).map((c) => `${c.at}: ${c.problem}`);
    assert.deepEqual(bad, [], `l10n.t calls that cannot be in a bundle:\n${bad.join('\n')}`);
    assert.ok(calls.length > 0, 'no l10n.t call was found in client/src or server/src: the extraction itself is broken');
  });

  it('the English bundle holds exactly the messages of the sources', () => {
    const used = new Map(calls.filter((c) => c.key !== undefined).map((c) => [c.key!, c.at]));
    const missing = [...used].filter(([k]) => !(k in en)).map(([k, at]) => `${at}: ${JSON.stringify(k)}`);
    assert.deepEqual(missing, [], `messages missing from l10n/bundle.l10n.json (run ${EXPORT}):\n${missing.join('\n')}`);
    const stale = Object.keys(en).filter((k) => !used.has(k));
    assert.deepEqual(
      stale,
      [],
      `l10n/bundle.l10n.json has messages no source uses any more (run ${EXPORT}): ${stale.map((k) => JSON.stringify(k)).join(', ')}`,
    );
  });

  it('every English message has a zh-cn translation, and zh-cn translates nothing else', () => {
    const untranslated = Object.keys(en).filter((k) => !text(zh[k])?.trim());
    assert.deepEqual(untranslated, [], `l10n/bundle.l10n.zh-cn.json lacks:\n${untranslated.map((k) => JSON.stringify(k)).join('\n')}`);
    const unknown = Object.keys(zh).filter((k) => !(k in en));
    assert.deepEqual(unknown, [], `l10n/bundle.l10n.zh-cn.json translates messages the English bundle does not have: ${unknown.join(', ')}`);
  });

  it('each call passes exactly the values its message has placeholders for', () => {
    const wrong: string[] = [];
    for (const c of calls) {
      if (c.message === undefined) continue;
      const names = placeholders(c.message);
      const positional = names.every((n) => /^\d+$/.test(n));
      const expected = positional ? names.reduce((n, p) => Math.max(n, Number(p) + 1), 0) : names;
      if (JSON.stringify(typeof c.args === 'number' ? c.args : [...c.args].sort()) !== JSON.stringify(positional ? expected : [...names].sort())) {
        wrong.push(`${c.at}: ${JSON.stringify(c.message)} has placeholders ${JSON.stringify(names)} but is given ${JSON.stringify(c.args)}`);
      }
    }
    assert.deepEqual(wrong, [], wrong.join('\n'));
  });

  it("@vscode/l10n's formatter reaches every placeholder (a `{` just before one would hide it)", () => {
    const hidden: string[] = [];
    for (const [k, v] of Object.entries(en)) {
      for (const [lang, message] of [
        ['en', text(v)],
        ['zh-cn', text(zh[k])],
      ] as const) {
        if (message === undefined) continue;
        // The formatter's own pattern: a placeholder inside a longer {...} match is never replaced.
        const reached = new Set([...message.matchAll(/{([^}]+)}/g)].map((m) => m[1]));
        for (const p of placeholders(message)) if (!reached.has(p)) hidden.push(`${lang} ${JSON.stringify(message)}: {${p}} is never filled in`);
      }
    }
    assert.deepEqual(hidden, [], hidden.join('\n'));
  });

  it('a translation has the same placeholders as its English message', () => {
    const wrong = Object.keys(en)
      .filter((k) => text(zh[k]) !== undefined)
      .filter((k) => JSON.stringify(placeholders(text(en[k])!).sort()) !== JSON.stringify(placeholders(text(zh[k])!).sort()))
      .map((k) => `${JSON.stringify(k)}: zh-cn has ${JSON.stringify(placeholders(text(zh[k])!))}`);
    assert.deepEqual(wrong, [], `placeholders differ:\n${wrong.join('\n')}`);
  });

  it('object kinds, field names, opsState values, flags and paths stay untranslated', () => {
    const lost: string[] = [];
    for (const [k, v] of Object.entries(en)) {
      const translated = text(zh[k]);
      if (translated === undefined) continue;
      for (const term of keptTerms(text(v)!)) if (!translated.includes(term)) lost.push(`${JSON.stringify(k)}: zh-cn lacks ${term}`);
    }
    assert.deepEqual(lost, [], lost.join('\n'));
  });

  it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json, with the same placeholders', () => {
    const keys = manifestKeys(readJson<unknown>('package.json'));
    const nls = keys.size > 0 ? readJson<Record<string, string>>('package.nls.json') : {};
    const nlsZh = keys.size > 0 ? readJson<Record<string, string>>('package.nls.zh-cn.json') : {};
    const missing = [...keys].filter((k) => typeof nls[k] !== 'string').map((k) => `package.nls.json lacks ${k}`);
    missing.push(...[...keys].filter((k) => !nlsZh[k]?.trim()).map((k) => `package.nls.zh-cn.json lacks ${k}`));
    assert.deepEqual(missing, [], missing.join('\n'));
    const unused = Object.keys(nls).filter((k) => !keys.has(k));
    assert.deepEqual(unused, [], `package.nls.json keys package.json does not use: ${unused.join(', ')}`);
    const differ = [...keys].filter((k) => JSON.stringify(placeholders(nls[k]).sort()) !== JSON.stringify(placeholders(nlsZh[k]).sort()));
    assert.deepEqual(differ, [], `package.nls placeholders differ between English and zh-cn: ${differ.join(', ')}`);
    const lost = [...keys].flatMap((k) =>
      keptTerms(nls[k])
        .filter((t) => !nlsZh[k].includes(t))
        .map((t) => `${k}: zh-cn lacks ${t}`),
    );
    assert.deepEqual(lost, [], lost.join('\n'));
  });
});

describe('schema field descriptions', () => {
  /** Every `description` string of a schema, wherever it is. */
  function descriptions(v: unknown, found: string[] = []): string[] {
    if (Array.isArray(v)) v.forEach((x) => descriptions(x, found));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'description' && typeof x === 'string') found.push(x);
        else descriptions(x, found);
      }
    }
    return found;
  }
  const english = new Set(['gameserver', 'gameserverset'].flatMap((s) => descriptions(readJson<unknown>(`schemas/${s}.schema.json`))));
  const overlay = readJson<Record<string, string>>('l10n/schema-descriptions.zh-cn.json');

  it('every description of schemas/*.json has a zh-cn translation, and the overlay translates nothing else', () => {
    assert.ok(english.size > 100, `only ${english.size} descriptions found in schemas/*.json: the walk is broken`);
    const missing = [...english].filter((d) => !overlay[d]?.trim());
    assert.deepEqual(missing, [], `descriptions l10n/schema-descriptions.zh-cn.json does not translate:\n${missing.join('\n')}`);
    const stale = Object.keys(overlay).filter((d) => !english.has(d));
    assert.deepEqual(stale, [], `l10n/schema-descriptions.zh-cn.json translates texts no schema holds (changed or removed):\n${stale.join('\n')}`);
  });

  it('a description translation keeps field names, values, code and kinds in English', () => {
    const lost = Object.entries(overlay).flatMap(([en, zh]) =>
      keptTerms(en)
        .filter((t) => !zh.includes(t))
        .map((t) => `${JSON.stringify(en)}: zh-cn lacks ${t}`),
    );
    assert.deepEqual(lost, [], lost.join('\n'));
  });
});

describe('cluster messages follow the locale', () => {
  /** What `run` returns with every l10n.t in zh-cn, English again afterwards whatever happens. */
  async function inChinese<T>(run: () => T | Promise<T>): Promise<T> {
    useLocale('zh-cn');
    try {
      return await run();
    } finally {
      useLocale('en');
    }
  }
  const cluster = (server: string) => ({ name: 'c', server, skipTLSVerify: false });
  const user = (fields: Record<string, unknown>) => ({ name: 'u', ...fields });

  it('a kubeconfig entry check names the entry in Chinese and keeps the field names', async () => {
    const problem = await inChinese(() => checkEntries('ctx', cluster('ftp://x'), null, undefined).problem);
    assert.equal(problem, '集群 "c"（上下文 "ctx"）：server "ftp://x" 不是绝对的 http(s) URL；请写成 https://host:port');
    const warning = await inChinese(() => checkEntries('ctx', { ...cluster('https://h:1'), skipTLSVerify: true }, null, undefined).warnings[0]);
    assert.match(warning ?? '', /^集群 "c"（上下文 "ctx"） 设置了 insecure-skip-tls-verify：/, `the insecure-skip-tls-verify warning: ${warning}`);
    const english = checkEntries('ctx', cluster('ftp://x'), null, undefined).problem;
    assert.match(english ?? '', /^cluster "c" \(context "ctx"\): server "ftp:\/\/x" is not an absolute/, `English is not restored: ${english}`);
  });

  it('a missing client key, a bad exec section and an unreadable token file are reported in Chinese', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okg-l10n-'));
    try {
      const missing = join(dir, 'absent');
      const ok = cluster('http://h:1');
      ok.skipTLSVerify = true;
      const key = await inChinese(() => checkEntries('ctx', ok, user({ keyFile: missing }) as never, undefined).problem);
      assert.equal(key, `用户 "u"（上下文 "ctx"）：无法读取 client-key ${missing}：文件不存在`);
      const noCommand = user({ exec: { apiVersion: 'client.authentication.k8s.io/v1' } }) as never;
      const exec = await inChinese(() => checkEntries('ctx', ok, noCommand, undefined).problem);
      assert.equal(exec, '用户 "u"（上下文 "ctx"）：exec 没有 command');
      const token = await inChinese(() => readTokenFile(dir, 'u'));
      assert.deepEqual(token, { problem: `无法读取用户 "u" 的 tokenFile ${dir}：它是一个文件夹` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a credential plugin that is not installed is reported in Chinese, with its install hint', async () => {
    const exec = { command: join(tmpdir(), 'okg-no-such-plugin'), apiVersion: 'client.authentication.k8s.io/v1', installHint: 'apt install x' };
    const auth = new ExecAuthenticator('u', exec, null, 10_000);
    const error = await inChinese(() =>
      auth.applyAuthentication({ name: 'u' } as never, {} as never).then(
        () => undefined,
        (e: Error) => e.message,
      ),
    );
    const notFound = `找不到用户 "u" 的凭据插件 "${exec.command}"：它没有安装，或者它所在的文件夹不在 PATH 中`;
    assert.equal(error, `${notFound}（与 kubectl 一样，不含 '/' 的命令在 PATH 中查找）。 安装提示：apt install x`);
  });
});
