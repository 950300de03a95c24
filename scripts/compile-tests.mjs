// Compiles the node:test files to CommonJS with esbuild, in one build, before node's runner starts
// them: each test process then loads plain JavaScript instead of going through tsx's loader hooks,
// which cost about half a second of CPU per file and more for every module it reaches (over 100 files,
// two cores). Our sources are bundled into each test file as the shipped bundles bundle them; packages
// stay external and load from node_modules. Each source file keeps its own __dirname, __filename and
// import.meta.url, so fixtures are found where they are, a module that starts itself when it is the
// main one (the language server) does not inside a test, and source maps point failures at .ts lines.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const COMPILED = join(root, 'node_modules', '.cache', 'okg', 'tests');

/** Gives each TypeScript file of ours the location its code expects, wherever it is bundled. */
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const uses = (name) => source.includes(name);
      if (!['__dirname', '__filename', 'import.meta.url', 'require.main'].some(uses)) return { contents: source, loader: 'ts' };
      // Not where a quote or a word runs into the name: a string that names it (a define key) stays.
      // A module bundled into a test file is not the main module, though `module` is then the test's.
      const contents = source
        .replaceAll(/(?<!['"`\w.])require\.main === module\b/g, args.path.endsWith('.test.ts') ? '$&' : 'false')
        .replaceAll(/(?<!['"`\w.])import\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll(/(?<!['"`\w.])__filename\b/g, JSON.stringify(args.path))
        .replaceAll(/(?<!['"`\w.])__dirname\b/g, JSON.stringify(dirname(args.path)));
      return { contents, loader: 'ts' };
    });
  },
};

/** Compiles `files` (paths relative to the repository); returns the compiled path of each, in order. */
export async function compileTests(files) {
  await build({
    absWorkingDir: root,
    entryPoints: files,
    outdir: COMPILED,
    outbase: root,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As the shipped bundles: jsonc-parser ships UMD under `main`.
    mainFields: ['module', 'main'],
    sourcemap: 'linked',
    plugins: [ownLocation],
    logLevel: 'warning',
  });
  return files.map((f) => join(COMPILED, relative(root, resolve(root, f))).replace(/\.ts$/, '.js'));
}
