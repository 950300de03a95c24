// The extension's live link to one cluster: the kubeconfig, the chosen context and namespaces
// (kept in VS Code's memento, never written to the kubeconfig), and the GameServer and
// GameServerSet caches. Nothing connects until start() is called (view shown or command run),
// and the cluster layer itself is loaded on first use (see cluster-access.ts). Changes reach
// listeners as the keys each cache batch changed, so nothing downstream has to walk every object;
// a failed connect retries by itself with backoff, and the caches' freshness is published.
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ClusterClient } from '../cluster/api';
import type { LiveCache } from '../cluster/live-cache';
import type { WatchProcess } from '../cluster/watch-process';
import type { ClusterError } from '../cluster/errors';
import type { ClusterTarget, LoadedKubeConfig } from '../cluster/kubeconfig';
import type { PatchRunner } from '../cluster/patch-runner';
import type { KubeObject, ResourceKind } from '../cluster/resources';
import { namespacesSetting } from '../cluster/names';
import { Backoff } from '../cluster/retry';
import { viewStateForError, type ViewState } from './view-state';
import { kubeconfigSetting, namespacesSettingValue } from '../settings';

type ClusterAccess = typeof import('./cluster-access');
type Loaded = { ok: true; config: LoadedKubeConfig } | { ok: false; error: ClusterError };

const TARGET_KEY = 'okg.target';

/** The keys ("namespace/name") one batch of a cache changed; `reset`: every object of the kind may have. */
export interface SessionChange {
  kind: ResourceKind;
  added: string[];
  modified: string[];
  deleted: string[];
  reset?: boolean;
}

/** Whether what the caches hold is known to be current, and if not since when and why. */
export type Freshness = { live: true } | { live: false; since: number; reason: string };

/** A failed connect is tried again after this long at the most, so the view is back soon after the API. */
const RECONNECT_MAX_MS = 8_000;
const OTHER_NAMESPACES_PAGE = 500;

interface Connection {
  target: ClusterTarget;
  client: ClusterClient;
  caches: Record<ResourceKind, LiveCache>;
  /** Lists and watches for the caches, outside the extension host (cluster/watch-host.ts). */
  watcher: WatchProcess;
}

export class ClusterSession implements vscode.Disposable {
  private access_: Promise<ClusterAccess> | undefined;
  private config: LoadedKubeConfig | undefined;
  /** The kubeconfig file the settings name, as last read; the watch process reads the same. */
  private kubeconfigSetting: string | undefined;
  private chosen: ClusterTarget | undefined;
  private connection: Connection | undefined;
  private starting: Promise<void> | undefined;
  /** Bumped by every connect, so a connect overtaken by a newer one gives up and cleans up. */
  private generation = 0;
  private state_: ViewState = 'idle';
  private error_: ClusterError | undefined;
  private freshness_: Freshness = { live: true };
  private readonly reconnectBackoff = new Backoff({ initialMs: 1_000, maxMs: RECONNECT_MAX_MS });
  private reconnectTimer: NodeJS.Timeout | undefined;
  /** Kubeconfig warnings (such as skipped TLS verification) already logged, once each. */
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<SessionChange>();
  private readonly stateChanged = new vscode.EventEmitter<void>();
  /** Objects changed: one event per cache batch, or a reset of a kind on (re)connect. */
  readonly onDidChange = this.changed.event;
  /** The state, error, freshness or target changed. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get state(): ViewState {
    return this.state_;
  }

  get error(): ClusterError | undefined {
    return this.error_;
  }

  get started(): boolean {
    return this.starting !== undefined;
  }

  get freshness(): Freshness {
    return this.freshness_;
  }

  private access(): Promise<ClusterAccess> {
    this.access_ ??= import('./cluster-access');
    return this.access_;
  }

  /** Reads the kubeconfig again (local files only) and returns it or why it cannot be used. */
  async loadConfig(): Promise<Loaded> {
    const { loadKubeConfig } = await this.access();
    this.kubeconfigSetting = kubeconfigSetting();
    const r = loadKubeConfig({ kubeconfig: this.kubeconfigSetting });
    this.config = r.ok ? r.config : undefined;
    return r;
  }

  private async configLoaded(): Promise<Loaded> {
    return this.config ? { ok: true, config: this.config } : this.loadConfig();
  }

  async contexts(): Promise<string[]> {
    const { contextNames } = await this.access();
    const r = await this.configLoaded();
    return r.ok ? contextNames(r.config) : [];
  }

  /** The target as last resolved (undefined before the kubeconfig was read, or without one). */
  target(): ClusterTarget | undefined {
    return this.connection?.target ?? this.chosen;
  }

