// The fleet overview: a webview drawing the FleetTally's counts per namespace and set. The tally
// follows the session's change batches (O(changed) each) only while the panel is open; the panel
// hears of the counts at most once a second, as a snapshot of counts (O(sets)), and not at all
// while it is hidden (VS Code drops messages to a hidden webview, which loads again and asks when shown).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ClusterSession, SessionChange } from '../session/cluster-session';
import { freshnessLabel } from '../session/freshness';
import { targetLabel } from '../session/target-label';
import { FleetTally } from './fleet-tally';
import type { OverviewMessage, OverviewWords } from './overview-message';

/** The live view's own rhythm for counts of collapsed parts (docs/live-view.md). */
const POST_INTERVAL_MS = 1_000;
const MEDIA = ['client', 'media', 'overview'];

function words(): OverviewWords {
  return {
    state: vscode.l10n.t('State'),
    opsState: vscode.l10n.t('opsState'),
    networkState: vscode.l10n.t('Network state'),
    fleet: vscode.l10n.t('All namespaces shown'),
    noSet: vscode.l10n.t('(no GameServerSet)'),
    one: vscode.l10n.t('1 GameServer'),
    // The webview puts the count where `{0}` is left.
    many: vscode.l10n.t('{0} GameServers', '{0}'),
    empty: vscode.l10n.t('No GameServers in the namespaces shown.'),
    connecting: vscode.l10n.t('Connecting to the cluster…'),
  };
}

export class FleetOverview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private tally: FleetTally | undefined;
  private readonly listening: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastPost = 0;
  private last: OverviewMessage | undefined;

  constructor(
    private readonly session: ClusterSession,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** What the panel was last sent (for the end-to-end tests); undefined while it is closed. */
  get lastPosted(): OverviewMessage | undefined {
    return this.panel ? this.last : undefined;
  }

  show(): void {
    if (this.panel) return this.panel.reveal();
    const root = vscode.Uri.joinPath(this.extensionUri, ...MEDIA);
    const panel = vscode.window.createWebviewPanel('okg.overview', vscode.l10n.t('Fleet Overview'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
    });
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'client', 'media', 'okg.svg');
    panel.webview.html = this.html(panel.webview, root);
    const tally = new FleetTally();
    this.tally = tally;
    tally.reset(this.session.objects('GameServer'));
    this.listening.push(
      this.session.onDidChange((c) => this.onChange(tally, c)),
      this.session.onDidChangeState(() => this.schedule()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if ((m as { type?: unknown } | null)?.type === 'ready') this.post();
      }),
      panel.onDidDispose(() => this.closed()),
    );
    void this.session.start();
  }

  dispose(): void {
    this.panel?.dispose();
    this.closed();
  }

  private onChange(tally: FleetTally, c: SessionChange): void {
    if (c.kind !== 'GameServer') return;
    if (c.reset) tally.reset(this.session.objects('GameServer'));
    else tally.apply(c, (key) => this.session.getByKey('GameServer', key));
    this.schedule();
  }

  /** Posts within a second of the first change since the last post; later changes ride along. */
  private schedule(): void {
    if (this.timer || !this.panel) return;
    this.timer = setTimeout(() => this.post(), Math.max(0, this.lastPost + POST_INTERVAL_MS - Date.now()));
  }

  private post(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const panel = this.panel;
    const tally = this.tally;
    if (!panel || !tally || !panel.visible) return;
    tally.takeChanged();
    const target = this.session.target();
    this.lastPost = Date.now();
    this.last = {
      type: 'counts',
      snapshot: tally.snapshot(),
      scope: target ? vscode.l10n.t('GameServers in {0}, as the GameServers view shows them', targetLabel(target)) : '',
      stale: freshnessLabel(this.session.freshness),
      loading: this.session.state === 'idle' || this.session.state === 'loading',
      error: this.session.error?.message,
      words: words(),
    };
    void panel.webview.postMessage(this.last);
  }

  private closed(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.listening.splice(0)) d.dispose();
    this.panel = undefined;
    this.tally = undefined;
    this.last = undefined;
  }

  private html(webview: vscode.Webview, root: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'overview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'overview.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${vscode.l10n.t('Fleet Overview')}</title>
</head>
<body>
<header><h1>${vscode.l10n.t('Fleet Overview')}</h1><p id="scope"></p><p id="stale" class="stale" hidden></p></header>
<main id="overview" aria-live="polite"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
