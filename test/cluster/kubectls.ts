// The kubectls the cluster tests drive the sandbox with: Debian's (kubernetes-client, as
// scripts/setup-kubectl.mjs provides it) and the one on PATH when it is another version.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Debian's kubectl, as scripts/setup-kubectl.mjs provides it (quick once cached). */
function debianKubectl(): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'setup-kubectl.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/setup-kubectl.mjs could not provide Debian's kubectl (exit ${r.status}):\n${r.stderr}`);
  return r.stdout.trim();
}

/** The client version a kubectl reports (`v1.20.2`), or undefined when it does not run. */
function versionOf(kubectl: string): string | undefined {
  const r = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return String(JSON.parse(r.stdout).clientVersion?.gitVersion ?? 'unknown');
}

/** Each kubectl to test with, and how a suite names it: Debian's always, PATH's when its version differs. */
export function kubectls(): { kubectl: string; name: string }[] {
  const debian = debianKubectl();
  const debianVersion = versionOf(debian);
  const found = [{ kubectl: debian, name: `Debian's kubectl ${debianVersion} (${debian})` }];
  const onPath = versionOf('kubectl');
  if (onPath !== undefined && onPath !== debianVersion) found.push({ kubectl: 'kubectl', name: `the kubectl on PATH, ${onPath}` });
  return found;
}
