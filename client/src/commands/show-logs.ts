// Show Logs on a GameServer: its pod's container log (picked when there are several), followed
// into an output channel of its own. An output channel because VS Code appends to it cheaply,
// keeps the scrollback searchable, and lists every channel in the Output panel's picker, so
// several servers can be followed side by side. The last TAIL_LINES lines come first; a stream
// that drops is resumed once, saying so; following stops when the connection changes, when
// Show Logs is run again on the same container (it starts afresh), or with the extension.
import * as vscode from 'vscode';
import type { LogEnd, PodRef } from '../cluster/pod-logs';
import type { Deps } from './deps';
import { pickGameServer } from './pick-game-server';
import { sessionKubeConfig } from './session-kube-config';

const TAIL_LINES = 500;
/** What the test API keeps of each channel (its end), so a long follow does not grow memory. */
const KEPT_CHARS = 64 * 1024;

export interface ShowLogsOptions {
  /** The container, instead of asking (tests; a pod with one container never asks). */
  container?: string;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** One followed container log and its channel. */
class LogFollow {
  private readonly abort = new AbortController();

  constructor(
    readonly channel: vscode.OutputChannel,
    private readonly deps: Deps,
  ) {}

  append(text: string): void {
    this.channel.append(text);
    const logs = (this.deps.lastRun.logs ??= {});
    logs[this.channel.name] = ((logs[this.channel.name] ?? '') + text).slice(-KEPT_CHARS);
  }

  note(line: string): void {
    this.append(`--- ${line}\n`);
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  stop(why?: string): void {
    if (this.abort.signal.aborted) return;
    if (why) this.note(why);
    this.abort.abort();
  }

  /** Follows until the stream ends, drops a second time, fails, or stop() is called. */
  async run(follow: (tailLines: number) => Promise<LogEnd>, what: string): Promise<void> {
    let resumed = false;
    for (let tail = TAIL_LINES; ; tail = 0) {
      let end: LogEnd;
      try {
        end = await follow(tail);
      } catch (e) {
        if (!this.signal.aborted) this.note(vscode.l10n.t('Could not follow the log of {0}: {1}', what, messageOf(e)));
        return;
      }
      if (end.end === 'aborted') return;
      if (end.end === 'closed') {
        this.note(vscode.l10n.t('The log of {0} ended: the container stopped or the pod was deleted.', what));
        return;
      }
      if (resumed) {
        this.note(vscode.l10n.t('The log stream of {0} dropped again ({1}); stopped following. Run Show Logs to start again.', what, end.error.message));
        return;
      }
      resumed = true;
      this.note(vscode.l10n.t('The log stream of {0} dropped ({1}); reconnecting: lines written meanwhile may be missing.', what, end.error.message));
    }
  }
}

async function chooseContainer(containers: string[], gs: PodRef): Promise<string | undefined> {
  if (containers.length === 1) return containers[0];
  return vscode.window.showQuickPick(containers, {
    title: vscode.l10n.t('Show Logs of {0}/{1}', gs.namespace, gs.name),
    placeHolder: vscode.l10n.t('Container'),
  });
}

export function registerShowLogs(deps: Deps): vscode.Disposable {
  const follows = new Map<string, LogFollow>();
  const channels = new Map<string, vscode.OutputChannel>();

  async function show(arg?: unknown, options: ShowLogsOptions = {}): Promise<void> {
    const title = vscode.l10n.t('Show Logs');
    const gs = await pickGameServer(deps.session, arg, title);
    if (!gs) return;
    const config = await sessionKubeConfig(deps.session);
    if (!config.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Show Logs of {0}/{1}: {2}', gs.namespace, gs.name, config.message));
      return;
    }
    const { followPodLog, podContainers } = await import('../cluster/pod-logs');
    let containers: string[];
    try {
      containers = await podContainers(config.kc, gs);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Show Logs of {0}/{1}: {2}', gs.namespace, gs.name, messageOf(e)));
      return;
    }
    if (options.container !== undefined && !containers.includes(options.container)) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Show Logs of {0}/{1}: the pod has no container {2} (it has {3})', gs.namespace, gs.name, options.container, containers.join(', ')),
      );
      return;
    }
    const container = options.container ?? (await chooseContainer(containers, gs));
    if (!container) return;
    const name = `OKG Logs: ${gs.namespace}/${gs.name} (${container})`;
    follows.get(name)?.stop();
    let channel = channels.get(name);
    if (channel) channel.clear();
    else channels.set(name, (channel = vscode.window.createOutputChannel(name)));
    if (deps.lastRun.logs) delete deps.lastRun.logs[name];
    const follow = new LogFollow(channel, deps);
    follows.set(name, follow);
    channel.show(true);
    follow.note(
      vscode.l10n.t(
        'Following {0}/{1}, container {2}, in context {3}: the last {4} lines, then new ones.',
        gs.namespace,
        gs.name,
        container,
        config.context,
        TAIL_LINES,
      ),
    );
    const what = `${gs.namespace}/${gs.name} (${container})`;
    const onText = (text: string) => follow.append(text);
    // The command returns once following started; the follow goes on in the background.
    void follow
      .run((tailLines) => followPodLog(config.kc, gs, { container, tailLines, onText, signal: follow.signal }), what)
      .finally(() => follows.get(name) === follow && follows.delete(name));
  }

  const stopAll = (why: string) => {
    for (const f of follows.values()) f.stop(why);
    follows.clear();
  };
  let context = deps.session.target()?.context;
  return vscode.Disposable.from(
    vscode.commands.registerCommand('okg.showLogs', (arg?: unknown, options?: ShowLogsOptions) => show(arg, options)),
    deps.session.onDidChangeState(() => {
      const now = deps.session.target()?.context;
      if (now !== context && context !== undefined) stopAll(vscode.l10n.t('Stopped following: the cluster connection changed to context {0}.', now ?? '-'));
      context = now;
    }),
    { dispose: () => stopAll('') },
    { dispose: () => channels.forEach((c) => c.dispose()) },
  );
}
