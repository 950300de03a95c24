// "container,image" pairs of the GameServerSets in the workspace's YAML, the fallback for
// .kgfilter `images` completion when no cluster values have arrived.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseYaml } from '../engine/manifest/documents';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface ScanLimits {
  maxFiles: number;
  maxDepth: number;
  maxFileBytes: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { maxFiles: 2000, maxDepth: 8, maxFileBytes: 1_000_000 };

function record(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * The GameServerSet container images in a YAML text (all documents); bad YAML gives none, and so does
 * a text longer than the scan reads, which would block the server for seconds (an open or saved
 * document is read here too).
 */
export function imagesFromYaml(text: string, maxChars = DEFAULT_SCAN_LIMITS.maxFileBytes): string[] {
  if (text.length > maxChars || !text.includes('game.kruise.io/v1alpha1')) return [];
  const out: string[] = [];
  try {
    for (const doc of parseYaml(text)) {
      if (doc.errors.length > 0) continue;
      const obj = record(doc.toJS({ maxAliasCount: 100 }));
      if (obj?.apiVersion !== 'game.kruise.io/v1alpha1' || obj.kind !== 'GameServerSet') continue;
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

/** Reads every *.yaml / *.yml under the folders, within the limits, and returns images per file path. */
export async function scanFolders(folders: readonly string[], limits: ScanLimits = DEFAULT_SCAN_LIMITS): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  let budget = limits.maxFiles;
  const queue: { dir: string; depth: number }[] = folders.map((dir) => ({ dir, depth: 0 }));
  while (queue.length > 0 && budget > 0) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (budget <= 0) break;
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < limits.maxDepth && !SKIP_DIRS.has(e.name)) queue.push({ dir: path, depth: depth + 1 });
      } else if (e.isFile() && /\.ya?ml$/i.test(e.name)) {
        budget--;
        try {
          if ((await stat(path)).size > limits.maxFileBytes) continue;
          const images = imagesFromYaml(await readFile(path, 'utf8'), limits.maxFileBytes);
          if (images.length > 0) found.set(path, images);
        } catch {
          // An unreadable file holds no images we can offer.
        }
      }
    }
  }
  return found;
}
