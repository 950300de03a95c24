// The language of the messages made outside VS Code's own l10n: the language server's (it learns
// the locale at initialize) and kgctl's (from the environment). The translations are imported, so
// every bundle that uses this carries them and nothing is looked up on disk at run time.
import * as l10n from '@vscode/l10n';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

/** The translations by VS Code's locale id; English is the messages themselves. */
const BUNDLES: Record<string, l10n.l10nJsonFormat> = { 'zh-cn': zhCn };

/** Chinese locales written in simplified characters; zh-TW, zh-HK and zh-Hant are not (no bundle yet: English). */
const SIMPLIFIED_CHINESE = /^zh(?:-(?:cn|sg|my|hans(?:-.*)?))?$/;

/**
 * The bundle's locale id for a locale as VS Code (`zh-cn`), BCP 47 (`zh-Hans-CN`) or POSIX
 * (`zh_CN.UTF-8`, `zh_CN@modifier`) writes it; `en` when there is no bundle for it.
 */
export function bundleLocale(locale: string | undefined): string {
  const id = (locale ?? '').split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
  if (SIMPLIFIED_CHINESE.test(id)) return 'zh-cn';
  return Object.hasOwn(BUNDLES, id) ? id : 'en';
}

let current = 'en';

/** Every later `l10n.t` answers in `locale` (English when it has no bundle); returns the locale used. */
export function useLocale(locale: string | undefined): string {
  const chosen = bundleLocale(locale);
  l10n.config({ contents: BUNDLES[chosen] ?? {} });
  current = chosen;
  return chosen;
}

/** The bundle locale the last useLocale chose, for texts translated outside l10n.t (the schema descriptions). */
export function currentLocale(): string {
  return current;
}
