// The one decision a preview awaits, and every way it can end, kept apart from VS Code so that
// the title buttons, the status bar and the tab watcher cannot disagree: the first to end it wins.

/** How a pending decision ended; only `apply` lets anything be written. */
export type DecisionEnd = 'apply' | 'cancel' | 'closed' | 'replaced' | 'connectionChanged';

interface Pending<T> {
  request: T;
  resolve(end: DecisionEnd): void;
}

export class DecisionState<T> {
  private pending: Pending<T> | undefined;

  /** `changed` hears the request now pending, or undefined once none is. */
  constructor(private readonly changed: (request: T | undefined) => void) {}

  get current(): T | undefined {
    return this.pending?.request;
  }

  /** Starts a decision, ending any pending one as `replaced`: one preview is decided at a time. */
  begin(request: T): { ended: Promise<DecisionEnd> } {
    this.end('replaced');
    const ended = new Promise<DecisionEnd>((resolve) => {
      this.pending = { request, resolve };
    });
    this.changed(request);
    return { ended };
  }

  /** Ends the pending decision; false when none was pending. */
  end(how: DecisionEnd): boolean {
    const p = this.pending;
    if (!p) return false;
    this.pending = undefined;
    p.resolve(how);
    this.changed(undefined);
    return true;
  }
}
