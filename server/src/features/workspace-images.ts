// "container,image" pairs of the GameServerSets in the workspace's YAML, the fallback for
// .kgfilter `images` completion when no cluster values have arrived. The workspace scan runs beside
// the requests it must not delay: it reads a bounded number of bytes, parses for a bounded time, one
// document at a time with the event loop served in between, and stops when it is cancelled.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OKG_API_VERSION, parseYaml, splitDocuments } from '../engine/internal';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface ScanLimits {
  maxFiles: number;
  /** Folder levels below a workspace folder. */
  maxDepth: number;
  /** A larger file is skipped. */
  maxFileBytes: number;
  /** Bytes read over the whole scan. */
  maxTotalBytes: number;
  /** CPU milliseconds spent parsing over the whole scan. */
  maxParseMs: number;
  /** A larger document is skipped: a GameServerSet is a few KB, and one parse must not hold up a request. */
  maxDocumentChars: number;
}

/** About 2 s of one core at most, in steps of a few milliseconds for documents of the usual size. */
export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxFiles: 2000,
  maxDepth: 8,
  maxFileBytes: 1_000_000,
  maxTotalBytes: 16_000_000,
  maxParseMs: 2000,
  maxDocumentChars: 64_000,
};

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The documents of a YAML text that may be GameServerSets and are small enough to parse in one step. */
function candidates(text: string, maxDocumentChars: number): string[] {
  if (!text.includes(OKG_API_VERSION)) return [];
  return splitDocuments(text)
    .map((c) => c.text)
    .filter((t) => t.length <= maxDocumentChars && t.includes(OKG_API_VERSION) && t.includes('GameServerSet'));
}

/** The images of the GameServerSets in one document's text; bad YAML gives none. */
function documentImages(text: string): string[] {
  const out: string[] = [];
  try {
    for (const doc of parseYaml(text).docs) {
      if (doc.errors.length > 0) continue;
      const obj = record(doc.toJS({ maxAliasCount: 100 }));
      if (obj?.apiVersion !== OKG_API_VERSION || obj.kind !== 'GameServerSet') continue;
      const containers = record(record(record(record(obj.spec)?.gameServerTemplate)?.spec))?.containers;
      if (!Array.isArray(containers)) continue;
      for (const c of containers) {
        const name = record(c)?.name;
        const image = record(c)?.image;
        if (typeof name === 'string' && typeof image === 'string') out.push(`${name},${image}`);
      }
    }
  } catch {
    // Alias bombs and other YAML the parser refuses contribute no images.
  }
  return out;
}

/**
 * The GameServerSet container images in a YAML text (all documents), read as the scan reads a file:
 * none from a text over its size, none from a document over its size. An open or saved document is
 * read here, at once.
 */
export function imagesFromYaml(text: string, limits: ScanLimits = DEFAULT_SCAN_LIMITS): string[] {
  if (text.length > limits.maxFileBytes) return [];
  return candidates(text, limits.maxDocumentChars).flatMap(documentImages);
}

export type ScanStop = 'cancelled' | 'files' | 'bytes' | 'time';

export interface ScanResult {
  /** Images per file path, for the files that hold any. */
  images: Map<string, string[]>;
  /** YAML files read, and their bytes. */
  files: number;
  bytes: number;
  /** Why the scan stopped before reading every YAML file, if it did. */
  stoppedBy?: ScanStop;
}

export interface ScanOptions {
  limits?: ScanLimits;
  signal?: AbortSignal;
}

/** Lets pending I/O, and so the requests waiting on it, run before the scan goes on. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Reads the *.yaml / *.yml files under the folders, breadth first, within the limits. */
export async function scanFolders(folders: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
  const signal = options.signal;
  const images = new Map<string, string[]>();
  let files = limits.maxFiles;
  let bytes = limits.maxTotalBytes;
  let parseMs = limits.maxParseMs;
  const queue: { dir: string; depth: number }[] = folders.map((dir) => ({ dir, depth: 0 }));
  const read = (): ScanResult => ({ images, files: limits.maxFiles - files, bytes: limits.maxTotalBytes - bytes });
  const stop = (stoppedBy: ScanStop): ScanResult => ({ ...read(), stoppedBy });
  while (queue.length > 0) {
    if (signal?.aborted) return stop('cancelled');
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < limits.maxDepth && !SKIP_DIRS.has(e.name)) queue.push({ dir: path, depth: depth + 1 });
        continue;
      }
      if (!e.isFile() || !/\.ya?ml$/i.test(e.name)) continue;
      if (files <= 0) return stop('files');
      let text: string;
      try {
        const size = (await stat(path)).size;
        if (size > limits.maxFileBytes) continue;
        if (size > bytes) return stop('bytes');
        text = await readFile(path, 'utf8');
        files--;
        bytes -= size;
      } catch {
        // An unreadable file holds no images we can offer.
        continue;
      }
      for (const doc of candidates(text, limits.maxDocumentChars)) {
        await turn();
        if (signal?.aborted) return stop('cancelled');
        if (parseMs <= 0) return stop('time');
        // CPU time, not wall time: on a busy machine the parse waits for a core, and that costs nothing.
        const started = process.cpuUsage();
        const found = documentImages(doc);
        const used = process.cpuUsage(started);
        parseMs -= (used.user + used.system) / 1000;
        if (found.length > 0) images.set(path, [...(images.get(path) ?? []), ...found]);
      }
    }
  }
  return read();
}
