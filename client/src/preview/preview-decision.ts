// The apply decision beside the preview instead of over it: while a preview awaits a decision,
// its diff editor's title offers Apply and Cancel and the status bar asks the question with the
// count and the context, so every diff stays readable and scrollable until the user decides.
// Closing the preview, a newer preview or another cluster connection ends the wait unapplied.
// The status bar rather than a notification: a notification cannot be taken back once the
// decision is made elsewhere, and would be left offering an Apply that no longer applies.
import * as vscode from 'vscode';
import { DecisionState, type DecisionEnd } from './decision-state';
import { isPreviewTab } from './preview-title';

export type { DecisionEnd };

export interface DecisionRequest {
  /** The preview's title: its tab's label starts with it. */
  title: string;
  /** The question, naming the count and the context: "Apply to N GameServers in <context>?". */
  question: string;
  /** What is applied and what the guard promises, shown with the question. */
  detail: string;
}

/** Context keys the editor-title buttons show by (package.json menus). */
const PENDING_KEY = 'okg.previewPending';
const IN_FRONT_KEY = 'okg.previewInFront';

const APPLY_COMMAND = 'okg.preview.apply';
const CANCEL_COMMAND = 'okg.preview.cancel';

/** Just right of the context item (priority 50), which names the same cluster. */
const STATUS_PRIORITY = 49;

function statusItems(): { apply: vscode.StatusBarItem; cancel: vscode.StatusBarItem } {
  const apply = vscode.window.createStatusBarItem('okg.previewApply', vscode.StatusBarAlignment.Left, STATUS_PRIORITY);
  apply.name = vscode.l10n.t('OKG: Apply Previewed Changes');
  apply.command = APPLY_COMMAND;
  apply.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  const cancel = vscode.window.createStatusBarItem('okg.previewCancel', vscode.StatusBarAlignment.Left, STATUS_PRIORITY - 1);
  cancel.name = vscode.l10n.t('OKG: Cancel Previewed Changes');
  cancel.command = CANCEL_COMMAND;
  cancel.text = `$(circle-slash) ${vscode.l10n.t('Cancel')}`;
  cancel.tooltip = vscode.l10n.t('Cancel: nothing is written');
  return { apply, cancel };
}

export class PreviewDecision implements vscode.Disposable {
  private readonly state = new DecisionState<DecisionRequest>((r) => this.show(r));
  private readonly items = statusItems();
  /** Whether the pending preview's tab has been open: only then does its closing cancel. */
  private tabSeen = false;
  private keys = { pending: false, inFront: false };
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      this.items.apply,
      this.items.cancel,
      vscode.commands.registerCommand(APPLY_COMMAND, () => this.answer('apply')),
      vscode.commands.registerCommand(CANCEL_COMMAND, () => this.answer('cancel')),
      vscode.window.tabGroups.onDidChangeTabs(() => this.tabsChanged()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.tabsChanged()),
    ];
  }

  /** The request awaiting a decision now, if any. */
  get pending(): DecisionRequest | undefined {
    return this.state.current;
  }

  /**
   * Waits, without blocking the window, until the user applies or cancels the preview titled
   * `request.title` (already open), or the wait ends another way. Only 'apply' may write.
   */
  ask(request: DecisionRequest): Promise<DecisionEnd> {
    const { ended } = this.state.begin(request);
    this.tabSeen = false;
    this.tabsChanged();
    return ended;
  }

  /** Ends the pending wait, if any, for a reason outside the preview (a newer one, another cluster). */
  abandon(how: Exclude<DecisionEnd, 'apply'>): void {
    this.state.end(how);
  }

  private answer(how: 'apply' | 'cancel'): void {
    if (!this.state.end(how)) void vscode.window.showInformationMessage(vscode.l10n.t('No preview awaits a decision.'));
  }

  private show(request: DecisionRequest | undefined): void {
    if (!request) {
      this.items.apply.hide();
      this.items.cancel.hide();
      this.setKeys(false, false);
      return;
    }
    this.items.apply.text = `$(check) ${request.question.replace(/[?？]$/, '')}`;
    this.items.apply.tooltip = `${request.question} ${request.detail}`;
    this.items.apply.show();
    this.items.cancel.show();
  }

  private tabsChanged(): void {
    const request = this.state.current;
    if (!request) return;
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => isPreviewTab(t.label, request.title));
    if (tabs.length === 0) {
      if (this.tabSeen) this.state.end('closed');
      else this.setKeys(true, false);
      return;
    }
    if (!this.tabSeen) {
      this.tabSeen = true;
      // A preview-mode tab is replaced by the next file opened, which would end the wait unasked.
      if (tabs.some((t) => t.isPreview && t.isActive)) void vscode.commands.executeCommand('workbench.action.keepEditor');
    }
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    this.setKeys(true, active !== undefined && isPreviewTab(active.label, request.title));
  }

  /** Context keys are messages to the window: sent only when they change. */
  private setKeys(pending: boolean, inFront: boolean): void {
    if (pending !== this.keys.pending) void vscode.commands.executeCommand('setContext', PENDING_KEY, pending);
    if (inFront !== this.keys.inFront) void vscode.commands.executeCommand('setContext', IN_FRONT_KEY, inFront);
    this.keys = { pending, inFront };
  }

  dispose(): void {
    this.state.end('cancel');
    for (const d of this.disposables) d.dispose();
  }
}
