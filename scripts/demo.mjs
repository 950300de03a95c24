// `npm run demo`: a real VS Code with the extension, on the examples/ workspace, pointed at a
// sandbox cluster that keeps changing (by default 5 GameServerSets × 20 GameServers, 2 changes a
// second). Prints the address to open and runs until Ctrl-C, SIGINT, SIGTERM or SIGHUP, which
// stop the VS Code server (its whole process group) and the sandbox before it exits. Options:
//   --sets N      GameServerSets in the sandbox (default 5)
//   --replicas M  GameServers in each (default 20)
//   --churn R     random status changes per second (default 2; 0 stops them)
//   --port N      the VS Code port on 127.0.0.1 (default: any free port); taken is an error
//   --vsix        install the packaged extension (`npm run package` first) instead of loading the
//                 source tree as an Extension Development Host
//   --no-build    use dist/ as it is instead of building it first
// The npm script `exec`s node, so a signal npm forwards reaches this process, not only a shell.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VSCODE_VERSION, ensureVSCode } from '../test/e2e/install-vscode.mjs';
import { ROOT, installVsix, makeTempDir, manifest, removeDir, startSandbox, startVSCodeServer, withTimeout, workbenchUrl } from '../test/e2e/harness.mjs';
import { vsixPath } from '../test/e2e/vsix-check.mjs';

const USAGE = 'usage: npm run demo -- [--sets N] [--replicas M] [--churn R] [--port P] [--vsix] [--no-build]';

function usageError(message) {
  console.error(`demo: ${message}`);
  console.error(USAGE);
  process.exit(1);
}

/** The flag's value as a number within [min, max] (whole unless `fraction`), or its default when not given. */
function numberFlag(flag, value, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER, fraction = false } = {}) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (!fraction && !Number.isInteger(n))) {
    usageError(`--${flag} must be a ${fraction ? 'number' : 'whole number'} from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      sets: { type: 'string' },
      replicas: { type: 'string' },
      churn: { type: 'string' },
      port: { type: 'string' },
      vsix: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  }));
} catch (e) {
  usageError(e.message);
}
const SETS = numberFlag('sets', opts.sets, 5, { min: 1, max: 10_000 });
const REPLICAS = numberFlag('replicas', opts.replicas, 20, { max: 100_000 });
const CHURN_PER_SECOND = numberFlag('churn', opts.churn, 2, { max: 100_000, fraction: true });
const PORT = numberFlag('port', opts.port, 0, { max: 65535 });

/** Undo steps of what has been started, run last first. */
const cleanups = [];
let stopping = false;
/** The build while it runs: a stop ends it rather than waiting for it. */
let building;

/** Resolves whether 127.0.0.1:port can be listened on now (the VS Code server only logs a taken port, and waits). */
function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** `node esbuild.mjs`; asynchronous, so that a signal is handled while it runs. */
function build() {
  building = spawn(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    building.on('error', reject);
    building.on('exit', (code, signal) => {
      building = undefined;
      if (code === 0) resolve();
      else reject(new Error(`the build failed (${signal ?? `exit ${code}`}; see above)`));
    });
  });
}

/** Starts everything; returns early once a stop is asked for, having recorded what it started. */
async function start() {
  const paths = await ensureVSCode();
  if (stopping) return;
  if (PORT && !(await portIsFree(PORT))) throw new Error(`port ${PORT} is in use on 127.0.0.1: choose another --port, or leave it out for any free port`);
  if (opts['no-build']) {
    for (const built of ['dist/extension.js', 'dist/server.js']) {
      if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\`, or leave out --no-build`);
    }
  } else {
    console.log('demo: building ...');
    await build();
    if (stopping) return;
  }

  const tmp = makeTempDir('okg-demo-');
  cleanups.push(() => removeDir(tmp));
  const kubeconfigPath = join(tmp, 'kubeconfig');
  const sandbox = await withTimeout(
    startSandbox({ sets: SETS, replicas: REPLICAS, churn: CHURN_PER_SECOND, port: 0, kubeconfigPath }),
    60_000,
    'the sandbox to start',
  );
  cleanups.push(() => sandbox.close());
  if (stopping) return;

  const extensionsDir = join(tmp, 'extensions');
  const dataDir = join(tmp, 'vscode');
  if (opts.vsix) {
    const vsix = vsixPath(manifest());
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
    await installVsix({ serverMain: paths.serverMain, vsix, extensionsDir, dataDir });
    if (stopping) return;
  }
  const server = await startVSCodeServer({
    serverMain: paths.serverMain,
    dataDir,
    extensionsDir,
    env: { KUBECONFIG: kubeconfigPath },
    // The window opens on examples/README.md, which says where to start, rather than on nothing.
    settings: { 'workbench.startupEditor': 'readme' },
    ...(PORT ? { port: PORT } : {}),
  });
  cleanups.push(() => server.close());
  if (stopping) return;
  server.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`demo: the VS Code server exited (${signal ?? code}); log: ${server.logFile}`);
    stop(1);
  });

  const folder = join(ROOT, 'examples');
  mkdirSync(folder, { recursive: true });
  const url = workbenchUrl({ port: server.port, folder, ...(opts.vsix ? {} : { extensionDevelopmentPath: ROOT }) });
  console.log(`
demo: ready. Open this address in a browser:

  ${url}

  New to the extension? Run "OKG: Get Started" from the command palette (F1), or click Get
  Started in the GameServers view's "..." menu: a walkthrough from filter to applied patch.

  VS Code ${VSCODE_VERSION} (server log: ${server.logFile})
  sandbox cluster ${sandbox.url}: ${SETS} GameServerSets × ${REPLICAS} GameServers, ${CHURN_PER_SECOND} changes/s
  kubeconfig ${kubeconfigPath} (also for kgctl: KUBECONFIG=${kubeconfigPath} node dist/kgctl.js ...)

Ctrl-C stops everything.`);
}

const startup = start();

async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\ndemo: stopping ...');
  building?.kill('SIGTERM');
  // A step still under way (the server starting, say) finishes first, so that what it started is undone too.
  await startup.catch(() => undefined);
  while (cleanups.length > 0)
    await Promise.resolve()
      .then(cleanups.pop())
      .catch(() => undefined);
  process.exit(code);
}
// A terminal's Ctrl-C reaches npm and this process alike; npm forwards it here too: stop() runs once.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

try {
  await startup;
} catch (err) {
  if (!stopping) {
    console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
    await stop(1);
  }
}
