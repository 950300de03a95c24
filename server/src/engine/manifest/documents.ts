// Parses a YAML stream one document at a time and picks out the GameServer and GameServerSet
// documents; every other document is left alone, and one that does not even mention the OKG group is
// not parsed at all.
import { Composer, Lexer, Parser, type CST, type Document } from '#yaml';
import type { SchemaKind } from '../schemas';
import { reportDuplicateKeys } from './duplicate-keys';
import { splitDocuments, type Chunk } from './split';
import { TextCache } from './text-cache';

/** As kubectl reads YAML: `<<` merge keys are expanded. Duplicate keys: see duplicate-keys.ts. */
const PARSE_OPTIONS = { prettyErrors: false, merge: true, uniqueKeys: false } as const;

export const OKG_API_VERSION = 'game.kruise.io/v1alpha1';
const KINDS: readonly SchemaKind[] = ['GameServerSet', 'GameServer'];

/** Bounds alias expansion: a "billion laughs" document stops here instead of filling memory. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Nesting bound: a GameServerSet's deepest field (a node affinity's match expression values) sits
 * about 12 levels down and even a CRD schema embedding a pod template stays under 50. The yaml
 * library composes documents recursively and overflows the stack at a few hundred flow levels (fewer
 * when the stack is already deep), and its trees feed recursive toJS, ajv and our checks: 100 keeps
 * every real manifest and a safe margin below that.
 */
export const MAX_YAML_DEPTH = 100;

export interface ManifestDoc {
  doc: Document.Parsed;
  /** The text of the chunk the document was parsed from; node ranges are offsets in it. */
  text: string;
  /** Offset of `text` in the whole file. */
  base: number;
  kind: SchemaKind | undefined;
}

/**
 * The parser, composer and documents of the latest parse, kept on purpose. V8 drops optimized code at
 * a full collection when a hidden class it was specialised for has died, and it holds the classes that
 * adding properties creates only weakly: one lives only as long as an object of it. Without a live
 * parse, each full collection (V8 also runs one when the server goes idle) would make the next
 * whole-file check run the YAML parser unoptimized: measured on the 3,220-line file right after a full
 * collection, 69 ms with this kept and 210-295 ms without (test/bench/lsp-yaml.bench.ts compares the
 * two each run). Any parse keeps the classes, so a large one is not kept in memory for this. Exported
 * only for that comparison.
 */
export const latestParse: { parse?: unknown } = {};
const KEEP_CHARS = 100_000;

export interface ParsedYaml {
  /** The documents before any that nests too deep. */
  docs: Document.Parsed[];
  /** Offset of the collection that opens nesting level MAX_YAML_DEPTH + 1; parsing stopped there. */
  tooDeepAt?: number;
}

const isCollection = (t: CST.Token): boolean => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';

/** The offset of the collection at level MAX_YAML_DEPTH + 1 in the parser's stack of open tokens, if any. */
function tooDeepIn(stack: readonly CST.Token[]): number | undefined {
  let level = 0;
  for (const token of stack) {
    if (isCollection(token) && ++level > MAX_YAML_DEPTH) return token.offset;
  }
  return undefined;
}

/**
 * The CST tokens of a text, as Parser.parse gives them, except that they stop where a collection opens
 * a level deeper than MAX_YAML_DEPTH. The parser keeps its open tokens on an explicit stack (it does
 * not recurse), so watching that stack bounds the depth before anything recursive sees the document.
 */
function* boundedTokens(text: string, parser: Parser, found: { at?: number }): Generator<CST.Token> {
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    // The stack holds the document and perhaps a scalar being read besides the collections.
    if (parser.stack.length > MAX_YAML_DEPTH) {
      found.at = tooDeepIn(parser.stack);
      if (found.at !== undefined) return;
    }
  }
  yield* parser.end();
}

/**
 * Every document of a YAML text (a chunk, or a whole stream), as yaml's parseAllDocuments gives them
 * with kubectl's options, duplicate keys found in linear time (duplicate-keys.ts), up to the first
 * place that nests deeper than MAX_YAML_DEPTH.
 */
export function parseYaml(text: string): ParsedYaml {
  const parser = new Parser();
  const composer = new Composer(PARSE_OPTIONS);
  const found: { at?: number } = {};
  const docs = [...composer.compose(boundedTokens(text, parser, found))];
  for (const doc of docs) reportDuplicateKeys(doc);
  if (text.length <= KEEP_CHARS) latestParse.parse = { parser, composer, docs };
  return found.at === undefined ? { docs } : { docs, tooDeepAt: found.at };
}

/**
 * The chunks a cursor was recently in, parsed, for hover. Small: the checks keep their findings
 * rather than trees (index.ts), so a whole file's trees never stay in memory.
 */
const parsed = new TextCache<{ text: string; yaml: ParsedYaml }>(200_000);

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

/**
 * The document holding `offset` (an offset in the whole file); only its chunk is parsed, and only when
 * it holds at most `maxChunk` characters. A chunk nested too deep has none: its diagnostic says why.
 */
export function documentAt(text: string, offset: number, maxChunk = Infinity): ManifestDoc | undefined {
  const chunk = chunkAt(text, offset);
  if (chunk.text.length > maxChunk || !mayHoldOkg(chunk.text)) return undefined;
  const { text: own, yaml } = parsed.resolve(chunk.text, (t) => ({ text: t, yaml: parseYaml(t) }));
  if (yaml.tooDeepAt !== undefined) return undefined;
  let found: ManifestDoc | undefined;
  for (const doc of yaml.docs) {
    if (chunk.start + doc.range[0] > offset && found) break;
    found = { doc, text: own, base: chunk.start, kind: kindOf(doc) };
  }
  return found;
}
