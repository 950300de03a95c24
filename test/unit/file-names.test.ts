// One file-naming style: kebab-case (`preview-and-apply.ts`), for every source, test and script the
// repository holds. The checker also runs on names made for the purpose, so it cannot pass by finding nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { basename, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const CODE = /\.(ts|mts|mjs|js)$/;

/** The names among `paths` that are not kebab-case: a lower-case letter or digit followed by an upper-case one. */
function notKebab(paths: readonly string[]): string[] {
  return paths.filter((p) => CODE.test(p) && /[a-z0-9][A-Z]/.test(basename(p)));
}

test('the checker finds camelCase names and accepts kebab-case ones', () => {
  assert.deepEqual(notKebab(['a/previewAndApply.ts', 'a/preview-and-apply.ts', 'b/README.md', 'c/watchHost.mjs', 'd/l10n.test.ts']), [
    'a/previewAndApply.ts',
    'c/watchHost.mjs',
  ]);
});

test('every source, test and script file name in the repository is kebab-case', () => {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
  assert.ok(tracked.length > 100, `git listed only ${tracked.length} files: the check would prove nothing`);
  assert.deepEqual(notKebab(tracked), [], 'file names not in kebab-case (rename them: preview-and-apply.ts, not previewAndApply.ts)');
});
