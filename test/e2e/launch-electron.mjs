// The same e2e suite under @vscode/test-electron, for a machine with a desktop VS Code:
//   VSCODE_EXECUTABLE=/path/to/code xvfb-run -a node --import tsx test/e2e/launch-electron.mjs
// (build first: npm run build). test-electron cannot download VS Code offline, so without
// VSCODE_EXECUTABLE this launcher skips with a message; it is not part of the default test run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, copyWorkspace, makeTempDir, removeDir, startSandbox, startSandboxControl, withTimeout } from './harness.mjs';

const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  console.log('e2e (electron): skipped: set VSCODE_EXECUTABLE to a desktop VS Code binary to run the suite under @vscode/test-electron');
  process.exit(0);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('e2e (electron): no display; run this launcher under `xvfb-run -a`');
  process.exit(1);
}

const started = Date.now();
const tmp = makeTempDir('okg-e2e-electron-');
let sandbox;
let control;
let exitCode = 1;
try {
  if (!existsSync(join(ROOT, 'out', 'e2e', 'index.js'))) throw new Error('out/e2e/index.js is missing: run `npm run build` first');
  const kubeconfigPath = join(tmp, 'kubeconfig');
  sandbox = await withTimeout(startSandbox({ sets: 3, replicas: 4, churn: 0, port: 0, kubeconfigPath }), 30_000, 'the sandbox to start');
  control = await startSandboxControl(sandbox);
  const workspace = copyWorkspace(join(ROOT, 'test', 'e2e', 'workspace'), tmp);
  const resultFile = join(tmp, 'result.json');
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'e2e', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(tmp, 'user-data'), '--extensions-dir', join(tmp, 'extensions')],
    extensionTestsEnv: {
      KUBECONFIG: kubeconfigPath,
      OKG_E2E_KUBECONFIG: kubeconfigPath,
      OKG_E2E_CONTROL: control.url,
      OKG_E2E_RESULT: resultFile,
      ...(process.env.OKG_E2E_GREP ? { OKG_E2E_GREP: process.env.OKG_E2E_GREP } : {}),
    },
  }).catch(() => undefined); // A failing suite rejects here; the result file says which tests failed.
  if (!existsSync(resultFile)) throw new Error('the suite wrote no result file');
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  console.log(`\ne2e (electron): ${result.passed} passed, ${result.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const f of result.failures) console.log(`\nFAILED: ${f.title}\n${f.message}`);
  exitCode = result.failed === 0 && result.passed > 0 ? 0 : 1;
} catch (err) {
  console.error(`e2e (electron): ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await control?.close();
  await sandbox?.close();
  removeDir(tmp);
}
process.exit(exitCode);
