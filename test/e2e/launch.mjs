// Runs the e2e suite (out/e2e/*.e2e.js) inside a real VS Code 1.100 against the sandbox, then the
// UI pass (a window driven with Playwright as a person would; pictures in test-results/ui/), then
// checks that the packaged .vsix installs, activates and shows the tree.
// Run with `npm run test:e2e` (which builds and packages first), or
//   node --import tsx test/e2e/launch.mjs [--grep PATTERN] [--skip-ui] [--skip-vsix] [--keep]
// Prints `e2e: N passed, N failed`, each failure, and exits non-zero on any failure.
import { existsSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureVSCode } from './install-vscode.mjs';
import {
  ROOT,
  copyWorkspace,
  makeTempDir,
  manifest,
  openWorkbench,
  removeDir,
  startSandbox,
  startSandboxControl,
  startVSCodeServer,
  readable,
  withTimeout,
  workbenchUrl,
} from './harness.mjs';
import { runUiPass } from './ui-pass.mjs';
import { checkInstalledVsix, vsixPath } from './vsix-check.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    'skip-ui': { type: 'boolean', default: false },
    'skip-vsix': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const SUITE_TIMEOUT_MS = Number(process.env.OKG_E2E_TIMEOUT_MS ?? 10 * 60_000);

const started = Date.now();
const cleanups = [];
let exitCode = 1;
const onSignal = () => {
  console.error('e2e: interrupted');
  cleanup().finally(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

async function cleanup() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    await Promise.resolve()
      .then(fn)
      .catch((err) => console.error(`e2e: cleanup: ${err instanceof Error ? err.message : String(err)}`));
  }
}

try {
  const paths = await ensureVSCode();
  for (const built of ['dist/extension.js', 'dist/server.js', 'out/e2e/index.js']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const tmp = makeTempDir('okg-e2e-');
  cleanups.push(() => (opts.keep ? console.log(`e2e: kept ${tmp}`) : removeDir(tmp)));

  const kubeconfigPath = join(tmp, 'kubeconfig');
  // Small and still: assertions compare exact sets of objects, so no churn.
  const sandbox = await withTimeout(startSandbox({ sets: 3, replicas: 4, churn: 0, port: 0, kubeconfigPath }), 30_000, 'the sandbox to start');
  cleanups.push(() => sandbox.close());
  const control = await startSandboxControl(sandbox);
  cleanups.push(() => control.close());

  const results = await runSuite({ paths, tmp, sandbox, control });
  const failures = [...results.failures];
  let passed = results.passed;

  if (!opts['skip-ui'] && !opts.grep) {
    console.log('e2e: the UI pass, in a window driven as a person would');
    const ui = await runUiPass({
      paths,
      outDir: join(ROOT, 'test-results', 'ui'),
      onResult: (r) => console.log(r.ok ? `  ok   UI pass: ${r.title}` : `  FAIL UI pass: ${r.title}: ${r.message}`),
    });
    passed += ui.passed;
    failures.push(...ui.failures);
  }

  if (!opts['skip-vsix'] && !opts.grep) {
    const vsix = vsixPath(manifest());
    try {
      const detail = await checkInstalledVsix({ paths, vsix, tmp, sandbox });
      passed++;
      console.log(`  ok   packaged .vsix installs, activates and shows the tree (${detail})`);
    } catch (err) {
      failures.push({ title: 'packaged .vsix installs, activates and shows the tree', message: err instanceof Error ? err.message : String(err) });
      console.log(`  FAIL packaged .vsix: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  console.log(`\ne2e: ${passed} passed, ${failures.length} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const f of failures) console.log(`\nFAILED: ${f.title}\n${f.message}`);
  exitCode = failures.length === 0 && passed > 0 ? 0 : 1;
} catch (err) {
  console.error(`e2e: ${err instanceof Error ? err.message : String(err)}`);
  console.log(`\ne2e: 0 passed, 1 failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
} finally {
  await cleanup();
}
process.exit(exitCode);

/** One VS Code server + window with the extension under development and the suite; resolves to the suite's result. */
async function runSuite({ paths, tmp, sandbox, control }) {
  const resultFile = join(tmp, 'result.json');
  const logFile = join(tmp, 'suite.log');
  const workspace = copyWorkspace(join(ROOT, 'test', 'e2e', 'workspace'), tmp);
  const server = await startVSCodeServer({
    serverMain: paths.serverMain,
    dataDir: join(tmp, 'vscode'),
    extensionsDir: join(tmp, 'extensions'),
    env: {
      KUBECONFIG: sandbox.kubeconfigPath,
      OKG_E2E_KUBECONFIG: sandbox.kubeconfigPath,
      OKG_E2E_CONTROL: control.url,
      OKG_E2E_RESULT: resultFile,
      OKG_E2E_LOG: logFile,
      ...(opts.grep ? { OKG_E2E_GREP: opts.grep } : {}),
    },
  });
  cleanups.push(() => server.close());
  const url = workbenchUrl({
    port: server.port,
    folder: workspace,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'e2e', 'index.js'),
  });
  console.log(`e2e: VS Code server on ${server.url}; running the suite in the Extension Development Host`);
  const window = await openWorkbench(url);
  cleanups.push(() => window.close());
  const pageErrors = [];
  window.page.on('pageerror', (err) => pageErrors.push(err.message));

  // The suite writes its result file when run() settles; the server or a timeout may end it first.
  const printer = tailFile(logFile, (line) => console.log(line));
  let outcome;
  try {
    outcome = await Promise.race([waitForFile(resultFile, SUITE_TIMEOUT_MS).then(() => 'done'), server.exited.then(() => 'server-exited')]);
  } catch (err) {
    outcome = err instanceof Error ? err.message : String(err);
  } finally {
    printer.stop();
  }
  if (outcome !== 'done') {
    const serverLog = readable(readFileSync(server.logFile, 'utf8'), 40);
    const hint = outcome === 'server-exited' ? 'the VS Code server exited before the suite wrote its result' : outcome;
    return {
      passed: 0,
      failures: [
        {
          title: 'e2e suite',
          message: `no result file: ${hint}\n--- last lines of the server log ---\n${serverLog}${pageErrors.length ? `\n--- page errors ---\n${pageErrors.join('\n')}` : ''}`,
        },
      ],
    };
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  return { passed: result.passed, failures: result.failures };
}

async function waitForFile(file, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(existsSync(file) && statSync(file).size > 0)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for the suite's result file`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Prints the lines appended to `file` while the suite runs. */
function tailFile(file, onLine) {
  let offset = 0;
  let partial = '';
  const read = () => {
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    if (size <= offset) return;
    const fd = openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    closeSync(fd);
    offset = size;
    const lines = (partial + buf.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    lines.forEach(onLine);
  };
  const timer = setInterval(read, 250);
  return {
    stop() {
      clearInterval(timer);
      read();
      if (partial) onLine(partial);
    },
  };
}
