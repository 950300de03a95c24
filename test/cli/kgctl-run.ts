// Test helpers: build kgctl's bundle once (as esbuild.mjs does) and run it as a process.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from '../bundle';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Bundles client/src/cli/kgctl.ts once, with the options of the shipped bundles. */
export function buildKgctl(): Promise<string> {
  return bundle('client/src/cli/kgctl.ts');
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
