// The sandbox's programmatic API: a Kubernetes API server for OKG GameServers and GameServerSets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Auth } from './auth';
import { makeCerts } from './certs';
import { defaultSet, OWNER_LABEL } from './content';
import { OkgController } from './controller';
import { EventRecorder } from './events';
import { FaultInjector, type Faults } from './faults';
import { writeKubeconfig, kubeconfigText } from './kubeconfig';
import { LogFollowers } from './logs-api';
import { Namespaces } from './namespaces';
import { makeRng } from './rng';
import { ApiServer, type LoggedRequest } from './server';
import { Store, type Kind } from './store';
import { SchemaValidator } from './validation';
import { WatchHub } from './watch';

export type { AnsweredVerb, Faults, InjectedError, Verb } from './faults';
export type { LoggedRequest } from './server';
export { ABANDONED } from './server';
export { startSandboxControl, type SandboxControl } from './control';
export { checkFaults, faultsFromFlags } from './fault-settings';

export interface SandboxOptions {
  port?: number;
  sets?: number;
  replicas?: number;
  namespaces?: string[];
  /** Random status changes per second. */
  churn?: number;
  kubeconfigPath?: string;
  /** Events kept for watches that resume from a resourceVersion; by default about a minute's worth at the churn rate (at least 5000). */
  historyLimit?: number;
  faults?: Partial<Faults>;
  seed?: number;
  /** How often a watch that allows bookmarks gets one (a real apiserver: about a minute). */
  bookmarkIntervalMs?: number;
  /** How long a pod created after the start takes to run: its GameServer is `Creating` until then (default 0: `Ready` at once). */
  startupMs?: number;
  /** How long the in-place update of one GameServer to a new template takes; it is `Updating` meanwhile (default 500). */
  inPlaceUpdateMs?: number;
  /** How long a changed opsState takes to reach the pod, where scale-down and Kill read it (default 0: at once). */
  opsStateSyncMs?: number;
}

export interface Sandbox {
  url: string;
  kubeconfigPath: string;
  caPem: string;
  tokens: { admin: string; viewer: string };
  /**
   * Changes the named fault settings. Turning `blackhole` on silences every open watch for good;
   * turning it off cuts the requests it held (their clients see a reset and may retry).
   */
  setFaults(f: Partial<Faults>): void;
  /** The fault settings in force. */
  faults(): Faults;
  /** Cuts every open watch now. */
  dropWatches(): void;
  /** Every older resourceVersion now gets 410 Gone. */
  expireHistory(): void;
  /** Deep copies of the state, for assertions. */
  objects(kind: Kind, namespace?: string): any[];
  /** Changes an object as a controller would (bumps resourceVersion, emits MODIFIED); its set reacts. Returns a copy of the object as stored. */
  mutate(kind: Kind, namespace: string, name: string, fn: (obj: any) => void): any;
  /** The request log, for assertions: an abandoned request has status ABANDONED, a lost answer `lost: true`. */
  requests(): LoggedRequest[];
  /** How many requests the black hole (faults.blackhole) holds unanswered now. */
  held(): number;
  /** How many watch connections are open now. */
  openWatches(): number;
  /**
   * As if the API process were killed: stops listening and cuts every connection (clients get
   * ECONNREFUSED). The state lives on, and churn goes on changing it.
   */
  suspend(): Promise<void>;
  /** Listens again on the same port, with the state as it is now. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const seed = opts.seed ?? 1;
  const [certs, validator] = await Promise.all([makeCerts(), SchemaValidator.load(SCHEMAS_DIR, 60_000)]);
  // A churned change is about two events (the GameServer and its set's status).
  const store = new Store(opts.historyLimit ?? Math.max(5000, Math.ceil((opts.churn ?? 0) * 120)), OWNER_LABEL);
  const controller = new OkgController(store, makeRng(seed), opts.inPlaceUpdateMs);
  const namespaceNames = opts.namespaces?.length ? opts.namespaces : ['default', 'game'];
  const namespaces = new Namespaces(namespaceNames, store.resourceVersion);
  const faults = new FaultInjector(makeRng(seed + 1));
  faults.set(opts.faults ?? {});
  const watches = new WatchHub(opts.bookmarkIntervalMs ?? 5000);
  const events = new EventRecorder(store);
  const logFollowers = new LogFollowers(store);

  const replicas = opts.replicas ?? 3;
  for (let i = 0; i < (opts.sets ?? 0); i++) {
    const set = store.create('GameServerSet', defaultSet(i, namespaceNames[i % namespaceNames.length]!, replicas));
    controller.reconcileSet(set.metadata.namespace, set.metadata.name);
  }
  // The first GameServers are a running fleet; only pods created from now on take time to start.
  controller.startupMs = opts.startupMs ?? 0;
  controller.opsStateSyncMs = opts.opsStateSyncMs ?? 0;
  events.recording = true;

  const auth = new Auth();
  const api = new ApiServer({ store, controller, validator, namespaces, faults, watches, events, logFollowers }, auth, certs);
  const port = await api.listen(opts.port ?? 0);
  const url = `https://127.0.0.1:${port}`;

  const ownDir = opts.kubeconfigPath ? undefined : mkdtempSync(join(tmpdir(), 'okg-sandbox-'));
  const kubeconfigPath = opts.kubeconfigPath ?? join(ownDir!, 'kubeconfig');
  writeKubeconfig(kubeconfigPath, kubeconfigText(url, certs.caPem, auth.tokens, namespaceNames[0]));

  const stopChurn = opts.churn && opts.churn > 0 ? startChurn(opts.churn, () => controller.churnOnce()) : undefined;

  return {
    url,
    kubeconfigPath,
    caPem: certs.caPem,
    tokens: { ...auth.tokens },
    setFaults(f) {
      faults.set(f);
      if (faults.blackhole) watches.silenceAll();
      else api.releaseHeld();
    },
    faults: () => faults.settings,
    dropWatches: () => watches.dropAll(),
    expireHistory: () => store.expireHistory(),
    objects: (kind, namespace) => structuredClone(store.view(kind, namespace)),
    mutate(kind, namespace, name, fn) {
      const obj = store.get(kind, namespace, name);
      if (!obj) throw new Error(`sandbox.mutate: no ${kind} ${namespace}/${name}`);
      fn(obj);
      const stored = store.update(kind, obj);
      if (kind === 'GameServer') controller.afterGameServerChange(stored);
      else controller.reconcileSet(namespace, name);
      return store.get(kind, namespace, name);
    },
    requests: () => api.log.map((l) => ({ ...l })),
    held: () => api.heldCount,
    openWatches: () => watches.count,
    suspend: () => api.stop(),
    async resume() {
      if (!api.server.listening) await api.listen(port);
    },
    async close() {
      stopChurn?.();
      controller.stop();
      watches.dropAll();
      await api.stop();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls `change` `perSecond` times a second. Each tick does what is owed by the clock, not by the
 * tick count, so late timers (a busy event loop) do not lower the rate; a backlog over a second is
 * forgiven rather than burst out.
 */
function startChurn(perSecond: number, change: () => void): () => void {
  const tickMs = Math.max(5, Math.min(100, Math.round(1000 / perSecond)));
  let last = performance.now();
  let owed = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    owed = Math.min(owed + ((now - last) * perSecond) / 1000, Math.max(1, perSecond));
    last = now;
    for (; owed >= 1; owed--) change();
  }, tickMs);
  return () => clearInterval(timer);
}
