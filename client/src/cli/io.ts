// What kgctl touches outside itself, so the whole tool runs in tests without a process.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stderr is a terminal: live progress may be drawn there (never into a pipeline's log). */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
/** A usage, filter, patch, kubeconfig or connection error: nothing was changed. */
export const EXIT_ERROR = 1;
/** At least one object failed (the others were done). */
export const EXIT_PARTIAL = 2;

/** A failure that ends the run with exit status 1, after its message is printed on stderr. */
export class UsageOrSetupError extends Error {}
