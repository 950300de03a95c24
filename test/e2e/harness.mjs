// Shared pieces of the e2e launchers, the screenshot pass and the demo: the VS Code server,
// the headless Chromium window on it, the fixture workspace and the sandbox control endpoint.
// Every process started here is started in its own process group and killed with it on close.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings for a quiet, offline, deterministic workbench. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
};

export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Settles as `promise` does, or rejects after `ms` with a message naming `what`. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
    }),
  ]);
}

/** Workspace trust on, with no prompt: every folder opens in Restricted Mode. */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Starts VS Code's own server entry on 127.0.0.1 (port 0: chosen by the OS) and resolves once it
 * prints "Web UI available". `env` is added to the server's environment, which the extension host
 * inherits (so KUBECONFIG reaches the extension). With `untrusted`, folders open in Restricted Mode.
 * `settings` are added to the user settings. Resolves to { port, url, pid, logFile, exited, close }.
 */
export async function startVSCodeServer({
  serverMain,
  dataDir,
  extensionsDir,
  env = {},
  port = 0,
  timeoutMs = 60_000,
  untrusted = false,
  settings: extra = {},
}) {
  const userDataDir = join(dataDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = { ...USER_SETTINGS, ...(untrusted ? UNTRUSTED_SETTINGS : {}), ...extra };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const logFile = join(dataDir, 'server.log');
  const logStream = createWriteStream(logFile);
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    ...(untrusted ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    userDataDir,
    '--server-data-dir',
    join(dataDir, 'server-data'),
    '--extensions-dir',
    extensionsDir,
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exited = new Promise((resolveExit) => child.on('exit', (code, signal) => resolveExit({ code, signal })));
  let output = '';
  const ready = new Promise((resolveReady, reject) => {
    let seenReady = false;
    const onData = (chunk) => {
      logStream.write(chunk);
      if (seenReady) return;
      output += chunk.toString();
      const m = /Web UI available at https?:\/\/[^:/\s]+:(\d+)/.exec(output);
      if (m) {
        seenReady = true;
        resolveReady(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => reject(new Error(`VS Code server exited early (${signal ?? code}); log: ${logFile}\n${readable(output)}`)));
  });
  const close = async () => {
    await killGroup(child, exited);
    logStream.end();
  };
  try {
    const boundPort = await withTimeout(ready, timeoutMs, 'VS Code server to print "Web UI available"');
    // `pid` is also the process group of everything the server starts (extension hosts, language servers).
    return { port: boundPort, url: `http://127.0.0.1:${boundPort}`, pid: child.pid, logFile, exited, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function killGroup(child, exited) {
  const signalGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // The group is already gone.
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  // Extension hosts and language servers live in the same group and may outlive the server.
  signalGroup('SIGKILL');
}

/** Installs a .vsix into `extensionsDir` with the server's own CLI. */
export async function installVsix({ serverMain, vsix, extensionsDir, dataDir, timeoutMs = 120_000 }) {
  // The CLI does not create these itself.
  mkdirSync(join(dataDir, 'user-data', 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      serverMain,
      '--install-extension',
      vsix,
      '--force',
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      join(dataDir, 'user-data'),
      '--server-data-dir',
      join(dataDir, 'server-data'),
      '--accept-server-license-terms',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  let result;
  try {
    result = await withTimeout(exited, timeoutMs, `installing ${vsix}`);
  } finally {
    await killGroup(child, exited);
  }
  if (result.code !== 0) throw new Error(`installing ${vsix} failed (${result.signal ?? result.code}):\n${readable(output)}`);
  return output.trim();
}

/** The end of a process's output, with the minified source lines Node prints on a crash cut short. */
export function readable(output, maxLines = 30) {
  return output
    .split('\n')
    .slice(-maxLines)
    .map((l) => (l.length > 300 ? l.slice(0, 300) + ' ...' : l))
    .join('\n');
}

/** The workbench address for a folder, optionally as an Extension Development Host (and test run). */
export function workbenchUrl({ port, folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const q = `folder=${encodeURIComponent(folder)}` + (payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
  return `http://127.0.0.1:${port}/?${q}`;
}

/** Opens the workbench in headless Chromium. */
export async function openWorkbench(url, { width = 1400, height = 900, timeoutMs = 60_000, locale } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await withTimeout(
    chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS }),
    timeoutMs,
    'Chromium to start',
  );
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    // The web workbench takes its display language from this global, set by a language pack's
    // messages; none is installed offline, so the workbench's own words stay English, but it reports
    // `locale` to extensions (vscode.env.language), which load their own translations for it.
    if (locale) await page.addInitScript((l) => (globalThis._VSCODE_NLS_LANGUAGE = l), locale);
    await page.goto(url, { timeout: timeoutMs });
    await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
    return { browser, page, close: () => withTimeout(browser.close(), 10_000, 'Chromium to close').catch(() => undefined) };
  } catch (err) {
    await browser.close().catch(() => undefined);
    throw err;
  }
}

/** Saves what the window shows to test-results/<name>.png (git-ignored) and returns a note naming it. */
export async function failureShot(page, name) {
  const file = join(ROOT, 'test-results', `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  try {
    await page.screenshot({ path: file });
    return `(the window at the failure: ${file})`;
  } catch {
    return '';
  }
}

/** A fresh temporary copy of a workspace folder, so tests may edit files freely. */
export function copyWorkspace(source, into) {
  const target = join(into, 'workspace');
  cpSync(source, target, { recursive: true });
  return target;
}

/** Starts the sandbox (test/sandbox, TypeScript: the caller runs under `node --import tsx`). */
export async function startSandbox(options) {
  const mod = await import(join(ROOT, 'test', 'sandbox', 'index.ts'));
  return mod.startSandbox(options);
}

/**
 * The sandbox's loopback control endpoint (test/sandbox/control.ts), through which the in-host suite
 * inspects and changes the sandbox: GET /objects?kind=&namespace=, POST /mutate, POST /faults, ...
 * Resolves to { url, close }.
 */
export async function startSandboxControl(sandbox) {
  const mod = await import(join(ROOT, 'test', 'sandbox', 'index.ts'));
  return mod.startSandboxControl(sandbox);
}

/**
 * The extension's manifest, read now (its contributions land while we work), as VS Code shows it in
 * `locale`: each %key% replaced from package.nls.<locale>.json, else package.nls.json.
 */
export function manifest(locale) {
  const read = (file) => (existsSync(join(ROOT, file)) ? JSON.parse(readFileSync(join(ROOT, file), 'utf8')) : {});
  const nls = { ...read('package.nls.json'), ...(locale ? read(`package.nls.${locale}.json`) : {}) };
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_key, v) =>
    typeof v === 'string' && /^%[^%\s]+%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : v,
  );
}

/** Removes a directory tree, ignoring one that is already gone. */
export function removeDir(dir) {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
