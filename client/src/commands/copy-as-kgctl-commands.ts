// Copy as kgctl Commands on a History entry: the lines that make the same change again.
import * as vscode from 'vscode';
import { kgctlLines } from '../journal/kgctl-lines';
import type { HistoryNode } from '../views/history-tree';
import type { Deps } from './deps';

export function registerCopyAsKgctlCommands(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.history.copyAsKgctl', async (arg?: HistoryNode | string) => {
    const entry = typeof arg === 'string' ? deps.journal.get(arg) : arg?.entry;
    if (!entry) return undefined;
    const text = kgctlLines(entry).join('\n') + '\n';
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the kgctl commands for {0}.', entry.what));
    return text;
  });
}
