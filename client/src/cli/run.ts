// kgctl from arguments to exit status; every message goes to stderr, results to stdout. The first
// word `wait` or `rbac` picks a subcommand; anything else is kruisegamectl's command line.
import { setMaxListeners } from 'node:events';
import * as l10n from '@vscode/l10n';
import { useLocale } from '../../../server/src/locale';
import { parseKgctlArgs, usage, type KgctlOptions } from './args';
import { envLocale } from './env-locale';
import { EXIT_ERROR, EXIT_OK, UsageOrSetupError, type Io } from './io';
import { deleteMode } from './modes/delete';
import { listMode } from './modes/list';
import { rbacMode } from './modes/rbac';
import { updateMode } from './modes/update';
import { waitMode } from './modes/wait';
import { parseRbacArgs, rbacUsage, type RbacOptions } from './rbac-args';
import { parseWaitArgs, waitUsage, type WaitOptions } from './wait-args';

type Parsed<T> = { ok: true; help: true } | { ok: true; help?: false; options: T } | { ok: false; message: string };

interface Command<T> {
  /** How messages name the command: `kgctl`, `kgctl wait`. */
  name: string;
  parse(argv: readonly string[]): Parsed<T>;
  usage(): string;
  run(options: T, io: Io, signal: AbortSignal): Promise<number> | number;
}

const MAIN: Command<KgctlOptions> = {
  name: 'kgctl',
  parse: parseKgctlArgs,
  usage,
  run(o, io, signal) {
    if (o.mode === 'update') return updateMode(o, io, signal);
    if (o.mode === 'delete') return deleteMode(o, io, signal);
    return listMode(o, io);
  },
};

const WAIT: Command<WaitOptions> = {
  name: 'kgctl wait',
  parse: parseWaitArgs,
  usage: waitUsage,
  run: waitMode,
};

const RBAC: Command<RbacOptions> = {
  name: 'kgctl rbac',
  parse: parseRbacArgs,
  usage: rbacUsage,
  run: (o, io) => rbacMode(o, io),
};

async function runCommand<T>(c: Command<T>, argv: readonly string[], io: Io, signal: AbortSignal): Promise<number> {
  const parsed = c.parse(argv);
  if (!parsed.ok) {
    io.stderr(`${c.name}: ${parsed.message}\n${l10n.t('Run {0} --help for the flags.', c.name)}\n`);
    return EXIT_ERROR;
  }
  if (parsed.help) {
    io.stdout(c.usage());
    return EXIT_OK;
  }
  try {
    return await c.run(parsed.options, io, signal);
  } catch (e) {
    if (e instanceof UsageOrSetupError) {
      io.stderr(`${c.name}: ${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
}

export async function runKgctl(argv: readonly string[], io: Io, signal: AbortSignal = new AbortController().signal): Promise<number> {
  // Messages (never the results on stdout) follow LC_ALL, LC_MESSAGES or LANG, as other tools' do.
  useLocale(envLocale(io.env));
  // Every object in flight listens for the stop (up to the runner's concurrency at once): not a leak.
  setMaxListeners(0, signal);
  if (argv[0] === 'wait') return runCommand(WAIT, argv.slice(1), io, signal);
  if (argv[0] === 'rbac') return runCommand(RBAC, argv.slice(1), io, signal);
  return runCommand(MAIN, argv, io, signal);
}
