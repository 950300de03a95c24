// What the GameServers view marks while a scale preview awaits its decision: the servers the scale
// deletes (with why) and the names it creates. One scale at a time: showing another replaces the
// marks, and ending a replaced one leaves the newer marks alone. Rows consult it with one Map
// lookup each; the listener hears which rows to redraw. No vscode import.
import type { DeletionReason } from './deletion-reasons';

/** The ids the tree uses for its rows (see tree-index.ts). */
export const gameServerRowId = (namespace: string, name: string): string => `gs/${namespace}/${name}`;
export const setRowId = (namespace: string, name: string): string => `gss/${namespace}/${name}`;

export interface MarkedScale {
  namespace: string;
  set: string;
  /** The replicas the set is scaled to. */
  replicas: number;
  /** By GameServer name. */
  deletions: ReadonlyMap<string, DeletionReason>;
  /** Names, ascending ordinal. */
  creations: readonly string[];
}

/** The rows whose marks appeared or went, by row id. */
export interface MarksChange {
  gameServers: string[];
  sets: string[];
}

export class ScaleMarks {
  private current: MarkedScale | undefined;
  private deleting = new Map<string, DeletionReason>();
  private listener: ((change: MarksChange) => void) | undefined;

  /** One listener (the tree); called after every change of the marks. */
  onDidChange(listener: (change: MarksChange) => void): void {
    this.listener = listener;
  }

  /** Marks `scale`'s rows, replacing any marks shown; the function returned removes them (once, and only if still shown). */
  show(scale: MarkedScale): () => void {
    const before = this.rows();
    this.current = scale;
    this.deleting = new Map([...scale.deletions].map(([name, reason]) => [gameServerRowId(scale.namespace, name), reason]));
    this.fire(before, this.rows());
    return () => {
      if (this.current !== scale) return;
      const shown = this.rows();
      this.current = undefined;
      this.deleting = new Map();
      this.fire(shown, { gameServers: [], sets: [] });
    };
  }

  /** Why the GameServer of this row id will be deleted, or undefined when it is not marked. */
  deletionOf(rowId: string): DeletionReason | undefined {
    return this.deleting.get(rowId);
  }

  /** The scale marked on this set row, if any. */
  scaleOf(setRowIdValue: string): MarkedScale | undefined {
    const c = this.current;
    return c && setRowId(c.namespace, c.set) === setRowIdValue ? c : undefined;
  }

  /** The names to be created under this set row (empty when it is not marked). */
  creationsOf(setRowIdValue: string): readonly string[] {
    return this.scaleOf(setRowIdValue)?.creations ?? [];
  }

  private rows(): MarksChange {
    const c = this.current;
    return c ? { gameServers: [...this.deleting.keys()], sets: [setRowId(c.namespace, c.set)] } : { gameServers: [], sets: [] };
  }

  private fire(a: MarksChange, b: MarksChange): void {
    const gameServers = [...new Set([...a.gameServers, ...b.gameServers])];
    const sets = [...new Set([...a.sets, ...b.sets])];
    if (gameServers.length || sets.length) this.listener?.({ gameServers, sets });
  }
}
