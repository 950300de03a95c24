// Test helpers: build kgctl's bundle once (as esbuild.mjs does) and run it as a process.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Bundles client/src/cli/kgctl.ts to a temp file with the options esbuild.mjs uses. */
export async function buildKgctl(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'kgctl-bin-')), 'kgctl.js');
  await esbuild.build({
    entryPoints: ['client/src/cli/kgctl.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['vscode', 'bufferutil', 'utf-8-validate'],
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Runs the bundle asynchronously (the sandbox answers from this process's event loop), with a
 * clean environment: HOME is an empty directory, so only what a test passes is read.
 */
export function runKgctlProcess(bin: string, args: string[], o: { env?: NodeJS.ProcessEnv; stdin?: string; cwd?: string } = {}): Promise<Run> {
  const home = mkdtempSync(join(tmpdir(), 'kgctl-home-'));
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH, HOME: home, ...o.env }, cwd: o.cwd, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(o.stdin ?? '');
  });
}
