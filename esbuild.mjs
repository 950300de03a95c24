// Bundles the five shipped entry points, dist/engine.js (the engine's API for scripts and tests; the .vsix
// leaves it out), and the e2e suite, for Node 20, CommonJS. `#yaml` resolves through tsconfig.json's paths.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { nodeBundleOptions } from './esbuild.options.mjs';

const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
  { in: 'client/src/cluster/watch-host.ts', out: 'dist/watch-host.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'server/src/yaml-check-worker.ts', out: 'dist/yaml-check-worker.js' },
  { in: 'client/src/cli/kgctl.ts', out: 'dist/kgctl.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/engine/index.ts', out: 'dist/engine.js' },
  // The e2e suite run inside VS Code: its runner and one bundle per *.e2e.ts (see test/e2e/README.md).
  ...readdirSync('test/e2e/suite')
    .filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts'))
    .map((f) => ({ in: `test/e2e/suite/${f}`, out: `out/e2e/${f.replace(/\.ts$/, '.js')}` })),
];

// A renamed or deleted e2e test must not leave its old bundle behind for the suite to load.
rmSync('out/e2e', { recursive: true, force: true });

const optionsFor = (e) => ({
  entryPoints: [e.in],
  outfile: e.out,
  ...nodeBundleOptions,
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  banner: e.banner ? { js: e.banner } : undefined,
  logLevel: 'warning',
});

if (process.argv.includes('--watch')) {
  // `npm run watch`: rebuild each bundle when a file it includes changes, until Ctrl-C.
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...optionsFor(e), logLevel: 'info' })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching; Ctrl-C stops');
} else {
  await Promise.all(entries.map((e) => esbuild.build(optionsFor(e))));
}
