// The status bar item: current context and namespaces; clicking picks others. It shows only while an OKG
// document is the active editor or the GameServers view is visible, so other work keeps its status bar.
import * as vscode from 'vscode';
import type { ClusterSession } from './cluster-session';
import { freshnessLabel } from './freshness';
import { isOkgDocument, mayHaveBecomeOkg } from './okg-editor';
import { targetLabel } from './target-label';

export interface StatusBar extends vscode.Disposable {
  /** Whether the item is shown now. */
  readonly shown: boolean;
}

export function createStatusBar(session: ClusterSession, view: vscode.TreeView<unknown>): StatusBar {
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
  };
  let shown = false;
  let okgEditor = false;
  const showOrHide = () => {
    shown = okgEditor || view.visible;
    if (shown) item.show();
    else item.hide();
  };
  const editorChanged = (editor: vscode.TextEditor | undefined) => {
    okgEditor = editor !== undefined && isOkgDocument(editor.document);
    showOrHide();
  };
  update();
  editorChanged(vscode.window.activeTextEditor);
  // Reads the kubeconfig file only; the cluster is not contacted.
  void session.resolveTarget().then(() => {
    resolved = true;
    update();
  });
  const subscriptions = vscode.Disposable.from(
    item,
    session.onDidChangeState(update),
    view.onDidChangeVisibility(showOrHide),
    vscode.window.onDidChangeActiveTextEditor(editorChanged),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!okgEditor && e.document === vscode.window.activeTextEditor?.document && mayHaveBecomeOkg(e)) editorChanged(vscode.window.activeTextEditor);
    }),
  );
  return {
    get shown() {
      return shown;
    },
    dispose: () => subscriptions.dispose(),
  };
}
