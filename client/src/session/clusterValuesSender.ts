// Sends the language server the cluster's namespaces, names and images for completion,
// debounced so a burst of watch events sends one notification.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLUSTER_VALUES_NOTIFICATION } from '../../../server/src/protocol';
import type { ClusterSession } from './clusterSession';
import { clusterValuesOf } from './clusterValues';

const DEBOUNCE_MS = 500;

export function sendClusterValues(session: ClusterSession, client: LanguageClient): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    timer = undefined;
    const snap = session.snapshot();
    if (client.isRunning()) void client.sendNotification(CLUSTER_VALUES_NOTIFICATION, clusterValuesOf(snap.gameServers, snap.gameServerSets));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(send, DEBOUNCE_MS);
  };
  const subs = [session.onDidChange(schedule), session.onDidChangeState(schedule)];
  return { dispose: () => (clearTimeout(timer), subs.forEach((s) => s.dispose())) };
}
