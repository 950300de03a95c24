// The repository explains itself: every relative link in its Markdown leads to a file (and heading)
// that exists, and no file points at a path outside the repository. Each checker is also run on a
// small tree made for the purpose, so a checker that finds nothing cannot pass unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

// Built from parts so that this file does not mention them itself.
const OUTSIDE_PATHS = [['..', 'shared'].join('/'), `/${'work'}/`];

/** Directories never scanned, whatever .gitignore says: installed packages and git's own. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const MAX_SCANNED_BYTES = 4 << 20;

interface Ignore {
  dirs: Set<string>;
  suffixes: string[];
}

/** The directory names and `*.ext` patterns of a .gitignore: build output, downloads, test results. */
function readIgnore(root: string): Ignore {
  const file = join(root, '.gitignore');
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
    : [];
  const dirs = new Set(ALWAYS_SKIPPED);
  const suffixes: string[] = [];
  for (const line of lines) {
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    if (line.startsWith('*.')) suffixes.push(line.slice(1));
    else dirs.add(line.replace(/^\/|\/$/g, ''));
  }
  return { dirs, suffixes };
}

/** Every file of the project under `root`, relative and with `/` separators, sorted; symlinks are not followed. */
function projectFiles(root: string): string[] {
  const ignore = readIgnore(root);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ignore.dirs.has(entry.name)) walk(path);
      } else if (entry.isFile() && !ignore.suffixes.some((s) => entry.name.endsWith(s))) {
        out.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return out.sort();
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The text with fenced code blocks and inline code blanked out (same length, so offsets hold). */
function proseOnly(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const unfenced = text.replace(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?^\1\2[^\n]*$/gm, blank);
  return unfenced.replace(/`[^`\n]*`/g, blank);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings, with GitHub's -1, -2 suffixes for repeats. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of proseOnly(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const original = markdown
      .slice(m.index, m.index + m[0].length)
      .replace(/^#{1,6}[ \t]+/, '')
      .replace(/[ \t#]*$/, '');
    const base = slug(original);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images `[text](target "title")` and reference definitions `[id]: target`, outside code. */
function linksOf(markdown: string): Link[] {
  const prose = proseOnly(markdown);
  const links: Link[] = [];
  for (const m of prose.matchAll(/\]\(\s*(<[^>]*>|[^)\s]*)/g)) links.push({ line: lineOf(prose, m.index), target: m[1] });
  for (const m of prose.matchAll(/^[ \t]{0,3}\[[^\]]+\]:[ \t]*(<[^>]*>|\S+)/gm)) links.push({ line: lineOf(prose, m.index), target: m[1] });
  return links.map((l) => ({ ...l, target: l.target.replace(/^<|>$/g, '') }));
}

/** Why a relative link of `file` (relative to `root`) leads nowhere, or undefined when it resolves. */
function brokenLink(root: string, file: string, target: string): string | undefined {
  if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const hash = target.indexOf('#');
  const pathPart = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? undefined : target.slice(hash + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart.split('?')[0]);
  } catch {
    return 'is not a valid URL path';
  }
  const path = decoded === '' ? join(root, file) : decoded.startsWith('/') ? join(root, decoded) : join(root, dirname(file), decoded);
  if (!existsSync(path)) return `${relative(root, path).split(sep).join('/')} does not exist`;
  if (relative(root, path).startsWith('..')) return 'leads outside the repository';
  if (anchor === undefined || anchor === '' || !path.endsWith('.md') || statSync(path).isDirectory()) return undefined;
  const anchors = anchorsOf(readFileSync(path, 'utf8'));
  return anchors.has(anchor.toLowerCase()) ? undefined : `#${anchor} names no heading of ${relative(root, path).split(sep).join('/')}`;
}

/** Every broken relative link in the given Markdown files, as `file:line: target: why`. */
function brokenLinks(root: string, files: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const { line, target } of linksOf(readFileSync(join(root, file), 'utf8'))) {
      const why = brokenLink(root, file, target);
      if (why) out.push(`${file}:${line}: ${target}: ${why}`);
    }
  }
  return out;
}

