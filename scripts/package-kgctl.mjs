// Builds kgctl as one executable that needs no Node.js installed: a Node.js single executable
// application (SEA), that is a copy of the running `node` with kgctl's bundle injected into it.
// The binary is for this machine's OS and CPU (Linux only; linux-x64 here). docs/kgctl-binary.md
// explains the steps and how to ship the result.
//
//   node scripts/package-kgctl.mjs [--out DIR]    (default dist/bin)
//
// Writes DIR/kgctl and DIR/kubectl-kgctl (a hard link to it: kubectl runs any executable named
// kubectl-NAME on PATH as `kubectl NAME`). Progress goes to stderr, the binary's path to stdout.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { inject } from 'postject';
import { nodeBundleOptions } from '../esbuild.options.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The marker Node's SEA support looks for in its own binary; postject flips it once the blob is in.
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
// Optional modules the bundled libraries try to load inside try/catch and do without (ws:
// bufferutil and utf-8-validate; node-fetch: encoding). A SEA's require loads only built-ins and
// warns on stderr for anything else, so the bundle gets a module that fails as a missing one does.
const OPTIONAL = ['bufferutil', 'utf-8-validate', 'encoding'];

const say = (msg) => console.error(`package-kgctl: ${msg}`);

function outDir() {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' } } });
    return resolve(values.out ?? join(ROOT, 'dist', 'bin'));
  } catch (e) {
    throw new Error(`${e.message}\nusage: node scripts/package-kgctl.mjs [--out DIR]`);
  }
}

const absentOptionalModules = {
  name: 'absent-optional-modules',
  setup(build) {
    const filter = new RegExp(`^(${OPTIONAL.join('|')})$`);
    build.onResolve({ filter }, (a) => ({ path: a.path, namespace: 'absent' }));
    build.onLoad({ filter: /.*/, namespace: 'absent' }, (a) => ({
      contents: `throw Object.assign(new Error("Cannot find module '${a.path}'"), { code: 'MODULE_NOT_FOUND' });`,
      loader: 'js',
    }));
  },
};

/** kgctl's bundle, with the shipped bundle's options; fails when it would load a non-built-in at run time. */
async function bundle(outfile) {
  const result = await esbuild.build({
    ...nodeBundleOptions,
    // The shared options name paths from the project's root (the mingo alias), wherever this runs from.
    absWorkingDir: ROOT,
    entryPoints: ['client/src/cli/kgctl.ts'],
    outfile,
    // Nothing may stay outside: the SEA has no node_modules to load it from.
    external: [],
    plugins: [absentOptionalModules],
    minify: true,
    metafile: true,
    logLevel: 'warning',
  });
  const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports);
  const outside = [...new Set(imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path))];
  if (outside.length) throw new Error(`the kgctl bundle still requires ${outside.join(', ')} at run time; a single executable can load only Node's built-ins`);
}

/**
 * The SEA blob of `main`, made by this node (a blob fits only the node that made it). With V8's
 * code cache in it, `kgctl --help` starts in 0.14 s instead of 0.24 s.
 */
function blobOf(main, work) {
  const config = join(work, 'sea-config.json');
  const blob = join(work, 'sea-prep.blob');
  writeFileSync(config, JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true }));
  const r = spawnSync(process.execPath, ['--experimental-sea-config', config], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node --experimental-sea-config failed (exit ${r.status}): ${r.stderr.trim()}`);
  return readFileSync(blob);
}

/** Runs the binary with an empty environment (no PATH, so no node to fall back on). */
function smokeTest(bin) {
  const r = spawnSync(bin, ['--help'], { env: {}, encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.startsWith('Usage: kgctl') || r.stderr !== '') {
    const seen = `stdout ${JSON.stringify(r.stdout.slice(0, 200))}, stderr ${JSON.stringify(r.stderr.slice(0, 500))}`;
    throw new Error(`the built binary failed \`kgctl --help\` with an empty environment (exit ${r.status ?? r.signal}): ${seen}`);
  }
}

/** Replaces `to` with a hard link to `from`, or a copy where the file system has no hard links. */
function linkOrCopy(from, to) {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Builds DIR/kgctl and DIR/kubectl-kgctl; returns the binary's path. */
async function packageKgctl(out, work) {
  const main = join(work, 'kgctl.js');
  await bundle(main);
  const blob = blobOf(main, work);
  mkdirSync(out, { recursive: true });
  // Built under another name and renamed when whole, so DIR/kgctl is never half written.
  const partial = join(out, '.kgctl.partial');
  try {
    copyFileSync(process.execPath, partial);
    chmodSync(partial, 0o755);
    say('injecting (postject\'s "Can\'t find string offset for section name" warnings are harmless)');
    await inject(partial, 'NODE_SEA_BLOB', blob, { sentinelFuse: SEA_FUSE }).catch((e) => {
      const hint = /sentinel/i.test(e.message) ? ' (this node has no SEA support, as when it is built on a shared libnode)' : '';
      throw new Error(`cannot inject kgctl into a copy of ${process.execPath}: ${e.message}${hint}`);
    });
    smokeTest(partial);
    renameSync(partial, join(out, 'kgctl'));
  } finally {
    rmSync(partial, { force: true });
  }
  const bin = join(out, 'kgctl');
  linkOrCopy(bin, join(out, 'kubectl-kgctl'));
  return bin;
}

const work = mkdtempSync(join(tmpdir(), 'package-kgctl-'));
try {
  if (process.platform !== 'linux') throw new Error(`builds Linux binaries only, this is ${process.platform} (see docs/kgctl-binary.md)`);
  const bin = await packageKgctl(outDir(), work);
  say(`${bin} and kubectl-kgctl beside it (${(statSync(bin).size / 1e6).toFixed(0)} MB, Node ${process.version}, ${process.platform}-${process.arch})`);
  console.log(bin);
} catch (e) {
  say(e.message);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
