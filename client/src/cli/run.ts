// kgctl from arguments to exit status; every message goes to stderr, results to stdout.
import { setMaxListeners } from 'node:events';
import { parseKgctlArgs, USAGE } from './args';
import { EXIT_ERROR, EXIT_OK, UsageOrSetupError, type Io } from './io';
import { deleteMode } from './modes/delete';
import { listMode } from './modes/list';
import { updateMode } from './modes/update';

export async function runKgctl(argv: readonly string[], io: Io, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const parsed = parseKgctlArgs(argv);
  if (!parsed.ok) {
    io.stderr(`kgctl: ${parsed.message}\nRun kgctl --help for the flags.\n`);
    return EXIT_ERROR;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const o = parsed.options;
  // Every object in flight listens for the stop (up to the runner's concurrency at once): not a leak.
  setMaxListeners(0, signal);
  try {
    if (o.mode === 'update') return await updateMode(o, io, signal);
    if (o.mode === 'delete') return await deleteMode(o, io, signal);
    return await listMode(o, io);
  } catch (e) {
    if (e instanceof UsageOrSetupError) {
      io.stderr(`kgctl: ${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
}
