// The extension's live link to one cluster: the kubeconfig, the chosen context and namespaces
// (kept in VS Code's memento, never written to the kubeconfig), and the GameServer and
// GameServerSet caches. Nothing connects until start() is called (view shown or command run),
// and the cluster layer itself is loaded on first use (see clusterAccess.ts).
import * as vscode from 'vscode';
import type { ClusterClient } from '../cluster/api';
import type { ResourceCache } from '../cluster/cache';
import type { ClusterError } from '../cluster/errors';
import type { ClusterTarget, LoadedKubeConfig } from '../cluster/kubeconfig';
import type { PatchRunner } from '../cluster/patch-runner';
import type { KubeObject, ResourceKind } from '../cluster/resources';
import { viewStateForError, type ViewState } from './viewState';

type ClusterAccess = typeof import('./clusterAccess');
type Loaded = { ok: true; config: LoadedKubeConfig } | { ok: false; error: ClusterError };

const TARGET_KEY = 'okg.target';

export interface Snapshot {
  gameServers: KubeObject[];
  gameServerSets: KubeObject[];
}

interface Connection {
  target: ClusterTarget;
  client: ClusterClient;
  caches: Record<ResourceKind, ResourceCache>;
}

export class ClusterSession implements vscode.Disposable {
  private access_: Promise<ClusterAccess> | undefined;
  private config: LoadedKubeConfig | undefined;
  private chosen: ClusterTarget | undefined;
  private connection: Connection | undefined;
  private starting: Promise<void> | undefined;
  /** Bumped by every connect, so a connect overtaken by a newer one gives up and cleans up. */
  private generation = 0;
  private state_: ViewState = 'idle';
  private error_: ClusterError | undefined;
  private changeTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly stateChanged = new vscode.EventEmitter<void>();
  /** The snapshot changed (batched by the caches, then coalesced across both kinds). */
  readonly onDidChange = this.changed.event;
  /** The state, error or target changed. */
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

  private access(): Promise<ClusterAccess> {
    this.access_ ??= import('./clusterAccess');
    return this.access_;
  }

  /** Reads the kubeconfig again (local files only) and returns it or why it cannot be used. */
  async loadConfig(): Promise<Loaded> {
    const { loadKubeConfig } = await this.access();
    const explicit = vscode.workspace.getConfiguration('okg').get<string>('kubeconfig')?.trim();
    const r = loadKubeConfig({ kubeconfig: explicit || undefined });
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
        const configured = vscode.workspace.getConfiguration('okg').get<string[]>('namespaces') ?? [];
        const fallback = configured.length ? configured : [contextNamespace(r.config, context)];
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

  /** Drops the caches and connects again (new settings, new kubeconfig, or a retry). */
  restart(): Promise<void> {
    this.disconnect();
    this.config = undefined;
    this.starting = this.connect();
    return this.starting;
  }

  async setTarget(target: ClusterTarget): Promise<void> {
    await this.memento.update(TARGET_KEY, target);
    this.log.info(`Target: context ${target.context}, namespaces ${target.namespaces === 'all' ? 'all' : target.namespaces.join(', ')}`);
    await this.restart();
  }

  snapshot(): Snapshot {
    const c = this.connection;
    return { gameServers: c?.caches.GameServer.snapshot() ?? [], gameServerSets: c?.caches.GameServerSet.snapshot() ?? [] };
  }

  get(kind: ResourceKind, namespace: string, name: string): KubeObject | undefined {
    return this.connection?.caches[kind].get(`${namespace}/${name}`);
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

  private fail(error: ClusterError): void {
    this.log.error(error.message);
    this.setState(viewStateForError(error), error);
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.setState('loading');
    const { ClusterClient, ResourceCache, kubeConfigFor } = await this.access();
    const loaded = await this.loadConfig();
    const target = await this.resolveTarget();
    if (generation !== this.generation) return;
    if (!loaded.ok) return this.fail(loaded.error);
    if (!target) return this.fail({ code: 'kubeconfig', message: 'The kubeconfig has no context.' });
    const kc = kubeConfigFor(loaded.config, target.context);
    if (!kc.ok) return this.fail(kc.error);
    const client = new ClusterClient(kc.kc);
    const caches = {
      GameServer: new ResourceCache(client, 'GameServer', target.namespaces),
      GameServerSet: new ResourceCache(client, 'GameServerSet', target.namespaces),
    };
    const connection: Connection = { target, client, caches };
    this.connection = connection;
    this.log.info(`Connecting to context ${target.context} (${client.server ?? 'unknown server'}) from ${loaded.config.files.join(', ') || 'in-cluster config'}`);
    for (const cache of Object.values(caches)) {
      cache.onChange(() => this.noteChange());
      cache.onStatus((s) => {
        if (s.error) this.log.warn(`${cache.kind} watch ${s.namespace ?? 'all namespaces'}: ${s.state}: ${s.error.message}`);
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
    this.setState('ready');
    this.changed.fire();
  }

  /** Coalesces the two caches' batches into one change event. */
  private noteChange(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, 50);
  }

  private disconnect(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    if (!this.connection) return;
    for (const c of Object.values(this.connection.caches)) c.dispose();
    this.connection.client.dispose();
    this.connection = undefined;
  }

  dispose(): void {
    this.disconnect();
    this.changed.dispose();
    this.stateChanged.dispose();
  }
}
