// Set opsState... on one or more GameServers, through the same preview and apply path.
import * as vscode from 'vscode';
import { OPS_STATES, isValidLabelValue } from '../../../server/src/engine';
import type { KubeObject } from '../cluster/resources';
import type { ViewNode } from '../views/game-server-tree';
import { gameServerId } from '../views/tree-index';
import type { ApplySummary } from './apply-summary';
import type { Deps } from './deps';
import { previewAndApply, type Confirm } from './preview-and-apply';
import { requireTrust } from './trust';

export interface SetOpsStateOptions {
  opsState?: string;
  confirm?: Confirm;
}

async function chooseOpsState(): Promise<string | undefined> {
  const other = vscode.l10n.t('Other value...');
  const picked = await vscode.window.showQuickPick([...OPS_STATES, other], { placeHolder: vscode.l10n.t('New opsState') });
  if (picked !== other) return picked;
  // OKG copies opsState into a pod label, so anything else must be a valid label value.
  return vscode.window.showInputBox({
    prompt: vscode.l10n.t("Custom opsState (sorts like None in OKG's update and deletion order)"),
    validateInput: (v) => (v !== '' && isValidLabelValue(v) ? undefined : vscode.l10n.t('Must be a valid label value: up to 63 letters, digits, - _ .')),
  });
}

async function run(deps: Deps, node?: ViewNode, selected?: ViewNode[], options: SetOpsStateOptions = {}): Promise<ApplySummary | undefined> {
  if (!requireTrust(vscode.l10n.t('Set opsState'))) return undefined;
  const nodes = (selected?.length ? selected : node ? [node] : []).filter((n) => n.kind === 'gameServer');
  if (nodes.length === 0) return undefined;
  const opsState = options.opsState ?? (await chooseOpsState());
  if (!opsState) return undefined;
  const keys = new Set(nodes.map((n) => n.id));
  const objects = nodes.map((n) => deps.session.get('GameServer', n.namespace, n.name)).filter((o): o is KubeObject => o !== undefined);
  const names = nodes.length === 1 ? nodes[0].name : vscode.l10n.t('{0} GameServers', nodes.length);
  return previewAndApply(deps, {
    kind: 'GameServer',
    objects,
    ops: [{ op: 'replace', path: '/spec/opsState', value: opsState }],
    what: vscode.l10n.t('opsState {0} on {1}', opsState, names),
    filterIsEmpty: false,
    stillMatches: (o) => keys.has(gameServerId(o.metadata.namespace ?? '', o.metadata.name)),
    confirm: options.confirm ?? true,
  });
}

export function registerSetOpsState(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.setOpsState', (node?: ViewNode, selected?: ViewNode[], options?: SetOpsStateOptions) =>
    run(deps, node, selected, options),
  );
}
