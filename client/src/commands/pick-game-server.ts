// The GameServer a diagnosis command is about: the tree row it was run on, an explicit
// `{ namespace, name }` (tests, other extensions), or one picked from the cache.
import * as vscode from 'vscode';
import type { PodRef } from '../cluster/pod-logs';
import type { ClusterSession } from '../session/cluster-session';

function isRef(v: unknown): v is PodRef {
  const r = v as Partial<PodRef> | undefined;
  return typeof r?.namespace === 'string' && typeof r.name === 'string';
}

export async function pickGameServer(session: ClusterSession, arg: unknown, title: string): Promise<PodRef | undefined> {
  const node = arg as { kind?: unknown } | undefined;
  if (isRef(arg) && (node?.kind === undefined || node.kind === 'gameServer')) return { namespace: arg.namespace, name: arg.name };
  await session.start();
  const items = session
    .objects('GameServer')
    .map((o) => ({ label: o.metadata.name, description: o.metadata.namespace ?? '', ref: { namespace: o.metadata.namespace ?? '', name: o.metadata.name } }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: there are no GameServers in the namespaces shown.', title));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('GameServer'), matchOnDescription: true });
  return picked?.ref;
}
