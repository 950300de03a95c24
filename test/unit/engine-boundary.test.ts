// The engine's boundary holds: code outside server/src/engine (the client, the language server's
// features, scripts, the sandbox) reaches the engine only through its two entries, spelled one way:
// `…/server/src/engine` (index.ts, the public API) and `…/server/src/engine/internal` (internal.ts, the
// language server's and sandbox's parts). Unit tests under test/ (other than the sandbox) may import
// engine internals: they test them. The yaml library is imported as `#yaml` (its browser build, see
// docs/ARCHITECTURE.md), so every program runs one build of it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const ENGINE = join(ROOT, 'server', 'src', 'engine');
const SCANNED = ['client/src', 'server/src', 'scripts', 'test/sandbox'];
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
/** The declaration that gives `#yaml` the yaml package's types names the package itself. */
const YAML_TYPES = join(ROOT, 'server', 'src', 'yaml-browser.d.ts');

/** Every module specifier a file names: imports, re-exports, `import()` (also in types) and `require()`. */
function specifiers(file: ts.SourceFile): { spec: string; line: number }[] {
  const found: { spec: string; line: number }[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) found.push({ spec: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const named = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      if (named) add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** What is wrong with one specifier in `fileName` (absolute), or undefined when it keeps the rules. */
function problemWith(fileName: string, spec: string): string | undefined {
  if ((spec === 'yaml' || spec.startsWith('yaml/')) && fileName !== YAML_TYPES) return `imports '${spec}': import the yaml library as '#yaml'`;
  if (!spec.startsWith('.')) return undefined;
  const inside = relative(ENGINE, resolve(dirname(fileName), spec))
    .split(sep)
    .join('/');
  if (inside.startsWith('..')) return undefined;
  if (inside === '' || inside === 'internal') return undefined;
  if (/^(index|internal)(\.[cm]?[jt]s)?$/.test(inside)) {
    const entry = inside.startsWith('index') ? '' : '/internal';
    return `imports '${spec}': spell the engine's entry as '${spec.slice(0, spec.length - inside.length - 1)}${entry}'`;
  }
  return `imports '${spec}', inside the engine: import from its entry, server/src/engine (index.ts) or server/src/engine/internal`;
}

/** Each broken rule in one file, as `path:line: what`. */
export function boundaryViolations(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const where = relative(ROOT, fileName).split(sep).join('/');
  return specifiers(file).flatMap(({ spec, line }) => {
    const problem = problemWith(fileName, spec);
    return problem ? [`${where}:${line}: ${problem}`] : [];
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === ENGINE ? [] : filesUnder(path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

describe('engine boundary', () => {
  it('holds in client/src, server/src outside the engine, scripts and test/sandbox', () => {
    const files = SCANNED.flatMap((d) => filesUnder(join(ROOT, d)));
    assert.ok(files.length > 100, `only ${files.length} files found under ${SCANNED.join(', ')}: the scan is broken`);
    const broken = files.flatMap((f) => boundaryViolations(f, readFileSync(f, 'utf8')));
    assert.deepEqual(broken, [], `imports that cross the engine's boundary:\n${broken.join('\n')}`);
  });

  it('names file, line and import for each way of crossing it', () => {
    const file = join(ROOT, 'client', 'src', 'cluster', 'probe.ts');
    const text = [
      "import { compileFilter } from '../../../server/src/engine';",
      "import { readPaths } from '../../../server/src/engine/filter/fields';",
      "import type { PatchOp } from '../../../server/src/engine/index';",
      "export { parseYaml } from '../../../server/src/engine/internal.ts';",
      "type T = typeof import('../../../server/src/engine/patch/apply');",
      "const m = require('../../../server/src/engine/schemas');",
      "import { stringify } from 'yaml';",
      "import { parse } from '#yaml';",
      "import { applyPatch } from '../../../server/src/engine/internal';",
    ].join('\n');
    assert.deepEqual(boundaryViolations(file, text), [
      "client/src/cluster/probe.ts:2: imports '../../../server/src/engine/filter/fields', inside the engine: import from its entry, server/src/engine (index.ts) or server/src/engine/internal",
      "client/src/cluster/probe.ts:3: imports '../../../server/src/engine/index': spell the engine's entry as '../../../server/src/engine'",
      "client/src/cluster/probe.ts:4: imports '../../../server/src/engine/internal.ts': spell the engine's entry as '../../../server/src/engine/internal'",
      "client/src/cluster/probe.ts:5: imports '../../../server/src/engine/patch/apply', inside the engine: import from its entry, server/src/engine (index.ts) or server/src/engine/internal",
      "client/src/cluster/probe.ts:6: imports '../../../server/src/engine/schemas', inside the engine: import from its entry, server/src/engine (index.ts) or server/src/engine/internal",
      "client/src/cluster/probe.ts:7: imports 'yaml': import the yaml library as '#yaml'",
    ]);
  });
});
