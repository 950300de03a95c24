// The translations are complete and consistent: every string the code hands to l10n.t is in the
// English bundle and translated in zh-cn, every %key% of package.json is in both package.nls
// files, the placeholders agree, and the terms docs/l10n.md keeps in English stay in English.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { l10nCalls, placeholders } from '../../scripts/l10n-strings';

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