  /**
   * Resolves the target: the context and namespaces the user chose, else the kubeconfig's
   * current context and its namespace (or the okg.namespaces setting).
   */
  async resolveTarget(): Promise<ClusterTarget | undefined> {
    const { contextNames, contextNamespace } = await this.access();
    const r = await this.configLoaded();
    this.chosen = undefined;
    if (r.ok) {
      const saved = this.memento.get<ClusterTarget>(TARGET_KEY);
      const known = contextNames(r.config);
      const context = saved && known.includes(saved.context) ? saved.context : (r.config.currentContext ?? known[0]);
      if (context) {
        const setting = namespacesSetting(namespacesSettingValue());
        if (!setting.ok) this.log.error(`The okg.namespaces setting is ignored: ${setting.problem}`);
        const fallback = setting.ok && setting.namespaces.length ? setting.namespaces : [contextNamespace(r.config, context)];
        this.chosen = { context, namespaces: saved?.context === context ? saved.namespaces : fallback };
      }
    }
    this.stateChanged.fire();
    return this.chosen;
  }

  /** Connects once; later calls wait for the same connection. */
  start(): Promise<void> {
    this.starting ??= this.connect();
    return this.starting;
  }

  /**
   * Drops the caches and connects again (new settings, new kubeconfig, or a retry). An automatic
   * retry keeps the error on show until it succeeds, instead of flashing "Loading" each time.
   */
  restart(automatic = false): Promise<void> {
    this.disconnect();
    this.config = undefined;
    this.starting = this.connect(automatic);
    return this.starting;
  }

  async setTarget(target: ClusterTarget): Promise<void> {
    await this.memento.update(TARGET_KEY, target);
    this.log.info(`Target: context ${target.context}, namespaces ${target.namespaces === 'all' ? 'all' : target.namespaces.join(', ')}`);
    await this.restart();
  }

  /** Every cached object of `kind` (compact: what the view and filters read). */
  objects(kind: ResourceKind): KubeObject[] {
    return this.connection?.caches[kind].snapshot() ?? [];
  }

  count(kind: ResourceKind): number {
    return this.connection?.caches[kind].size ?? 0;
  }

  /** The cached (compact) object of a key "namespace/name". */
  getByKey(kind: ResourceKind, key: string): KubeObject | undefined {
    return this.connection?.caches[kind].get(key);
  }

  get(kind: ResourceKind, namespace: string, name: string): KubeObject | undefined {
    return this.getByKey(kind, `${namespace}/${name}`);
  }

  /**
   * Visits every object of `kind` in every namespace outside the chosen ones, a page at a time
   * (nothing is kept); false when the namespaces chosen are all of them or not connected.
   */
  async visitOtherNamespaces(kind: ResourceKind, visit: (o: KubeObject) => void, signal: AbortSignal): Promise<boolean> {
    const c = this.connection;
    if (!c || c.target.namespaces === 'all') return false;
    const shown = new Set(c.target.namespaces);
    // The server leaves out the shown namespaces (the names are checked DNS labels); the check
    // below still holds if something between ignores the selector.
    const fieldSelector = c.target.namespaces.map((ns) => `metadata.namespace!=${ns}`).join(',');
    let cont: string | undefined;
    do {
      const page = await c.client.listPage(kind, undefined, { limit: OTHER_NAMESPACES_PAGE, continue: cont, fieldSelector, signal });
      for (const o of page.items) if (!shown.has(o.metadata.namespace ?? '')) visit(o);
      cont = page.continue;
    } while (cont && !signal.aborted);
    return !signal.aborted;
  }

  /** The whole object, read from the cluster now (the cache keeps only what the view needs). */
  async fetch(kind: ResourceKind, namespace: string, name: string, signal?: AbortSignal): Promise<KubeObject> {
    await this.start();
    const client = this.connection?.client;
    if (!client) {
      const why = this.error_ ? vscode.l10n.t(' ({0})', this.error_.message) : '';
      throw new Error(vscode.l10n.t('{0} {1}/{2}: not connected to a cluster{3}', kind, namespace, name, why));
    }
    return client.get(kind, namespace, name, { signal });
  }

  /** A patch runner on the live connection, or undefined when not connected. */
  async patchRunner(kind: ResourceKind): Promise<PatchRunner | undefined> {
    const client = this.connection?.client;
    if (!client) return undefined;
    const { PatchRunner } = await this.access();
    return new PatchRunner(client, kind);
  }

  /** The namespaces of `context`, listed without connecting the caches (for the picker). */
  async listNamespaces(context: string): Promise<{ ok: true; namespaces: string[] } | { ok: false; error: ClusterError }> {
    const { ClusterClient, kubeConfigFor, listNamespaces } = await this.access();
    const r = await this.configLoaded();
    if (!r.ok) return r;
    const kc = kubeConfigFor(r.config, context);
    if (!kc.ok) return kc;
    const client = new ClusterClient(kc.kc);
    try {
      return await listNamespaces(client);
    } finally {
      client.dispose();
    }
  }

