// Open as YAML on a GameServer or set: a read-only document that follows the cluster.
import * as vscode from 'vscode';
import { objectUri } from '../preview/live-objects';
import type { TreeNode } from '../views/tree-index';

export function registerOpenYaml(): vscode.Disposable {
  return vscode.commands.registerCommand('okg.openYaml', async (node?: TreeNode) => {
    if (!node || node.kind === 'namespace') return;
    const uri = objectUri(node.kind === 'set' ? 'GameServerSet' : 'GameServer', node.namespace, node.name);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  });
}
