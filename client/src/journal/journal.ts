// The journal in memory: the entries the store read, each apply recorded as it ends, and a
// change event for the History view. No vscode import, so the tests drive it as it is.
import { randomUUID } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import type { JsonPatchOp } from '../cluster/api';
import type { ApplyResult } from '../cluster/patch-runner';
import type { KubeObject, ResourceKind } from '../cluster/resources';
import { recordedChanges } from './changes';
import type { JournalEntry, RecordedObject } from './entry';
import { maskOp } from './sensitive';
import type { JournalStore, StoreLog } from './store';

/** What previewAndApply knows once an apply has ended. */
export interface ApplyRecord {
  kind: ResourceKind;
  what: string;
  context: string;
  filter?: string;
  ops: readonly JsonPatchOp[];
  results: readonly ApplyResult[];
}

/** Objects diffed between two yields to the event loop: a 10,000-object apply must not freeze the window. */
const BATCH = 200;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

function objectRecord(r: ApplyResult): RecordedObject {
  const md = r.before.metadata;
  const rec: RecordedObject = {
    namespace: md.namespace ?? '',
    name: md.name,
    outcome: r.outcome,
  };
  const uid = text(md.uid);
  if (uid) rec.uid = uid;
  if (md.resourceVersion) rec.resourceVersionBefore = md.resourceVersion;
  const after: KubeObject | undefined = r.after;
  if (after?.metadata.resourceVersion) rec.resourceVersionAfter = after.metadata.resourceVersion;
  if (r.error) rec.error = r.error.message;
  if (r.outcome === 'changed' && after) rec.changes = recordedChanges(r.before, after);
  return rec;
}

export async function entryOf(r: ApplyRecord, id: string, time: Date): Promise<JournalEntry> {
  const objects: RecordedObject[] = [];
  for (let i = 0; i < r.results.length; i++) {
    if (i > 0 && i % BATCH === 0) await yieldToLoop();
    objects.push(objectRecord(r.results[i]));
  }
  const entry: JournalEntry = {
    v: 1,
    id,
    time: time.toISOString(),
    what: r.what,
    kind: r.kind,
    context: r.context,
    namespaces: [...new Set(objects.map((o) => o.namespace))].sort(),
    patch: r.ops.map(maskOp),
    objects,
  };
  if (r.filter !== undefined) entry.filter = r.filter;
  return entry;
}

export class Journal {
  private readonly listeners = new Set<() => void>();
  /** An apply that ends while the file is read waits for it, so the read cannot drop the new entry. */
  private loaded: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: JournalStore,
    private readonly log: StoreLog,
  ) {}

  load(): Promise<void> {
    this.loaded = this.store.load().then(() => this.fire());
    return this.loaded;
  }

  /** Newest first. */
  entries(): JournalEntry[] {
    return this.store.entries.reverse();
  }

  get(id: string): JournalEntry | undefined {
    return this.store.entries.find((e) => e.id === id);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Records an apply that ended; never throws (an apply is over whatever the journal does). */
  async record(r: ApplyRecord): Promise<JournalEntry | undefined> {
    if (r.results.length === 0) return undefined;
    try {
      await this.loaded;
      const entry = await entryOf(r, randomUUID(), new Date());
      const written = this.store.append(entry);
      this.fire();
      await written;
      return entry;
    } catch (e) {
      this.log.warn(l10n.t('The apply ({0}) could not be recorded in the journal: {1}', r.what, e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  }

  private fire(): void {
    for (const l of this.listeners) l();
  }
}
