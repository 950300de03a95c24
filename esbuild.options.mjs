// The esbuild options every Node bundle shares: esbuild.mjs builds the shipped bundles with them, and
// scripts/package-kgctl.mjs builds kgctl's single executable with them, so both run the same code.
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser ships UMD under `main`; its ESM build bundles correctly.
  mainFields: ['module', 'main'],
  // mingo's CommonJS build routes every internal call through export getters; its ESM build
  // evaluates filters about 1.5x faster (test/bench/filter.bench.ts).
  alias: { mingo: './node_modules/mingo/esm/index.js' },
  external: ['vscode', 'bufferutil', 'utf-8-validate', 'mocha'],
};
