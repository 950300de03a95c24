// The in-host test runner: VS Code (or @vscode/test-electron) calls run() inside the extension host
// with the real `vscode` API. Each *.e2e.ts in this folder is bundled to out/e2e/*.e2e.js and loaded
// here. The extension host exit code does not report failures under the VS Code server, so the
// result is written to the file named by OKG_E2E_RESULT, which the launcher reads.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface E2eFailure {
  title: string;
  message: string;
}

export interface E2eResult {
  passed: number;
  failed: number;
  failures: E2eFailure[];
  durationMs: number;
}

const TEST_TIMEOUT_MS = 60_000;

export async function run(): Promise<void> {
  const started = Date.now();
  const result: E2eResult = { passed: 0, failed: 0, failures: [], durationMs: 0 };
  const log = (line: string) => {
    const file = process.env.OKG_E2E_LOG;
    if (file) appendFileSync(file, line + '\n');
    else console.log(line);
  };
  try {
    const files = readdirSync(__dirname)
      .filter((f) => f.endsWith('.e2e.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.e2e.js files next to ${__filename}; did the build run?`);
    const mocha = new Mocha({ ui: 'bdd', timeout: TEST_TIMEOUT_MS, color: false, reporter: reporterFor(result, log) });
    if (process.env.OKG_E2E_GREP) mocha.grep(process.env.OKG_E2E_GREP);
    for (const f of files) mocha.addFile(join(__dirname, f));
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
    if (result.passed + result.failed === 0) throw new Error('no test ran (check OKG_E2E_GREP)');
  } catch (err) {
    result.failed++;
    result.failures.push({ title: 'e2e runner', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    log(`  FAIL e2e runner: ${String(err)}`);
  } finally {
    result.durationMs = Date.now() - started;
    if (process.env.OKG_E2E_RESULT) writeFileSync(process.env.OKG_E2E_RESULT, JSON.stringify(result, null, 2));
  }
  // @vscode/test-electron reports the outcome through this rejection; the server launcher reads the file.
  if (result.failed > 0) throw new Error(`${result.failed} e2e test(s) failed`);
}

/** A reporter that counts results and logs one line per test, for the launcher to print live. */
function reporterFor(result: E2eResult, log: (line: string) => void) {
  return class FileReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
      super(runner, options);
      runner.on('pass', (test: Mocha.Test) => {
        result.passed++;
        log(`  ok   ${test.fullTitle()} (${test.duration ?? 0} ms)`);
      });
      runner.on('fail', (test: Mocha.Test | Mocha.Hook, err: Error) => {
        result.failed++;
        const message = err.stack ?? err.message;
        result.failures.push({ title: test.fullTitle(), message });
        log(`  FAIL ${test.fullTitle()}\n${indent(message)}`);
      });
    }
  };
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => '       ' + l)
    .join('\n');
}
