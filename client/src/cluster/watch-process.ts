// The extension host's side of the watch process (watch-host.ts): started with the first cache that
// needs it, stopped with the last. If it dies, every cache it fed is told (and so shows stale), and
// it is started again with backoff; each cache then lists again and drops what vanished meanwhile.
import { fork, type ChildProcess } from 'node:child_process';
import { redactText } from './redact';
import { Backoff } from './retry';
import type { FromWatchHost, ToWatchHost } from './watch-protocol';

/** What the process needs of a cache it feeds (RemoteCache). */
export interface WatchClient {
  handle(m: FromWatchHost): void;
  /** The process stopped: the copy is stale until restarted. */
  lost(reason: string): void;
  /** A new process runs: ask for the stream again. */
  restarted(): void;
}

export interface WatchProcessOptions {
  /** Node flags for the process (tests run its TypeScript source through tsx). */
  execArgv?: string[];
  /** The extension's l10n bundle for the window's language, so the process's messages are in it too. */
  l10nBundle?: string;
}

const STDERR_KEPT = 2_000;
/** Names the l10n bundle file for the watch process (watch-host.ts reads it). */
export const L10N_BUNDLE_ENV = 'OKG_L10N_BUNDLE';

export class WatchProcess {
  private child: ChildProcess | undefined;
  private readonly clients = new Map<number, WatchClient>();
  private nextId = 1;
  private disposed = false;
  private readonly backoff = new Backoff({ initialMs: 200, maxMs: 5_000 });
  private restartTimer: NodeJS.Timeout | undefined;
  private stderr = '';

  constructor(
    private readonly script: string,
    private readonly opts: WatchProcessOptions = {},
  ) {}

  register(client: WatchClient): number {
    const id = this.nextId++;
    this.clients.set(id, client);
    return id;
  }

  unregister(id: number): void {
    if (!this.clients.delete(id)) return;
    this.send({ type: 'stop', id });
    if (this.clients.size === 0) this.stop();
  }

  /** Sends `m`, starting the process first when none runs (and no restart is already waiting). */
  send(m: ToWatchHost): void {
    if (this.disposed) return;
    if (!this.child && m.type === 'start' && this.restartTimer === undefined) this.spawn();
    if (this.child?.connected) this.child.send(m);
  }

  /** The process's id while one runs (for tests that stop it the hard way). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  dispose(): void {
    this.disposed = true;
    this.clients.clear();
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const child = this.child;
    this.child = undefined;
    child?.kill();
  }

  private spawn(): void {
    this.stderr = '';
    // In desktop VS Code the extension host's executable is Electron's: this runs it as Node.
    const child = fork(this.script, [], {
      serialization: 'advanced',
      execArgv: this.opts.execArgv ?? [],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...(this.opts.l10nBundle ? { [L10N_BUNDLE_ENV]: this.opts.l10nBundle } : {}) },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    child.on('message', (m: FromWatchHost) => {
      this.backoff.reset();
      this.clients.get(m.id)?.handle(m);
    });
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (this.disposed || this.clients.size === 0) return;
      const last = this.stderr.trim().split('\n').pop();
      const reason = redactText(`the watch process stopped (${signal ?? `exit code ${code}`})${last ? `: ${last}` : ''}`);
      for (const c of this.clients.values()) c.lost(reason);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        for (const c of this.clients.values()) c.restarted();
      }, this.backoff.next());
    });
  }
}
