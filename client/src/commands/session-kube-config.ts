// The kubeconfig of the context the session shows, for requests outside the caches (pod logs,
// events). Built the way the session builds its own (credential plugins, token files included).
import type { KubeConfig } from '@kubernetes/client-node';
import * as vscode from 'vscode';
import type { ClusterSession } from '../session/cluster-session';

export type SessionKubeConfig = { ok: true; kc: KubeConfig; context: string } | { ok: false; message: string };

export async function sessionKubeConfig(session: ClusterSession): Promise<SessionKubeConfig> {
  const loaded = await session.loadConfig();
  if (!loaded.ok) return { ok: false, message: loaded.error.message };
  const target = await session.resolveTarget();
  if (!target) return { ok: false, message: vscode.l10n.t('The kubeconfig has no context.') };
  // The cluster layer is loaded on first use, as the session loads it.
  const { kubeConfigFor } = await import('../session/cluster-access');
  const kc = kubeConfigFor(loaded.config, target.context);
  return kc.ok ? { ok: true, kc: kc.kc, context: target.context } : { ok: false, message: kc.error.message };
}
