// Select Context and Namespaces: a context from the kubeconfig, then namespaces from the cluster,
// or typed where the user may not list them. The choice is ours; the kubeconfig is not touched.
import * as vscode from 'vscode';
import type { ClusterTarget } from '../cluster/kubeconfig';
import { namespacesProblem } from '../cluster/names';
import type { Deps } from './deps';

/** The pick that stands for every namespace; a function, so it is in the window's language. */
const allNamespaces = (): string => `$(globe) ${vscode.l10n.t('All namespaces')}`;

async function pickContext(deps: Deps, current: ClusterTarget | undefined): Promise<string | undefined> {
  const loaded = await deps.session.loadConfig();
  if (!loaded.ok) {
    void vscode.window
      .showErrorMessage(loaded.error.message, vscode.l10n.t('Open Settings'))
      .then((c) => c && vscode.commands.executeCommand('workbench.action.openSettings', 'okg.kubeconfig'));
    return undefined;
  }
  const items = (await deps.session.contexts()).map((name) => ({
    label: name,
    description:
      name === current?.context
        ? vscode.l10n.t('current choice')
        : name === loaded.config.currentContext
          ? vscode.l10n.t('kubeconfig current-context')
          : undefined,
  }));
  // ignoreFocusOut, here and for the namespaces: the walkthrough's page, which runs this command,
  // takes the focus when it re-renders (a step ticked on connecting) and would close the pick.
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Kubernetes context (the kubeconfig is not changed)'), ignoreFocusOut: true }))
    ?.label;
}

function typeNamespaces(reason: string, current: string[]): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Namespaces'),
    prompt: vscode.l10n.t('{0} Type one or more namespaces, separated by commas.', reason),
    value: current.join(', '),
    validateInput: (v) => {
      const names = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      // Checked here too, so a mistyped value is fixed in place; the cluster layer refuses it anyway.
      return names.length === 0 ? vscode.l10n.t('At least one namespace') : namespacesProblem(names);
    },
  });
}

async function pickNamespaces(deps: Deps, context: string, current: string[] | 'all'): Promise<string[] | 'all' | undefined> {
  const listed = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing namespaces of {0}', context) },
    () => deps.session.listNamespaces(context),
  );
  if (!listed.ok) {
    deps.log.warn(`Listing namespaces: ${listed.error.message}`);
    const reason =
      listed.error.code === 'forbidden'
        ? vscode.l10n.t('You may not list namespaces in this cluster.')
        : vscode.l10n.t('Namespaces could not be listed ({0}).', listed.error.message);
    const typed = await typeNamespaces(reason, current === 'all' ? [] : current);
    return typed
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  const chosen = new Set(current === 'all' ? [] : current);
  // A chosen namespace the cluster did not list (typed earlier, or since deleted) stays offered, so
  // the picker opens on the choice in force rather than silently dropping part of it.
  const names = [...listed.namespaces, ...[...chosen].filter((ns) => !listed.namespaces.includes(ns)).sort()];
  const all = allNamespaces();
  const items: vscode.QuickPickItem[] = [{ label: all }, ...names.map((ns) => ({ label: ns }))];
  const selected = current === 'all' ? [items[0]!] : items.filter((i) => chosen.has(i.label));
  const picked = await pickMany(items, selected, vscode.l10n.t('Namespaces of {0}', context));
  if (!picked || picked.length === 0) return undefined;
  return picked.some((p) => p.label === all) ? 'all' : picked.map((p) => p.label);
}

/**
 * A many-item pick that opens with `selected` checked. showQuickPick's `picked` flag is not
 * reliably applied when the list renders (the picker could open at "0 Selected" with a choice in
 * force); a QuickPick with `selectedItems` set before it is shown is. Resolves to the accepted
 * items, or undefined when dismissed.
 */
function pickMany(items: vscode.QuickPickItem[], selected: vscode.QuickPickItem[], placeholder: string): Promise<readonly vscode.QuickPickItem[] | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.canSelectMany = true;
  qp.placeholder = placeholder;
  qp.ignoreFocusOut = true;
  qp.items = items;
  qp.selectedItems = selected;
  return new Promise((resolve) => {
    let result: readonly vscode.QuickPickItem[] | undefined;
    const subscriptions = [
      qp.onDidAccept(() => {
        result = qp.selectedItems;
        qp.hide();
      }),
      qp.onDidHide(() => {
        for (const s of subscriptions) s.dispose();
        qp.dispose();
        resolve(result);
      }),
    ];
    qp.show();
  });
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
