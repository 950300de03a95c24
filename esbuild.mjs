// Bundles the four shipped entry points for Node 20, CommonJS.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/cli/kgctl.ts', out: 'dist/kgctl.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/engine/index.ts', out: 'dist/engine.js' },
];

await Promise.all(
  entries.filter((e) => existsSync(e.in)).map((e) =>
    esbuild.build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // jsonc-parser ships UMD under `main`; its ESM build bundles correctly.
      mainFields: ['module', 'main'],
      external: ['vscode', 'bufferutil', 'utf-8-validate'],
      sourcemap: !production,
      sourcesContent: false,
      minify: production,
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
