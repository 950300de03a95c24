// Rewrites l10n/bundle.l10n.json, the English bundle, from the l10n.t calls in the sources, and
// lists the keys l10n/bundle.l10n.zh-cn.json does not translate yet (test/unit/l10n.test.ts fails
// until it does).   node --import tsx scripts/l10n-export.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { l10nCalls } from './l10n-strings';

const ROOT = resolve(__dirname, '..');
const calls = l10nCalls(ROOT);
for (const c of calls.filter((x) => x.problem)) console.error(`${c.at}: ${c.problem}`);
const bundle: Record<string, string | { message: string; comment: string[] }> = {};
for (const { key, message } of calls) {
  if (key !== undefined && message !== undefined) bundle[key] = key === message ? message : { message, comment: [key.slice(message.length + 1)] };
}
const sorted = Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), JSON.stringify(sorted, null, 2) + '\n');
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, unknown>;
const missing = Object.keys(bundle).filter((k) => !(k in zh));
console.error(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages; zh-cn lacks ${missing.length}`);
for (const k of missing) console.log(JSON.stringify(k));
process.exitCode = calls.some((c) => c.problem) ? 1 : 0;
