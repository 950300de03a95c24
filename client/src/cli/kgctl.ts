// The kgctl command (bundled to dist/kgctl.js). Ctrl-C stops objects not yet started; those
// in flight finish, and every object is reported.
import * as l10n from '@vscode/l10n';
import { redactText } from '../cluster/redact';
import { runKgctl } from './run';
import type { Io } from './io';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const io: Io = {
  stdout: (t) => void process.stdout.write(t),
  // Messages are already redacted where they are made; this is the last line before the terminal
  // (stdout is left alone: it is the objects themselves).
  stderr: (t) => void process.stderr.write(redactText(t)),
  readStdin,
  env: process.env,
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
};

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());

runKgctl(process.argv.slice(2), io, stop.signal).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(redactText(`kgctl: ${l10n.t('internal error: {0}', e instanceof Error ? e.message : String(e))}\n`));
    process.exitCode = 1;
  },
);
