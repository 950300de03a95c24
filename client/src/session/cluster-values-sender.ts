// Sends the language server the cluster's namespaces, names and images for completion: kept per
// change, sent only when a value appeared or went away, at most once every two seconds.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLUSTER_VALUES_NOTIFICATION } from '../../../server/src/protocol';
import type { ClusterSession } from './cluster-session';
import { ClusterValueIndex } from './cluster-values';

const SEND_EVERY_MS = 2_000;

export function sendClusterValues(session: ClusterSession, client: LanguageClient): vscode.Disposable {
  const index = new ClusterValueIndex();
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    timer = undefined;
    if (!index.changed) return;
    if (client.isRunning()) void client.sendNotification(CLUSTER_VALUES_NOTIFICATION, index.values());
    else timer = setTimeout(send, SEND_EVERY_MS);
  };
  const sub = session.onDidChange((c) => {
    if (c.reset) index.reset(c.kind, session.objects(c.kind));
    else index.apply(c.kind, c, (key) => session.getByKey(c.kind, key));
    if (index.changed) timer ??= setTimeout(send, SEND_EVERY_MS);
  });
  return { dispose: () => (clearTimeout(timer), sub.dispose()) };
}
