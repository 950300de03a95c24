// The kgctl command (bundled to dist/kgctl.js). Ctrl-C stops objects not yet started; those
// in flight finish, and every object is reported.
import { runKgctl } from './run';
import type { Io } from './io';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const io: Io = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  readStdin,
  env: process.env,
  cwd: process.cwd(),
};

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());

runKgctl(process.argv.slice(2), io, stop.signal).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kgctl: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
