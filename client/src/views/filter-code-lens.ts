// CodeLens on .kgfilter files: "Run on GameServers in <context> · <namespaces>" and the live
// match count once the view has connected (a lens never connects to the cluster by itself).
// The running filter's lens shows the view's own counts, so the two always agree; another
// filter's matches are kept per change for as long as its document is open and unchanged.
import * as vscode from 'vscode';
import type { ClusterSession } from '../session/cluster-session';
import { LiveMatches } from '../session/live-matches';
import { targetLabel } from '../session/target-label';
import { compileDocument, type LoadedFilter } from '../commands/load-filter';
import { kindPlural } from '../commands/resource-kind';
import type { GameServerTree } from './game-server-tree';

const REFRESH_MS = 1_000;

interface Tracked {
  version: number;
  filter: LoadedFilter;
  live: LiveMatches | undefined;
}

export class FilterCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private timer: NodeJS.Timeout | undefined;
  private readonly tracked = new Map<string, Tracked>();
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly session: ClusterSession,
    private readonly tree: GameServerTree,
  ) {
    const soon = () => {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.changed.fire();
      }, REFRESH_MS);
    };
    this.subs = [
      session.onDidChange((c) => {
        for (const t of this.tracked.values()) {
          if (t.filter.kind !== c.kind) continue;
          if (c.reset) t.live = undefined;
          else t.live?.apply(c, (key) => session.getByKey(c.kind, key));
        }
        soon();
      }),
      session.onDidChangeState(soon),
      tree.onDidShowCounts(() => this.changed.fire()),
      vscode.workspace.onDidCloseTextDocument((d) => this.tracked.delete(d.uri.toString())),
    ];
  }

  private track(doc: vscode.TextDocument): Tracked {
    const key = doc.uri.toString();
    let t = this.tracked.get(key);
    if (!t || t.version !== doc.version) {
      t = { version: doc.version, filter: compileDocument(doc), live: undefined };
      this.tracked.set(key, t);
    }
    return t;
  }

  /** "m of t match", from the view when this document is the filter it runs, unedited. */
  private countTitle(doc: vscode.TextDocument, t: Tracked): string | undefined {
    if (!t.filter.compiled.ok || this.session.state !== 'ready') return undefined;
    const noun = kindPlural(t.filter.kind, 2);
    const empty = t.filter.isEmpty ? vscode.l10n.t(' (empty filter: every object)') : '';
    const running = this.tree.filter;
    if (running && running.uri.toString() === doc.uri.toString() && !doc.isDirty) {
      const c = this.tree.counts;
      const outside = c.outside ? vscode.l10n.t(' · {0} more in other namespaces', c.outside) : '';
      return `${vscode.l10n.t('{0} of {1} {2} match', c.matches, c.total, noun)}${empty}${outside}`;
    }
    const compiled = t.filter.compiled;
    t.live ??= new LiveMatches(compiled.matches, this.session.objects(t.filter.kind));
    return `${vscode.l10n.t('{0} of {1} {2} match', t.live.count, this.session.count(t.filter.kind), noun)}${empty}`;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const top = new vscode.Range(0, 0, 0, 0);
    const t = this.track(doc);
    const noun = kindPlural(t.filter.kind, 2);
    const target = this.session.target();
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(play) ${vscode.l10n.t('Run on {0} in {1}', noun, target ? targetLabel(target) : vscode.l10n.t('the current context'))}`,
        command: 'okg.runFilter',
        arguments: [{ filterUri: doc.uri }],
      }),
    ];
    if (!t.filter.compiled.ok) {
      lenses.push(new vscode.CodeLens(top, { title: vscode.l10n.t('Filter has errors: it would not run'), command: 'workbench.actions.view.problems' }));
      return lenses;
    }
    const count = this.countTitle(doc, t);
    if (count) lenses.push(new vscode.CodeLens(top, { title: count, command: '' }));
    return lenses;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subs.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}
