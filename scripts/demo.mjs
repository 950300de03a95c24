// `npm run demo`: a real VS Code with the extension, on the examples/ workspace, pointed at a
// sandbox cluster that keeps changing (by default 5 GameServerSets × 20 GameServers, 2 changes a
// second). Prints the address to open and runs until Ctrl-C. Options:
//   --sets N      GameServerSets in the sandbox (default 5)
//   --replicas M  GameServers in each (default 20)
//   --churn R     random status changes per second (default 2; 0 stops them)
//   --port N      the VS Code port (default: any free port)
//   --vsix        install the packaged extension (`npm run package` first) instead of loading the
//                 source tree as an Extension Development Host
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VSCODE_VERSION, ensureVSCode } from '../test/e2e/install-vscode.mjs';
import { ROOT, installVsix, makeTempDir, manifest, removeDir, startSandbox, startVSCodeServer, withTimeout, workbenchUrl } from '../test/e2e/harness.mjs';
import { vsixPath } from '../test/e2e/vsix-check.mjs';

const USAGE = 'usage: npm run demo -- [--sets N] [--replicas M] [--churn R] [--port P] [--vsix]';

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
    },
  }));
} catch (e) {
  usageError(e.message);
}
const SETS = numberFlag('sets', opts.sets, 5, { min: 1, max: 10_000 });
const REPLICAS = numberFlag('replicas', opts.replicas, 20, { max: 100_000 });
const CHURN_PER_SECOND = numberFlag('churn', opts.churn, 2, { max: 100_000, fraction: true });
const PORT = numberFlag('port', opts.port, 0, { max: 65535 });

const cleanups = [];
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\ndemo: stopping ...');
  while (cleanups.length > 0) await Promise.resolve().then(cleanups.pop()).catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  const paths = await ensureVSCode();
  console.log('demo: building ...');
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed (see above)');

  const tmp = makeTempDir('okg-demo-');
  cleanups.push(() => removeDir(tmp));
  const kubeconfigPath = join(tmp, 'kubeconfig');
  const sandbox = await withTimeout(
    startSandbox({ sets: SETS, replicas: REPLICAS, churn: CHURN_PER_SECOND, port: 0, kubeconfigPath }),
    60_000,
    'the sandbox to start',
  );
  cleanups.push(() => sandbox.close());

  const extensionsDir = join(tmp, 'extensions');
  const dataDir = join(tmp, 'vscode');
  if (opts.vsix) {
    const vsix = vsixPath(manifest());
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
    await installVsix({ serverMain: paths.serverMain, vsix, extensionsDir, dataDir });
  }
  const server = await startVSCodeServer({
    serverMain: paths.serverMain,
    dataDir,
    extensionsDir,
    env: { KUBECONFIG: kubeconfigPath },
    ...(PORT ? { port: PORT } : {}),
  });
  cleanups.push(() => server.close());
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

  VS Code ${VSCODE_VERSION} (server log: ${server.logFile})
  sandbox cluster ${sandbox.url}: ${SETS} GameServerSets × ${REPLICAS} GameServers, ${CHURN_PER_SECOND} changes/s
  kubeconfig ${kubeconfigPath} (also for kgctl: KUBECONFIG=${kubeconfigPath} node dist/kgctl.js ...)

Ctrl-C stops everything.`);
} catch (err) {
  console.error(`demo: ${err instanceof Error ? err.message : String(err)}`);
  await stop(1);
}
