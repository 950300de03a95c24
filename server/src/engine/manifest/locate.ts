// Where the cursor is in a GameServer / GameServerSet document: the JSON path under it (hover), and the
// object or value being typed (completion). The structure always comes from the parser: for completion,
// the word being typed is replaced by a placeholder and the document parsed again.
import { isMap, type Document, type Node } from '#yaml';
import type { SchemaKind } from '../schemas';
import { chunkAt, documentAt, kindOf, parseYaml, type ManifestDoc } from './documents';
import type { Segment, Span } from './finding';
import { keyText, locatePath, pathAtOffset } from './nodes';

export interface ManifestLocation {
  kind: SchemaKind;
  path: Segment[];
  /** True when the offset is on a key; the path then ends at that key. */
  onKey: boolean;
  node: Node | undefined;
  /** The node's span in the whole text, when there is a node. */
  span: Span | undefined;
}

function okgDocumentAt(text: string, offset: number, maxChunk: number): ManifestDoc | undefined {
  const d = documentAt(text, offset, maxChunk);
  return d?.kind ? d : undefined;
}

/**
 * The GameServer / GameServerSet node at `offset`, or undefined outside such a document, in a document
 * longer than `maxChunk` characters, or in one nested too deep.
 */
export function locateManifest(text: string, offset: number, maxChunk = Infinity): ManifestLocation | undefined {
  const d = okgDocumentAt(text, offset, maxChunk);
  if (!d?.kind) return undefined;
  const at = pathAtOffset(d.doc, offset - d.base);
  const r = at.node?.range;
  return {
    kind: d.kind,
    path: at.path,
    onKey: at.onKey,
    node: at.node,
    span: r ? { start: d.base + r[0], end: d.base + r[1] } : undefined,
  };
}

export interface CompletionSite {
  kind: SchemaKind;
  /** `key`: the path of the object a key goes into. `value`: the path of the value being written. */
  at: 'key' | 'value';
  path: Segment[];
  /** Keys the object already has (key sites only). */
  present: string[];
  /** The text being completed, in whole-text offsets. */
  replace: Span;
  /** Columns from the line's indentation to the key (a `- ` before it), for multi-line snippets. */
  indentExtra: number;
}

/** Stands for what is being typed while the document is re-parsed; no one writes this key. */
const PLACEHOLDER = 'okg0completion0placeholder';

interface LineParts {
  /** Width of the `- ` item markers before the key. */
  dashes: number;
  /** Offset of the key, or of the value in a value site, within the chunk. */
  wordStart: number;
  keyEnd: number | undefined;
}

/** Splits the cursor's line into indentation, `- ` markers and the key (and value) being typed. */
function lineParts(text: string, lineStart: number, cursor: number): LineParts | undefined {
  let i = lineStart;
  while (i < cursor && text[i] === ' ') i++;
  const indentEnd = i;
  while (i < cursor && text[i] === '-' && (text[i + 1] === ' ' || i + 1 === cursor)) {
    i++;
    while (i < cursor && text[i] === ' ') i++;
  }
  const dashes = i - indentEnd;
  const colon = text.indexOf(':', i);
  if (text.slice(i, cursor).includes('#')) return undefined;
  if (colon < 0 || colon >= cursor) return { dashes, wordStart: i, keyEnd: undefined };
  let v = colon + 1;
  while (v < cursor && text[v] === ' ') v++;
  if (v === colon + 1 && v < cursor) return undefined;
  return { dashes, wordStart: v, keyEnd: colon };
}

function docHolding(docs: Document.Parsed[], offset: number): Document.Parsed | undefined {
  return docs.find((doc) => doc.range[0] <= offset && offset <= doc.range[2]) ?? docs.at(-1);
}

/**
 * What may be typed at `offset`: keys of an object, or a value, in a GameServer / GameServerSet
 * document of at most `maxChunk` characters that does not nest too deep.
 */
export function completionSiteAt(text: string, offset: number, maxChunk = Infinity): CompletionSite | undefined {
  // Only the cursor's document is parsed, and only with the placeholder in: its kind is read from that.
  const chunk = chunkAt(text, offset);
  if (chunk.text.length > maxChunk) return undefined;
  const rel = offset - chunk.start;
  const lineStart = chunk.text.lastIndexOf('\n', rel - 1) + 1;
  const nl = chunk.text.indexOf('\n', rel);
  const lineEnd = nl < 0 ? chunk.text.length : nl;
  const parts = lineParts(chunk.text, lineStart, rel);
  if (!parts) return undefined;
  const head = chunk.text.slice(lineStart, parts.keyEnd === undefined ? parts.wordStart : parts.keyEnd);
  const line = parts.keyEnd === undefined ? `${head}${PLACEHOLDER}:` : `${head}: ${PLACEHOLDER}`;
  const patched = chunk.text.slice(0, lineStart) + line + chunk.text.slice(lineEnd);
  const marker = lineStart + line.indexOf(PLACEHOLDER);
  const parsed = parseYaml(patched);
  if (parsed.tooDeepAt !== undefined) return undefined;
  const doc = docHolding(parsed.docs, marker);
  const kind = doc && kindOf(doc);
  if (!doc || !kind) return undefined;
  const at = pathAtOffset(doc, marker);
  const replace = { start: chunk.start + parts.wordStart, end: offset };
  if (parts.keyEnd !== undefined) {
    return { kind, at: 'value', path: at.path, present: [], replace, indentExtra: parts.dashes };
  }
  if (!at.onKey || at.path.at(-1) !== PLACEHOLDER) return undefined;
  const path = at.path.slice(0, -1);
  const holder = locatePath(doc, path)?.node ?? (path.length === 0 ? ((doc.contents as Node | null) ?? undefined) : undefined);
  const present = isMap(holder) ? holder.items.map((p) => keyText(p.key)).filter((k): k is string => k !== undefined && k !== PLACEHOLDER) : [];
  return { kind, at: 'key', path, present, replace, indentExtra: parts.dashes };
}
