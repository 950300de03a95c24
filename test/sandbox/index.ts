// The sandbox's programmatic API: a Kubernetes API server for OKG GameServers and GameServerSets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { Auth } from './auth';
import { makeCerts } from './certs';
import { defaultSet } from './content';
import { OkgController } from './controller';
import { FaultInjector, type Faults } from './faults';
import { writeKubeconfig, kubeconfigText } from './kubeconfig';
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
  historyLimit?: number;
  faults?: Partial<Faults>;
  seed?: number;
  /** How often a watch that allows bookmarks gets one (a real apiserver: about a minute). */
  bookmarkIntervalMs?: number;
}

export interface Sandbox {
  url: string;
  kubeconfigPath: string;
  caPem: string;
  tokens: { admin: string; viewer: string };
  setFaults(f: Partial<Faults>): void;
  /** The fault settings in force. */
  faults(): Faults;
  /** Cuts every open watch now. */
  dropWatches(): void;
  /** Every older resourceVersion now gets 410 Gone. */
  expireHistory(): void;
  /** Deep copies of the state, for assertions. */
  objects(kind: Kind, namespace?: string): any[];
  /** Changes an object as a controller would (bumps resourceVersion, emits MODIFIED); its set reacts. */
  mutate(kind: Kind, namespace: string, name: string, fn: (obj: any) => void): void;
  /** The request log, for assertions: an abandoned request has status ABANDONED, a lost answer `lost: true`. */
  requests(): LoggedRequest[];
  close(): Promise<void>;
}

const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const seed = opts.seed ?? 1;
  const [certs, validator] = await Promise.all([makeCerts(), SchemaValidator.load(SCHEMAS_DIR, 60_000)]);
  const store = new Store(opts.historyLimit ?? 5000);
  const controller = new OkgController(store, makeRng(seed));
  const namespaceNames = opts.namespaces?.length ? opts.namespaces : ['default', 'game'];
  const namespaces = new Namespaces(namespaceNames, store.resourceVersion);
  const faults = new FaultInjector(makeRng(seed + 1));
  faults.set(opts.faults ?? {});
  const watches = new WatchHub(opts.bookmarkIntervalMs ?? 5000);

  const replicas = opts.replicas ?? 3;
  for (let i = 0; i < (opts.sets ?? 0); i++) {
    const set = store.create('GameServerSet', defaultSet(i, namespaceNames[i % namespaceNames.length]!, replicas));
    controller.reconcileSet(set.metadata.namespace, set.metadata.name);
  }

  const auth = new Auth();
  const api = new ApiServer({ store, controller, validator, namespaces, faults, watches }, auth, certs);
  await new Promise<void>((resolve, reject) => {
    api.server.once('error', reject);
    api.server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (api.server.address() as AddressInfo).port;
  const url = `https://127.0.0.1:${port}`;

  const ownDir = opts.kubeconfigPath ? undefined : mkdtempSync(join(tmpdir(), 'okg-sandbox-'));
  const kubeconfigPath = opts.kubeconfigPath ?? join(ownDir!, 'kubeconfig');
  writeKubeconfig(kubeconfigPath, kubeconfigText(url, certs.caPem, auth.tokens, namespaceNames[0]));

  let churnTimer: NodeJS.Timeout | undefined;
  if (opts.churn && opts.churn > 0) {
    const tickMs = Math.max(10, Math.round(1000 / opts.churn));
    let owed = 0;
    churnTimer = setInterval(() => {
      owed += (opts.churn! * tickMs) / 1000;
      for (; owed >= 1; owed--) controller.churnOnce();
    }, tickMs);
  }

  return {
    url,
    kubeconfigPath,
    caPem: certs.caPem,
    tokens: { ...auth.tokens },
    setFaults: (f) => faults.set(f),
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
    },
    requests: () => api.log.map((l) => ({ ...l })),
    async close() {
      if (churnTimer) clearInterval(churnTimer);
      watches.dropAll();
      await new Promise<void>((resolve) => {
        api.server.close(() => resolve());
        api.server.closeAllConnections();
      });
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
