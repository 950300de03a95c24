// Select Context and Namespaces: a context from the kubeconfig, then namespaces from the cluster,
// or typed where the user may not list them. The choice is ours; the kubeconfig is not touched.
import * as vscode from 'vscode';
import type { ClusterTarget } from '../cluster/kubeconfig';
import type { Deps } from './deps';

const ALL = '$(globe) All namespaces';

async function pickContext(deps: Deps, current: ClusterTarget | undefined): Promise<string | undefined> {
  const loaded = await deps.session.loadConfig();
  if (!loaded.ok) {
    void vscode.window.showErrorMessage(loaded.error.message, 'Open Settings').then(
      (c) => c && vscode.commands.executeCommand('workbench.action.openSettings', 'okg.kubeconfig'),
    );
    return undefined;
  }
  const items = (await deps.session.contexts()).map((name) => ({
    label: name,
    description: name === current?.context ? 'current choice' : name === loaded.config.currentContext ? 'kubeconfig current-context' : undefined,
  }));
  return (await vscode.window.showQuickPick(items, { placeHolder: 'Kubernetes context (the kubeconfig is not changed)' }))?.label;
}

function typeNamespaces(reason: string, current: string[]): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Namespaces',
    prompt: `${reason} Type one or more namespaces, separated by commas.`,
    value: current.join(', '),
    validateInput: (v) => (v.split(',').some((s) => s.trim() !== '') ? undefined : 'At least one namespace'),
  });
}

async function pickNamespaces(deps: Deps, context: string, current: string[] | 'all'): Promise<string[] | 'all' | undefined> {
  const listed = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Listing namespaces of ${context}` }, () =>
    deps.session.listNamespaces(context),
  );
  if (!listed.ok) {
    deps.log.warn(`Listing namespaces: ${listed.error.message}`);
    const reason = listed.error.code === 'forbidden' ? 'You may not list namespaces in this cluster.' : `Namespaces could not be listed (${listed.error.message}).`;
    const typed = await typeNamespaces(reason, current === 'all' ? [] : current);
    return typed?.split(',').map((s) => s.trim()).filter(Boolean);
  }
  const chosen = new Set(current === 'all' ? [] : current);
  const items: vscode.QuickPickItem[] = [
    { label: ALL, picked: current === 'all' },
    ...listed.namespaces.map((ns) => ({ label: ns, picked: chosen.has(ns) })),
  ];
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: `Namespaces of ${context}` });
  if (!picked || picked.length === 0) return undefined;
  return picked.some((p) => p.label === ALL) ? 'all' : picked.map((p) => p.label);
}

export function registerSelectContext(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.selectContext', async () => {
    const current = deps.session.target() ?? (await deps.session.resolveTarget());
    const context = await pickContext(deps, current);
    if (!context) return;
    const namespaces = await pickNamespaces(deps, context, context === current?.context ? current.namespaces : []);
    if (!namespaces) return;
    await deps.session.setTarget({ context, namespaces });
  });
}
