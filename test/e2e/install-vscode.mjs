// Installs a real VS Code 1.100 (the build inside the npm package code-server) for the e2e tests,
// offline: only npm and Debian's apt are reachable (test/e2e/README.md says how). Each step leaves
// a marker in .vscode-test/, so a run that was interrupted resumes and a completed install is
// checked in well under a second.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, chmodSync, symlinkSync, lstatSync, openSync, closeSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code build inside that code-server release. */
export const VSCODE_VERSION = '1.100.3';
/** The file fonts-wqy-microhei installs: an install made before the font was needed gets it too. */
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
// fonts-wqy-microhei: Chromium draws Chinese (the UI pass's zh-cn window) as boxes without a CJK font.
const APT_PACKAGES = ['libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'libx11-dev', 'ripgrep', 'chromium', 'fonts-wqy-microhei'];
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, '.vscode-test', 'code-server');
const VSCODE = join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
const STEPS = join(CACHE, '.steps');
const LOG = join(ROOT, '.vscode-test', 'install.log');
// Generous bounds: the native rebuild compiles C++ on two shared cores.
const STEP_TIMEOUT_MS = 40 * 60_000;

/** Paths of the installed VS Code server. */
export const vscodePaths = {
  root: VSCODE,
  serverMain: join(VSCODE, 'out', 'server-main.js'),
  chromium: '/usr/bin/chromium',
};

/** True when every step has completed before (checked by marker, no process started). */
export function isInstalled() {
  const ready = existsSync(join(STEPS, `complete-${CODE_SERVER_VERSION}`)) && existsSync(vscodePaths.serverMain) && existsSync(vscodePaths.chromium);
  return ready && existsSync(CJK_FONT);
}

function run(cmd, args, cwd, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const fd = openSync(LOG, 'a');
    writeFileSync(fd, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
    const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      closeSync(fd);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${cwd}; see ${LOG}:\n${tail(LOG)}`));
    });
  });
}

function tail(file) {
  return readFileSync(file, 'utf8').split('\n').slice(-25).join('\n');
}

async function step(name, log, body) {
  const marker = join(STEPS, name);
  if (existsSync(marker)) return;
  const started = Date.now();
  log(`vscode: ${name} ...`);
  await body();
  writeFileSync(marker, new Date().toISOString() + '\n');
  log(`vscode: ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function missingAptPackages() {
  return APT_PACKAGES.filter((p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout.trim() !== 'install ok installed');
}

/** Installs (or checks) the VS Code server and Chromium; resolves to vscodePaths. */
export async function ensureVSCode({ log = (line) => console.log(line) } = {}) {
  if (isInstalled()) return vscodePaths;
  const started = Date.now();
  mkdirSync(STEPS, { recursive: true });

  const missing = missingAptPackages();
  if (missing.length > 0) {
    log(`vscode: apt-get install ${missing.join(' ')} ...`);
    await run('apt-get', ['update'], ROOT);
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], ROOT, { DEBIAN_FRONTEND: 'noninteractive' });
  }

  await step('code-server', log, async () => {
    // Without its own package.json, npm would walk up and install into the project itself.
    writeFileSync(join(CACHE, 'package.json'), JSON.stringify({ name: 'okg-vscode-cache', private: true }, null, 2) + '\n');
    // --ignore-scripts: code-server's post-install downloads ripgrep from GitHub, unreachable here.
    await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], CACHE);
  });

  await step('vscode-deps', log, () => run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], VSCODE));

  await step('ripgrep', log, async () => {
    const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
    if (!rg) throw new Error('ripgrep (rg) is not on PATH after apt-get install ripgrep');
    const bin = join(VSCODE, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(bin, { recursive: true });
    copyFileSync(rg, join(bin, 'rg'));
    chmodSync(join(bin, 'rg'), 0o755);
  });

  // npm_config_yes: node-pty's install runs `npx node-gyp`, which would otherwise wait on a prompt.
  // (The doc's --unsafe-perm is left out: npm 11 no longer knows it and runs scripts as root anyway.)
  await step('native-rebuild', log, () => run('npm', ['rebuild'], VSCODE, { npm_config_yes: 'true' }));

  await step('asar-link', log, async () => {
    const link = join(VSCODE, 'node_modules.asar');
    if (!existsSync(link) && !isSymlink(link)) symlinkSync('node_modules', link);
  });

  await step('builtin-extensions', log, () => run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], join(VSCODE, 'extensions')));

  if (!existsSync(vscodePaths.serverMain)) throw new Error(`install finished but ${vscodePaths.serverMain} is missing`);
  writeFileSync(join(STEPS, `complete-${CODE_SERVER_VERSION}`), new Date().toISOString() + '\n');
  log(`vscode: VS Code ${VSCODE_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(0)} s (${VSCODE})`);
  return vscodePaths;
}

function isSymlink(p) {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now();
  try {
    await ensureVSCode();
    console.log(`vscode: installed (${((Date.now() - started) / 1000).toFixed(1)} s this run)`);
  } catch (err) {
    console.error(`vscode: install failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
