// Node's parseArgs says what is wrong with the command line in English only: its errors are read
// by their code and the flag they quote, and said again in the chosen language.
import * as l10n from '@vscode/l10n';

/** The message for what parseArgs threw; Node's own text when it is not one of the errors known here. */
export function parseArgsMessage(e: unknown): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; message?: unknown };
  const message = typeof err.message === 'string' ? err.message : String(e);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (quoted === undefined) return message;
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return l10n.t("Unknown option '{0}'", quoted);
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return l10n.t("Unexpected argument '{0}'. This command does not take positional arguments", quoted);
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.endsWith('argument missing')) return l10n.t("Option '{0}' argument missing", quoted);
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.endsWith('does not take an argument')) {
    return l10n.t("Option '{0}' does not take an argument", quoted);
  }
  return message;
}
