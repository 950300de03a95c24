// Which language the language server and kgctl speak: the locale names VS Code, BCP 47 and POSIX
// environments use, mapped to the bundles we have, and English whenever there is none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { envLocale } from '../../client/src/cli/env-locale';
import { bundleLocale, useLocale } from '../../server/src/locale';

describe('locale', () => {
  it('simplified Chinese in any spelling picks the zh-cn bundle; other locales fall back to English', () => {
    const cases: [string | undefined, string][] = [
      ['zh-cn', 'zh-cn'],
      ['zh-CN', 'zh-cn'],
      ['zh_CN.UTF-8', 'zh-cn'],
      ['zh_CN.GB18030@pinyin', 'zh-cn'],
      ['zh-Hans-CN', 'zh-cn'],
      ['zh_SG', 'zh-cn'],
      ['zh', 'zh-cn'],
      ['zh-tw', 'en'],
      ['zh_HK.UTF-8', 'en'],
      ['zh-Hant', 'en'],
      ['en-US', 'en'],
      ['de', 'en'],
      ['', 'en'],
      [undefined, 'en'],
      ['../../etc/passwd', 'en'],
      ['constructor', 'en'],
    ];
    for (const [locale, expected] of cases) assert.equal(bundleLocale(locale), expected, `locale ${JSON.stringify(locale)}`);
  });

  it('useLocale switches l10n.t to the bundle and back to English', () => {
    try {
      assert.equal(useLocale('zh-cn'), 'zh-cn');
      assert.equal(l10n.t('interrupted'), '已中断', 'zh-cn translates');
      assert.equal(l10n.t('timed out after {0}', '5m0s'), '5m0s 后超时', 'zh-cn fills placeholders');
      assert.equal(l10n.t('a message no bundle has {0}', 1), 'a message no bundle has 1', 'an unknown message stays English');
      assert.equal(useLocale('fr'), 'en');
      assert.equal(l10n.t('interrupted'), 'interrupted', 'back to English after another locale is chosen');
    } finally {
      useLocale(undefined);
    }
  });

  it('the environment decides as POSIX says: LC_ALL, then LC_MESSAGES, then LANG; C and POSIX are English', () => {
    const cases: [NodeJS.ProcessEnv, string | undefined][] = [
      [{}, undefined],
      [{ LANG: 'zh_CN.UTF-8' }, 'zh_CN.UTF-8'],
      [{ LANG: 'C.UTF-8' }, undefined],
      [{ LANG: 'POSIX' }, undefined],
      [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en_US.UTF-8'],
      [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh_CN.UTF-8'],
      [{ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'C' }, undefined],
      [{ LANG: 'zh_CN.UTF-8', LC_ALL: '' }, 'zh_CN.UTF-8'],
    ];
    for (const [env, expected] of cases) assert.equal(envLocale(env), expected, `env ${JSON.stringify(env)}`);
  });
});
