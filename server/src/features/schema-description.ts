// The schemas' field descriptions in the language of the hovers and completions that show them.
// The schemas hold English; l10n/schema-descriptions.<locale>.json translates each description,
// keyed by its English text, so a text several fields share is translated once and a schema edit
// that changes a text shows up as a missing translation (test/lsp/l10n.test.ts) rather than a stale one.
import zhCn from '../../../l10n/schema-descriptions.zh-cn.json';
import { currentLocale } from '../locale';

const OVERLAYS: Record<string, Record<string, string>> = { 'zh-cn': zhCn };

/** `english` (a schema `description`) in the current locale; English when there is no translation. */
export function schemaDescription(english: string): string;
export function schemaDescription(english: string | undefined): string | undefined;
export function schemaDescription(english: string | undefined): string | undefined {
  return english === undefined ? undefined : (OVERLAYS[currentLocale()]?.[english] ?? english);
}
