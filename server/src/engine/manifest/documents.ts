// Parses a YAML stream one document at a time (cached by the document's text) and picks out the
// GameServer and GameServerSet documents; every other document is left alone, and one that does not
// even mention the OKG group is not parsed at all.
import { parseAllDocuments, type Document } from 'yaml';
import type { SchemaKind } from '../schemas';
import { splitDocuments, type Chunk } from './split';

/** As kubectl reads YAML: `<<` merge keys are expanded. */
export const PARSE_OPTIONS = { prettyErrors: false, merge: true } as const;

export const OKG_API_VERSION = 'game.kruise.io/v1alpha1';
const KINDS: readonly SchemaKind[] = ['GameServerSet', 'GameServer'];

/** Bounds alias expansion: a "billion laughs" document stops here instead of filling memory. */
export const MAX_ALIAS_COUNT = 1000;

export interface ManifestDoc {
  doc: Document.Parsed;
  /** The text of the chunk the document was parsed from; node ranges are offsets in it. */
  text: string;
  /** Offset of `text` in the whole file. */
  base: number;
  kind: SchemaKind | undefined;
}

interface CachedChunk {
  docs: Document.Parsed[];
  /** Per-document memo for the checks (see check.ts), so an unchanged document costs nothing. */
  memo: Map<Document.Parsed, unknown>;
}

/** Bounds the cache by text size: every document of a file up to 1 MB stays parsed, not every document ever seen. */
const CACHE_CHARS = 1_000_000;
const cache = new Map<string, CachedChunk>();
let cachedChars = 0;

function parseChunk(text: string): CachedChunk {
  const hit = cache.get(text);
  if (hit) {
    // Most recently used last, so eviction takes the documents no open file still has.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  const chunk: CachedChunk = { docs: Array.isArray(docs) ? docs : [], memo: new Map() };
  cache.set(text, chunk);
  cachedChars += text.length;
  for (const oldest of cache.keys()) {
    if (cachedChars <= CACHE_CHARS || oldest === text) break;
    cache.delete(oldest);
    cachedChars -= oldest.length;
  }
  return chunk;
}

/** Only text that names the OKG group can hold an OKG object. */
export function mayHoldOkg(text: string): boolean {
  return text.includes(OKG_API_VERSION);
}

export function kindOf(doc: Document.Parsed): SchemaKind | undefined {
  const apiVersion = doc.get('apiVersion');
  const kind = doc.get('kind');
  if (apiVersion !== OKG_API_VERSION || typeof kind !== 'string') return undefined;
  return KINDS.find((k) => k === kind);
}

export function parseManifest(text: string): ManifestDoc[] {
  const out: ManifestDoc[] = [];
  for (const chunk of splitDocuments(text)) {
    if (!mayHoldOkg(chunk.text)) continue;
    for (const doc of parseChunk(chunk.text).docs) {
      out.push({ doc, text: chunk.text, base: chunk.start, kind: kindOf(doc) });
    }
  }
  return out;
}

/** A memo slot tied to one parsed document; it lives as long as the document stays cached. */
export function memoFor<T>(d: ManifestDoc, compute: () => T): T {
  const chunk = cache.get(d.text);
  if (!chunk) return compute();
  if (!chunk.memo.has(d.doc)) chunk.memo.set(d.doc, compute());
  return chunk.memo.get(d.doc) as T;
}

/** The chunk of the text that holds `offset`: the last one starting at or before it. */
export function chunkAt(text: string, offset: number): Chunk {
  const chunks = splitDocuments(text);
  let found = chunks[0];
  for (const c of chunks) {
    if (c.start > offset) break;
    found = c;
  }
  return found;
}

/** The document holding `offset` (an offset in the whole file); only its chunk is parsed. */
export function documentAt(text: string, offset: number): ManifestDoc | undefined {
  const chunk = chunkAt(text, offset);
  if (!mayHoldOkg(chunk.text)) return undefined;
  let found: ManifestDoc | undefined;
  for (const doc of parseChunk(chunk.text).docs) {
    if (chunk.start + doc.range[0] > offset && found) break;
    found = { doc, text: chunk.text, base: chunk.start, kind: kindOf(doc) };
  }
  return found;
}
