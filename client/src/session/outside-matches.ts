// kruise-game-api matches cluster-wide, the view only the namespaces chosen: while a filter runs
// on some namespaces, count its matches in the others (a paged list, nothing kept), again every
// minute, so the view can say "· N more in other namespaces".
import type * as vscode from 'vscode';
import type { GameServerTree } from '../views/game-server-tree';
import type { ClusterSession } from './cluster-session';

const RECOUNT_MS = 60_000;

export function watchOutsideMatches(session: ClusterSession, tree: GameServerTree, log: vscode.LogOutputChannel): vscode.Disposable {
  let run: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  const count = async () => {
    run?.abort();
    clearTimeout(timer);
    const filter = tree.filter;
    if (!filter || session.state !== 'ready') return tree.setOutsideMatches(undefined);
    const mine = new AbortController();
    run = mine;
    let n = 0;
    try {
      const counted = await session.visitOtherNamespaces(filter.kind, (o) => void (filter.matches(o) && n++), mine.signal);
      if (run === mine) tree.setOutsideMatches(counted ? n : undefined);
    } catch (e) {
      // Many users may not list cluster-wide: then the view simply says nothing about other namespaces.
      if (run === mine) tree.setOutsideMatches(undefined);
      if (!mine.signal.aborted) log.info(`Matches in other namespaces not counted: ${(e as Error).message}`);
    }
    if (run === mine) timer = setTimeout(() => void count(), RECOUNT_MS);
  };
  let wasReady = session.state === 'ready';
  const subs = [
    tree.onDidChangeFilter(() => void count()),
    // A (re)connect may have changed the namespaces chosen.
    session.onDidChangeState(() => {
      const ready = session.state === 'ready';
      if (ready !== wasReady) void count();
      wasReady = ready;
    }),
  ];
  return {
    dispose() {
      run?.abort();
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
    },
  };
}
