// Show Events on a GameServer: its own events and its pod's, oldest first, as a read-only
// text table (type, reason, age, count, object, message) in a document of its own, read again
// each time the command runs. Events expire (an hour by default), so an empty list says so.
import * as vscode from 'vscode';
import type { EventRow } from '../cluster/events';
import type { PodRef } from '../cluster/pod-logs';
import type { Deps } from './deps';
import { pickGameServer } from './pick-game-server';
import { sessionKubeConfig } from './session-kube-config';

export const EVENTS_SCHEME = 'okg-events';

/** kubectl's short ages: 45s, 12m, 3h, 2d. */
function age(ms: number, now: number): string {
  if (Number.isNaN(ms)) return '-';
  const s = Math.max(0, Math.floor((now - ms) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** Columns padded to their widest cell; the message last, unpadded. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 2)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

export function eventsText(gs: PodRef, context: string, rows: EventRow[], now: number): string {
  const head = vscode.l10n.t(
    'Events of GameServer {0}/{1} and its pod, context {2}, read at {3}',
    gs.namespace,
    gs.name,
    context,
    new Date(now).toLocaleTimeString(),
  );
  if (rows.length === 0) {
    const none = vscode.l10n.t(
      'No events were found for this GameServer or its pod. Events expire (after an hour by default), so an older problem may have left none.',
    );
    return `${head}\n\n${none}\n`;
  }
  const header = [
    vscode.l10n.t('TYPE'),
    vscode.l10n.t('REASON'),
    vscode.l10n.t('AGE'),
    vscode.l10n.t('COUNT'),
    vscode.l10n.t('OBJECT'),
    vscode.l10n.t('MESSAGE'),
  ];
  const body = rows.map((r) => [r.type, r.reason, age(r.last, now), String(r.count), r.object, r.message]);
  return `${head}\n\n${table([header, ...body])}\n`;
}

export function registerShowEvents(deps: Deps): vscode.Disposable {
  const texts = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '' };

  async function show(arg?: unknown): Promise<void> {
    const gs = await pickGameServer(deps.session, arg, vscode.l10n.t('Show Events'));
    if (!gs) return;
    const config = await sessionKubeConfig(deps.session);
    const failed = (message: string) => void vscode.window.showErrorMessage(vscode.l10n.t('Show Events of {0}/{1}: {2}', gs.namespace, gs.name, message));
    if (!config.ok) return failed(config.message);
    const { gameServerEvents } = await import('../cluster/events');
    let rows: EventRow[];
    try {
      rows = await gameServerEvents(config.kc, gs);
    } catch (e) {
      return failed(e instanceof Error ? e.message : String(e));
    }
    const text = eventsText(gs, config.context, rows, Date.now());
    const uri = vscode.Uri.from({ scheme: EVENTS_SCHEME, path: `/${gs.namespace}/${gs.name} events` });
    texts.set(uri.toString(), text);
    deps.lastRun.events = text;
    changed.fire(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }

  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(EVENTS_SCHEME, provider),
    vscode.workspace.onDidCloseTextDocument((d) => texts.delete(d.uri.toString())),
    vscode.commands.registerCommand('okg.showEvents', (arg?: unknown) => show(arg)),
  );
}