  private setState(state: ViewState, error?: ClusterError): void {
    this.state_ = state;
    this.error_ = error;
    this.stateChanged.fire();
  }

  /** Shows the error and tries again later, as the user would by clicking Retry. */
  private fail(error: ClusterError): void {
    const delay = this.reconnectBackoff.next();
    this.log.error(`${error.message} (trying again in ${(delay / 1000).toFixed(1)} s)`);
    this.setState(viewStateForError(error), error);
    clearTimeout(this.reconnectTimer);
    const generation = this.generation;
    this.reconnectTimer = setTimeout(() => {
      if (generation === this.generation) void this.restart(true);
    }, delay);
  }

  /** Recomputes freshness from the caches' streams; tells listeners when it changed. */
  private noteFreshness(): void {
    const caches = this.connection ? Object.values(this.connection.caches) : [];
    let since: number | undefined;
    let reason = '';
    for (const c of caches) {
      const s = c.staleSince();
      if (s !== undefined && (since === undefined || s < since)) {
        since = s;
        reason = c.lastError()?.message ?? vscode.l10n.t('the watch stopped');
      }
    }
    const next: Freshness = since === undefined ? { live: true } : { live: false, since, reason };
    const prev = this.freshness_;
    if (prev.live === next.live && (prev.live || (!next.live && prev.since === next.since && prev.reason === next.reason))) return;
    this.freshness_ = next;
    if (next.live) this.log.info('The GameServer caches are live again');
    else this.log.warn(`Not live since ${new Date(next.since).toISOString()}: ${next.reason}`);
    this.stateChanged.fire();
  }

  private async connect(automatic = false): Promise<void> {
    const generation = ++this.generation;
    if (!automatic) this.setState('loading');
    const { ClusterClient, RemoteCache, WatchProcess, kubeConfigFor } = await this.access();
    const loaded = await this.loadConfig();
    const target = await this.resolveTarget();
    if (generation !== this.generation) return;
    if (!loaded.ok) return this.fail(loaded.error);
    if (!target) return this.fail({ code: 'kubeconfig', message: vscode.l10n.t('The kubeconfig has no context.') });
    const kc = kubeConfigFor(loaded.config, target.context);
    if (!kc.ok) return this.fail(kc.error);
    for (const w of kc.warnings) {
      if (this.warned.has(w)) continue;
      this.warned.add(w);
      this.log.warn(w);
    }
    const client = new ClusterClient(kc.kc);
    // The bundle's own folder holds the watch process's bundle.
    const watcher = new WatchProcess(join(__dirname, 'watch-host.js'), { l10nBundle: vscode.l10n.uri?.fsPath });
    const watched = { kubeconfig: this.kubeconfigSetting, context: target.context, namespaces: target.namespaces };
    const caches = {
      GameServer: new RemoteCache(watcher, 'GameServer', watched),
      GameServerSet: new RemoteCache(watcher, 'GameServerSet', watched),
    };
    const connection: Connection = { target, client, caches, watcher };
    this.connection = connection;
    this.log.info(
      `Connecting to context ${target.context} (${client.server ?? 'unknown server'}) from ${loaded.config.files.join(', ') || 'in-cluster config'}`,
    );
    for (const cache of Object.values(caches)) {
      cache.onChange((c) => this.changed.fire({ kind: cache.kind, ...c }));
      cache.onStatus((s) => {
        if (s.error) this.log.warn(`${cache.kind} watch ${s.namespace ?? 'all namespaces'}: ${s.state}: ${s.error.message}`);
        this.noteFreshness();
      });
    }
    try {
      await Promise.all(Object.values(caches).map((c) => c.start()));
    } catch (e) {
      if (this.connection !== connection) return;
      this.disconnect();
      const error = (e as { error?: ClusterError }).error ?? { code: 'unknown' as const, message: String(e) };
      return this.fail(error);
    }
    // A restart during the first list already disconnected this connection and disposed its caches.
    if (this.connection !== connection) return;
    this.log.info(`Loaded ${caches.GameServer.size} GameServers and ${caches.GameServerSet.size} GameServerSets`);
    this.reconnectBackoff.reset();
    this.noteFreshness();
    // The listing's objects already reached listeners in the caches' batches, as they arrived.
    this.setState('ready');
  }

  private fireReset(): void {
    for (const kind of ['GameServerSet', 'GameServer'] as const) this.changed.fire({ kind, added: [], modified: [], deleted: [], reset: true });
  }

  private disconnect(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    if (!this.connection) return;
    for (const c of Object.values(this.connection.caches)) c.dispose();
    this.connection.watcher.dispose();
    this.connection.client.dispose();
    this.connection = undefined;
    this.freshness_ = { live: true };
    this.fireReset();
  }

  dispose(): void {
    this.disconnect();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}
