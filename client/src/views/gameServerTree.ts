// The GameServers view: renders the tree model of the session's snapshot, rebuilt on every batch
// of cache changes. Stable TreeItem ids keep what the user expanded across rebuilds.
import * as vscode from 'vscode';
import type { ClusterSession } from '../session/clusterSession';
import { targetLabel } from '../session/targetLabel';
import { viewStateForContent } from '../session/viewState';
import { gameServerItem } from './gameServerNode';
import { namespaceItem } from './namespaceNode';
import { setItem } from './setNode';
import { buildTreeModel, gameServersIn, type GameServerNode, type TreeFilter, type TreeModel, type TreeNode } from './treeModel';

export interface ActiveFilter extends TreeFilter {
  uri: vscode.Uri;
  /** What the view title says, e.g. the file name. */
  label: string;
  /** The filter selects every object. */
  isEmpty: boolean;
}

export class GameServerTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private model: TreeModel = { namespaces: [], matchCount: 0, totalCount: 0 };
  private parents = new Map<string, TreeNode>();
  private filter_: ActiveFilter | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: ClusterSession) {
    this.view = vscode.window.createTreeView('okg.gameServers', { treeDataProvider: this, showCollapseAll: true, canSelectMany: true });
    this.disposables.push(
      this.view,
      this.changed,
      session.onDidChange(() => this.rebuild()),
      session.onDidChangeState(() => this.rebuild()),
      // The view being shown is one of the two things allowed to touch the cluster.
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) void session.start();
      }),
    );
    if (this.view.visible) void session.start();
    this.rebuild();
  }

  get filter(): ActiveFilter | undefined {
    return this.filter_;
  }

  setFilter(filter: ActiveFilter | undefined): void {
    this.filter_ = filter;
    void vscode.commands.executeCommand('setContext', 'okg.filterActive', filter !== undefined);
    this.rebuild();
  }

  /** The GameServer nodes shown now, in display order. */
  visibleGameServers(): GameServerNode[] {
    return gameServersIn(this.model);
  }

  get matchCount(): number {
    return this.model.matchCount;
  }

  private rebuild(): void {
    const snap = this.session.snapshot();
    this.model = buildTreeModel(snap.gameServers, snap.gameServerSets, this.filter_);
    this.parents = new Map();
    for (const ns of this.model.namespaces) {
      for (const set of ns.children) {
        this.parents.set(set.id, ns);
        for (const gs of set.children) this.parents.set(gs.id, set);
      }
    }
    const state = this.session.state === 'ready' ? viewStateForContent(this.model.totalCount, this.model.matchCount, !!this.filter_) : this.session.state;
    void vscode.commands.executeCommand('setContext', 'okg.clusterState', state);
    const target = this.session.target();
    this.view.description = target ? targetLabel(target) : undefined;
    this.view.message = this.message();
    this.changed.fire();
  }

  private message(): string | undefined {
    const f = this.filter_;
    // A message would hide the welcome content that explains an error state; the exact error
    // is in the log and the status bar tooltip.
    if (!f || this.session.state !== 'ready') return undefined;
    const noun = f.kind === 'GameServerSet' ? 'GameServerSets' : 'GameServers';
    return `Filter ${f.label}: ${this.model.matchCount} of ${this.model.totalCount} ${noun} match${f.isEmpty ? ' (empty filter: every object)' : ''}`;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'namespace':
        return namespaceItem(node);
      case 'set':
        return setItem(node, this.filter_?.kind === 'GameServer');
      case 'gameServer':
        return gameServerItem(node);
    }
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.model.namespaces;
    return node.kind === 'gameServer' ? [] : node.children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node.id);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
