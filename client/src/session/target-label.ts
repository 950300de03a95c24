// How the chosen context and namespaces read in the status bar, CodeLens and messages.
import * as l10n from '@vscode/l10n';
import type { ClusterTarget } from '../cluster/kubeconfig';

export function namespacesLabel(namespaces: ClusterTarget['namespaces']): string {
  if (namespaces === 'all') return l10n.t('all namespaces');
  if (namespaces.length <= 2) return namespaces.join(', ');
  return `${namespaces.slice(0, 2).join(', ')} +${namespaces.length - 2}`;
}

export function targetLabel(target: ClusterTarget): string {
  return `${target.context} · ${namespacesLabel(target.namespaces)}`;
}
