// The status bar item: current context and namespaces; clicking picks others.
import * as vscode from 'vscode';
import type { ClusterSession } from './clusterSession';
import { freshnessLabel } from './freshness';
import { targetLabel } from './targetLabel';

export function createStatusBar(session: ClusterSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('okg.context', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('OKG Context');
  item.command = 'okg.selectContext';
  let resolved = false;
  const update = () => {
    const target = session.target();
    const problem = session.error?.message ?? freshnessLabel(session.freshness);
    const stale = !session.freshness.live;
    const label = target ? targetLabel(target) : resolved ? vscode.l10n.t('OKG: no kubeconfig') : 'OKG';
    item.text = `$(${stale ? 'warning' : 'server-environment'}) ${label}${stale ? vscode.l10n.t(' · stale') : ''}`;
    item.tooltip = problem
      ? `OKG: ${problem}\n${vscode.l10n.t('Click to choose a context and namespaces.')}`
      : vscode.l10n.t('OKG: click to choose a context and namespaces');
    item.backgroundColor = problem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  update();
  // Reads the kubeconfig file only; the cluster is not contacted.
  void session.resolveTarget().then(() => {
    resolved = true;
    update();
  });
  return vscode.Disposable.from(item, session.onDidChangeState(update));
}
