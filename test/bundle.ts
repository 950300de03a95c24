// Test helper: bundles an entry point into a temp folder with the options of the shipped bundles,
// so a test that starts it as a process several times pays node's start-up (a fraction of a second)
// rather than tsx compiling the sources and @kubernetes/client-node again (about 2 s of CPU each).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '..');

/**
 * Bundles `entry` (relative to the repository) to a temp `.js` file and returns its path.
 * `importMetaUrlOf` names the source file whose `import.meta.url` the bundle keeps (esbuild leaves
 * it empty in CommonJS): the sandbox finds the schemas from test/sandbox/index.ts.
 */
export async function bundle(entry: string, opts: { importMetaUrlOf?: string } = {}): Promise<string> {
  const source = resolve(ROOT, entry);
  const outfile = resolve(mkdtempSync(resolve(tmpdir(), 'okg-bundle-')), basename(entry).replace(/\.ts$/, '.js'));
  await esbuild.build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // As esbuild.options.mjs: jsonc-parser ships UMD under `main`.
    mainFields: ['module', 'main'],
    external: ['vscode', 'bufferutil', 'utf-8-validate'],
    define: opts.importMetaUrlOf ? { 'import.meta.url': JSON.stringify(pathToFileURL(resolve(ROOT, opts.importMetaUrlOf)).href) } : undefined,
    logLevel: 'warning',
  });
  return outfile;
}
