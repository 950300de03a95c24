// The journal on disk: one JSON Lines file, one entry a line, appended with one write per entry.
// A line that does not parse (a write torn by a crash, a hand edit) is skipped with a warning and
// the others are kept. When the file outgrows its limits the oldest entries are dropped, down to
// three quarters of them, so a full journal is rewritten once in a while, not at every apply.
// No vscode import: the tests run it as it is.
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as l10n from '@vscode/l10n';
import { isJournalEntry, type JournalEntry } from './entry';

export interface StoreLimits {
  maxEntries: number;
  maxBytes: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  maxEntries: 200,
  maxBytes: 20 * 1024 * 1024,
};

export interface StoreLog {
  warn(message: string): void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class JournalStore {
  /** Oldest first, with the bytes each takes in the file; `settled` once written, or dropped by a compaction. */
  private kept: { entry: JournalEntry; bytes: number; settled: boolean }[] = [];
  private fileBytes = 0;
  /** False when the file ends in a torn line: the next entry must start on a line of its own. */
  private endsWithNewline = true;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly log: StoreLog,
    private readonly limits: StoreLimits = DEFAULT_LIMITS,
  ) {}

  /** Oldest first. */
  get entries(): JournalEntry[] {
    return this.kept.map((k) => k.entry);
  }

  /** Reads the file; never throws: a missing file is an empty journal, an unreadable one is logged. */
  async load(): Promise<JournalEntry[]> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn(l10n.t('The journal {0} could not be read: {1}', this.file, errorText(e)));
    }
    this.kept = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        this.log.warn(l10n.t('The journal {0}, line {1}: skipped, not JSON ({2})', this.file, i + 1, errorText(e)));
        return;
      }
      if (isJournalEntry(value))
        this.kept.push({
          entry: value,
          bytes: Buffer.byteLength(line) + 1,
          settled: true,
        });
      else this.log.warn(l10n.t('The journal {0}, line {1}: skipped, not a journal entry', this.file, i + 1));
    });
    this.fileBytes = Buffer.byteLength(text);
    this.endsWithNewline = text === '' || text.endsWith('\n');
    return this.entries;
  }

  /** Adds the entry in memory at once and on disk in order; a failed write is logged, never thrown. */
  append(entry: JournalEntry): Promise<void> {
    const line = JSON.stringify(entry) + '\n';
    const bytes = Buffer.byteLength(line);
    const item = { entry, bytes, settled: false };
    this.kept.push(item);
    const write = async () => {
      // A compaction since it was queued has written it, or dropped it.
      if (item.settled) return;
      await mkdir(dirname(this.file), { recursive: true });
      if (this.kept.length > this.limits.maxEntries || this.fileBytes + bytes > this.limits.maxBytes) return this.compact();
      const text = this.endsWithNewline ? line : '\n' + line;
      await appendFile(this.file, text, 'utf8');
      this.fileBytes += Buffer.byteLength(text);
      this.endsWithNewline = true;
      item.settled = true;
    };
    this.queue = this.queue.then(write).catch((e: unknown) => this.log.warn(l10n.t('The journal {0} could not be written: {1}', this.file, errorText(e))));
    return this.queue;
  }

  /** The newest entries within three quarters of the limits (the newest is always kept), written whole. */
  private async compact(): Promise<void> {
    const [maxEntries, maxBytes] = [Math.floor(this.limits.maxEntries * 0.75), Math.floor(this.limits.maxBytes * 0.75)];
    let bytes = 0;
    let from = this.kept.length;
    while (from > 0 && this.kept.length - from < maxEntries && (from === this.kept.length || bytes + this.kept[from - 1].bytes <= maxBytes)) {
      bytes += this.kept[--from].bytes;
    }
    for (const k of this.kept) k.settled = true;
    this.kept = this.kept.slice(from);
    // Written beside it and renamed over it: a crash leaves the old file or the new one, never half.
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, this.kept.map((k) => JSON.stringify(k.entry) + '\n').join(''), 'utf8');
    await rename(tmp, this.file);
    this.fileBytes = bytes;
    this.endsWithNewline = true;
  }
}
