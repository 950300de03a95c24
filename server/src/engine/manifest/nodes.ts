// Finding the YAML node behind a JSON path, and the JSON path behind an offset, in one parsed document.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from '#yaml';
import type { Segment, Span } from './finding';

export interface Located {
  /** The key of the last segment when it names a map entry. */
  key: Node | undefined;
  node: Node | undefined;
  /** The first alias the path went through: the text behind it is written elsewhere, so point here. */
  via: Node | undefined;
}

export function keyText(key: unknown): string | undefined {
  if (!isScalar(key) || isMergeKey(key)) return undefined;
  const v = key.value;
  return v === null ? '' : typeof v === 'object' ? undefined : String(v);
}

function rangeOf(node: Node | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/** A key brought in by a `<<: *anchor` merge: the entry in the anchored map, and the alias to point at. */
function mergedEntry(doc: Document, map: YAMLMap, name: string): { pair: Pair; alias: Node } | undefined {
  for (const merge of map.items) {
    if (!isMergeKey(merge.key)) continue;
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const alias of sources) {
      if (!isAlias(alias)) continue;
      const target = alias.resolve(doc);
      const pair = isMap(target) ? target.items.find((p) => keyText(p.key) === name) : undefined;
      if (pair) return { pair, alias };
    }
  }
  return undefined;
}

export function locatePath(doc: Document, segments: readonly Segment[]): Located | undefined {
  let node = (doc.contents ?? undefined) as Node | undefined;
  let key: Node | undefined;
  let via: Node | undefined;
  for (const seg of segments) {
    if (isAlias(node)) {
      via ??= node;
      node = node.resolve(doc) as Node | undefined;
    }
    if (isMap(node)) {
      const name = String(seg);
      let pair = node.items.find((p) => keyText(p.key) === name);
      if (!pair) {
        const merged = mergedEntry(doc, node, name);
        if (!merged) return undefined;
        pair = merged.pair;
        via ??= merged.alias;
      }
      key = pair.key as Node;
      node = (pair.value ?? undefined) as Node | undefined;
    } else if (isSeq(node) && /^\d+$/.test(String(seg))) {
      node = node.items[Number(seg)] as Node | undefined;
      key = undefined;
      if (!node) return undefined;
    } else {
      return undefined;
    }
  }
  return { key, node, via };
}

/** A collection's span stops at the end of its first line, so a problem does not paint a whole block. */
export function firstLine(text: string, start: number, end: number): Span {
  const nl = text.indexOf('\n', start);
  return { start, end: nl >= 0 && nl < end ? nl : end };
}

/**
 * A collection's first line, without a comment at its end: up to where its first item ends when that
 * is on the first line (the parser's value range stops before a comment), else the whole line.
 */
function collectionFirstLine(text: string, node: YAMLMap | YAMLSeq, start: number, end: number): Span {
  const line = firstLine(text, start, end);
  const first = node.items[0];
  const item = (isPair(first) ? (first.value ?? first.key) : first) as Node | undefined;
  const itemEnd = rangeOf(item)?.[1];
  return itemEnd !== undefined && itemEnd > start && itemEnd <= line.end ? { start, end: itemEnd } : line;
}

export function spanOf(text: string, loc: Located | undefined, part: 'key' | 'value'): Span {
  if (!loc) return { start: 0, end: 0 };
  const via = rangeOf(loc.via);
  if (via) return { start: via[0], end: via[1] };
  const key = rangeOf(loc.key);
  const value = rangeOf(loc.node);
  if (part === 'key' && key) return { start: key[0], end: key[1] };
  if (value && value[1] > value[0]) {
    return isMap(loc.node) || isSeq(loc.node) ? collectionFirstLine(text, loc.node, value[0], value[1]) : { start: value[0], end: value[1] };
  }
  if (key) return { start: key[0], end: key[1] };
  return value ? { start: value[0], end: value[1] } : { start: 0, end: 0 };
}

export interface PathAt {
  path: Segment[];
  /** The node under the offset, when there is one. */
  node: Node | undefined;
  /** True when the offset is on a map key (the path then ends at that key). */
  onKey: boolean;
}

function contains(node: Node | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && r[0] <= offset && offset <= r[1];
}

/** The JSON path of the innermost key or value at `offset`; aliases are not followed. */
export function pathAtOffset(doc: Document, offset: number): PathAt {
  const path: Segment[] = [];
  let node = (doc.contents ?? undefined) as Node | undefined;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => contains(p.key as Node, offset) || contains((p.value ?? undefined) as Node | undefined, offset));
      const name = pair ? keyText(pair.key) : undefined;
      if (!pair || name === undefined) return { path, node, onKey: false };
      path.push(name);
      if (contains(pair.key as Node, offset)) return { path, node: pair.key as Node, onKey: true };
      node = (pair.value ?? undefined) as Node | undefined;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => contains(item as Node, offset));
      if (i < 0) return { path, node, onKey: false };
      path.push(i);
      node = node.items[i] as Node;
    } else {
      return { path, node, onKey: false };
    }
  }
}
