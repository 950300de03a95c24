// The watch process (bundled to dist/watch-host.js): lists and watches GameServers and
// GameServerSets for the extension host and sends it compact copies of what changed. Parsing a
// fleet's watch traffic (hundreds of whole objects a second, each a few KB of JSON) here keeps
// that garbage, and the memory V8 holds for it, out of the extension host, which every other
// extension shares. It lives as long as its parent: when the IPC channel closes, it exits.
import * as l10n from '@vscode/l10n';
import { ClusterClient, ClusterFailure, asClusterError } from './api';
import { ResourceCache } from './cache';
import { kubeConfigFor, loadKubeConfig } from './kubeconfig';
import { keyOf } from './resources';
import { PartEncoder } from './shared-parts';
import { L10N_BUNDLE_ENV } from './watch-process';
import type { FromWatchHost, ToWatchHost } from './watch-protocol';

// Errors are worded here and shown by the extension: in the window's language when it sent its bundle.
try {
  const bundle = process.env[L10N_BUNDLE_ENV];
  if (bundle) l10n.config({ fsPath: bundle });
} catch {
  // An unreadable bundle leaves the messages in English rather than stopping the watch.
}

const caches = new Map<number, ResourceCache>();

function send(m: FromWatchHost): void {
  process.send?.(m);
}

async function start(m: Extract<ToWatchHost, { type: 'start' }>): Promise<void> {
  const loaded = loadKubeConfig({ kubeconfig: m.target.kubeconfig });
  if (!loaded.ok) return send({ type: 'start-failed', id: m.id, error: loaded.error });
  const kc = kubeConfigFor(loaded.config, m.target.context);
  if (!kc.ok) return send({ type: 'start-failed', id: m.id, error: kc.error });
  const cache = new ResourceCache(new ClusterClient(kc.kc), m.kind, m.target.namespaces);
  caches.set(m.id, cache);
  const parts = new PartEncoder(m.kind);
  cache.onChange((c) => {
    const objects = (keys: string[]) =>
      keys.flatMap((k) => {
        const o = cache.get(k);
        return o ? [parts.encode(k, o)] : [];
      });
    const added = objects(c.added);
    const modified = objects(c.modified);
    for (const k of c.deleted) parts.forget(k);
    send({ type: 'batch', id: m.id, added, modified, deleted: c.deleted, parts: parts.take() });
  });
  cache.onStatus((status) => send({ type: 'status', id: m.id, status, staleSince: cache.staleSince(), lastError: cache.lastError() }));
  try {
    await cache.start();
  } catch (e) {
    caches.delete(m.id);
    return send({ type: 'start-failed', id: m.id, error: e instanceof ClusterFailure ? e.error : asClusterError(e) });
  }
  // The listed objects go before the word that the list is complete.
  cache.flush();
  send({ type: 'started', id: m.id, keys: m.keys ? cache.snapshot().map(keyOf) : undefined });
}

process.on('message', (m: ToWatchHost) => {
  if (m.type === 'start') void start(m);
  else {
    caches.get(m.id)?.dispose();
    caches.delete(m.id);
  }
});
process.on('disconnect', () => process.exit(0));
