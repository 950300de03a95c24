// CodeLens on .kgfilter files: "Run on GameServers in <context> · <namespaces>" and the live
// match count once the view has connected (a lens never connects to the cluster by itself).
import * as vscode from 'vscode';
import type { ClusterSession } from '../session/clusterSession';
import { targetLabel } from '../session/targetLabel';
import { compileDocument } from '../commands/loadFilter';
import { kindPlural } from '../commands/resourceKind';

const REFRESH_MS = 500;

export class FilterCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly session: ClusterSession) {
    const soon = () => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.changed.fire();
      }, REFRESH_MS);
    };
    this.subs = [session.onDidChange(soon), session.onDidChangeState(soon)];
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const filter = compileDocument(doc);
    const noun = kindPlural(filter.kind, 2);
    const target = this.session.target();
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(play) Run on ${noun} in ${target ? targetLabel(target) : 'the current context'}`,
        command: 'okg.runFilter',
        arguments: [{ filterUri: doc.uri }],
      }),
    ];
    if (!filter.compiled.ok) {
      lenses.push(new vscode.CodeLens(top, { title: 'Filter has errors: it would not run', command: 'workbench.actions.view.problems' }));
    } else if (this.session.state === 'ready') {
      const snap = this.session.snapshot();
      const pool = filter.kind === 'GameServerSet' ? snap.gameServerSets : snap.gameServers;
      let n = 0;
      for (const o of pool) if (filter.compiled.matches(o)) n++;
      lenses.push(new vscode.CodeLens(top, { title: `${n} of ${pool.length} ${noun} match${filter.isEmpty ? ' (empty filter: every object)' : ''}`, command: '' }));
    }
    return lenses;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subs.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
