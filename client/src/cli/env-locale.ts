// kgctl speaks the language of the environment, as other command-line tools do: the first of
// LC_ALL, LC_MESSAGES and LANG that is set decides (POSIX order); `C` and `POSIX` mean English.

/** The locale named by the environment, or undefined for English. */
export function envLocale(env: NodeJS.ProcessEnv): string | undefined {
  const named = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (named === undefined) return undefined;
  const base = named.split(/[.@]/)[0];
  return base === 'C' || base === 'POSIX' ? undefined : named;
}