/** Every line of the project's text files that mentions a path outside the repository, as `file:line: text`. */
function outsideMentions(root: string, files: readonly string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const path = join(root, file);
    if (statSync(path).size > MAX_SCANNED_BYTES) continue;
    const bytes = readFileSync(path);
    if (bytes.subarray(0, 8192).includes(0)) continue;
    const text = bytes.toString('utf8');
    if (!OUTSIDE_PATHS.some((p) => text.includes(p))) continue;
    text.split('\n').forEach((line, i) => {
      if (OUTSIDE_PATHS.some((p) => line.includes(p))) out.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  return out;
}

/** The Markdown whose links are checked: the README, docs/*.md and every .md under examples/. */
function checkedMarkdown(files: readonly string[]): string[] {
  return files.filter((f) => f === 'README.md' || /^docs\/[^/]+\.md$/.test(f) || /^examples\/.+\.md$/.test(f));
}

const files = projectFiles(ROOT);

test('the project walk finds the README, the docs and the sources, and nothing in node_modules', () => {
  const markdown = checkedMarkdown(files);
  for (const expected of ['README.md', 'docs/ARCHITECTURE.md', 'docs/filter-language.md', 'docs/okg-facts.md', 'docs/client-node.md']) {
    assert.ok(markdown.includes(expected), `${expected} is missing from the Markdown the link check reads: ${markdown.join(', ')}`);
  }
  assert.ok(files.includes('server/src/engine/filter/compile.ts'), 'the walk did not reach server/src/engine');
  const skipped = files.filter((f) => f.split('/').some((part) => ALWAYS_SKIPPED.has(part)));
  assert.deepEqual(skipped, [], 'the walk entered node_modules or .git');
});

test('every relative link in README.md, docs/*.md and examples/**/*.md leads to an existing file and heading', () => {
  const broken = brokenLinks(ROOT, checkedMarkdown(files));
  assert.deepEqual(broken, [], `broken relative links:\n${broken.join('\n')}`);
});

test('no source, doc or README mentions a path outside the repository', () => {
  const found = outsideMentions(ROOT, files);
  assert.deepEqual(found, [], `files that point outside the repository (write what they need into docs/ instead):\n${found.join('\n')}`);
});

test('the checkers report what they are for, and skip node_modules and ignored folders', () => {
  const root = mkdtempSync(join(tmpdir(), 'okg-docs-links-'));
  try {
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    write('.gitignore', 'dist/\n*.vsix\n');
    write('docs/a.md', '# Title\n\n## Two words\n\nSee [b](b.md), [gone](gone.md), [t](#two-words), [x](#nowhere),\n[ext](https://example.com/x).\n');
    write('docs/b.md', '# B\n\n[a](a.md#two-words) [bad anchor](a.md#three) `[code](missing.md)`\n\n```\n[fenced](missing.md)\n```\n');
    write('src/x.ts', `// see ${OUTSIDE_PATHS[0]}/notes.md\nexport {};\n`);
    write('node_modules/pkg/index.js', `// ${OUTSIDE_PATHS[1]}\n`);
    write('dist/out.js', `// ${OUTSIDE_PATHS[1]}\n`);
    write('pkg.vsix', OUTSIDE_PATHS[1]);

    const walked = projectFiles(root);
    assert.deepEqual(walked, ['.gitignore', 'docs/a.md', 'docs/b.md', 'src/x.ts'], 'the walk did not skip node_modules, dist/ and *.vsix as .gitignore says');
    assert.deepEqual(
      brokenLinks(root, ['docs/a.md', 'docs/b.md']),
      [
        'docs/a.md:5: gone.md: docs/gone.md does not exist',
        'docs/a.md:5: #nowhere: #nowhere names no heading of docs/a.md',
        'docs/b.md:3: a.md#three: #three names no heading of docs/a.md',
      ],
      'the link check missed a broken link or anchor, or reported one inside code',
    );
    const expected = [`src/x.ts:1: // see ${OUTSIDE_PATHS[0]}/notes.md`];
    assert.deepEqual(outsideMentions(root, walked), expected, 'the mention check missed the outside path in src/x.ts, or reported an ignored file');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
