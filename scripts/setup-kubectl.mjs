// Provides the kubectl of Debian's kubernetes-client package for the cluster tests, without
// touching the system's own kubectl (another package may own /usr/bin/kubectl):
// - kubernetes-client installed: its /usr/bin/kubectl;
// - else the package's binary, fetched with `apt-get download` (after `apt-get update` only if
//   that fails) and unpacked with `dpkg-deb -x` into .kubectl/ in the project (git-ignored).
// Idempotent, and quick once cached. Progress goes to stderr; stdout gets the binary's path alone,
// so tests can run `node scripts/setup-kubectl.mjs` and read it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.kubectl');
const UNPACKED = join(CACHE, 'root');
const CACHED_KUBECTL = join(UNPACKED, 'usr', 'bin', 'kubectl');
const SYSTEM_KUBECTL = '/usr/bin/kubectl';

const say = (msg) => console.error(`setup-kubectl: ${msg}`);

function fail(msg) {
  say(msg);
  process.exit(1);
}

function run(cmd, args, cwd) {
  say(`${cmd} ${args.join(' ')}${cwd ? ` (in ${cwd})` : ''}`);
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/** The client's version (`v1.20.2`), or undefined when the binary does not run. */
function versionOf(kubectl) {
  const r = spawnSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout).clientVersion?.gitVersion ?? 'unknown version';
  } catch {
    return 'unknown version';
  }
}

function packageInstalled() {
  const r = spawnSync('dpkg-query', ['-W', '-f', '${Status}', 'kubernetes-client'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

/** Downloads the package into a fresh folder of the cache and unpacks it into .kubectl/root. */
function fetchIntoCache() {
  mkdirSync(CACHE, { recursive: true });
  const download = mkdtempSync(join(CACHE, 'download-'));
  try {
    if (!run('apt-get', ['download', 'kubernetes-client'], download)) {
      say('download failed; refreshing the package lists and trying again');
      if (!run('apt-get', ['update'])) fail('"apt-get update" failed; check the network and the apt sources');
      if (!run('apt-get', ['download', 'kubernetes-client'], download))
        fail('"apt-get download kubernetes-client" failed; is this a Debian system with the main archive enabled?');
    }
    const deb = readdirSync(download).find((f) => f.startsWith('kubernetes-client_') && f.endsWith('.deb'));
    if (!deb) fail(`apt-get download left no kubernetes-client .deb in ${download}`);
    rmSync(UNPACKED, { recursive: true, force: true });
    if (!run('dpkg-deb', ['-x', join(download, deb), UNPACKED])) fail(`"dpkg-deb -x ${deb}" failed`);
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

function debianKubectl() {
  if (packageInstalled()) {
    const v = versionOf(SYSTEM_KUBECTL);
    if (!v) fail(`kubernetes-client is installed but ${SYSTEM_KUBECTL} does not run`);
    say(`Debian's kubernetes-client is installed: ${SYSTEM_KUBECTL} (${v})`);
    return SYSTEM_KUBECTL;
  }
  const cached = existsSync(CACHED_KUBECTL) && versionOf(CACHED_KUBECTL);
  if (cached) {
    say(`Debian's kubectl already cached: ${CACHED_KUBECTL} (${cached})`);
    return CACHED_KUBECTL;
  }
  say('fetching Debian package kubernetes-client into .kubectl/ (the system kubectl is left alone)');
  fetchIntoCache();
  const v = versionOf(CACHED_KUBECTL);
  if (!v) fail(`unpacked kubernetes-client, but ${CACHED_KUBECTL} does not run`);
  say(`Debian's kubectl: ${CACHED_KUBECTL} (${v})`);
  return CACHED_KUBECTL;
}

console.log(debianKubectl());
