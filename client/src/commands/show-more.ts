// The "Show more" row of a large set: lists the next page of its GameServers.
import * as vscode from 'vscode';
import type { MoreNode } from '../views/refresh-schedule';
import type { Deps } from './deps';

export function registerShowMore(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.showMore', (node?: MoreNode) => {
    if (node?.kind === 'more') deps.tree.showMore(node);
  });
}
