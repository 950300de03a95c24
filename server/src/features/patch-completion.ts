// Completion in .kgpatch documents: whole-operation snippets, member keys, `op` values, `path`
// segment by segment from the kind's schema, and `value` from the schema at that path.
import type { Node, Segment } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as l10n from '@vscode/l10n';
import {
  childSchema,
  describeType,
  escapeSegment,
  isArrayIndexSegment,
  schemaAtPointer,
  schemaKeys,
  unescapeSegment,
  type JsonSchema,
} from '../engine/internal';
import { targetKind, type TargetKind } from './document-kind';
import { followedByColon, insideString, locationAt, member, replaceRange, treeOf } from './json-context';
import { MEMBER_DOCS, PATCH_OPS } from './patch-ops';
import { patchSnippets } from './patch-snippets';
import { schemaDescription } from './schema-description';
import { item, literal } from './snippet';

interface Context {
  doc: TextDocument;
  offset: number;
  range: Range;
  inString: boolean;
  keyOnly: boolean;
  kind: TargetKind;
}

function snippetItems(ctx: Context, wrap: boolean): CompletionItem[] {
  const snippets = patchSnippets(ctx.kind).map((s, i) =>
    item({
      label: s.label,
      kind: CompletionItemKind.Snippet,
      range: ctx.range,
      newText: wrap ? `[\n\t${s.body.replace(/\n/g, '\n\t')}\n]` : s.body,
      snippet: true,
      detail: `${ctx.kind} patch`,
      documentation: s.description,
      sortText: `0${i}`,
    }),
  );
  const skeletons = PATCH_OPS.map((op) => {
    const members = op.members.map((m, i) => (m === 'value' ? `"value": $${i + 1}` : `"${m}": "/$${i + 1}"`));
    const body = `{"op": "${op.name}", ${members.join(', ')}}`;
    return item({
      label: `${op.name} operation`,
      kind: CompletionItemKind.Snippet,
      range: ctx.range,
      newText: wrap ? `[${body}]` : body,
      snippet: true,
      documentation: op.meaning,
      sortText: `1${op.name}`,
    });
  });
  return [...snippets, ...skeletons];
}

function memberItems(ctx: Context, opObject: Node | undefined): CompletionItem[] {
  const present = new Set((opObject?.children ?? []).map((p) => p.children?.[0]?.value));
  const opName = member(opObject, 'op')?.value;
  const wanted = PATCH_OPS.find((o) => o.name === opName)?.members;
  return Object.entries(MEMBER_DOCS)
    .filter(([name]) => !present.has(name) && (name === 'op' || !wanted || (wanted as readonly string[]).includes(name)))
    .map(([name, doc]) => {
      const value = name === 'value' ? '$1' : name === 'op' ? '"$1"' : '"/$1"';
      return item({
        label: name,
        kind: CompletionItemKind.Property,
        range: ctx.range,
        newText: ctx.keyOnly ? `"${name}"` : `"${name}": ${value}`,
        snippet: true,
        documentation: doc(),
        filterText: ctx.inString ? `"${name}"` : name,
        suggestAgain: !ctx.keyOnly && name !== 'value',
      });
    });
}

function opItems(ctx: Context): CompletionItem[] {
  return PATCH_OPS.map((op) =>
    item({
      label: op.name,
      kind: CompletionItemKind.Keyword,
      range: ctx.range,
      newText: JSON.stringify(op.name),
      snippet: false,
      documentation: op.meaning,
      filterText: ctx.inString ? `"${op.name}"` : op.name,
    }),
  );
}

/** Pointer segments of a `path` / `from` string as written, or undefined for a string with JSON escapes. */
function rawPointer(doc: TextDocument, node: Node): string | undefined {
  const raw = doc
    .getText()
    .slice(node.offset + 1, node.offset + node.length)
    .replace(/"$/, '');
  return raw.includes('\\') ? undefined : raw;
}

/** A segment whose schema offers segments below it: completion may carry straight on to them. */
function hasChildren(schema: JsonSchema | undefined): boolean {
  return schema !== undefined && (schema.type === 'array' || schemaKeys(schema).length > 0);
}

/** The segments offered at one place of a pointer: the schema they are under and what each one inserts. */
interface SegmentSite {
  schema: JsonSchema;
  range: Range;
  /** `/` when the caret has no slash before it yet. */
  lead: string;
  /** True when the segment is the pointer's last, so a `/` and the next segments may follow it. */
  last: boolean;
}

/**
 * Where the caret is in a pointer. Right after a whole segment that has segments below it (`/spec|`),
 * completion offers those, as if a `/` had been typed, rather than the segment itself again.
 */
function segmentSite(ctx: Context, node: Node, raw: string): SegmentSite | undefined {
  const caret = ctx.offset - (node.offset + 1);
  const before = raw.slice(0, caret);
  const slash = before.lastIndexOf('/');
  const nextSlash = raw.indexOf('/', caret);
  const end = nextSlash < 0 ? raw.length : nextSlash;
  const parents = slash <= 0 ? [] : before.slice(1, slash).split('/').map(unescapeSegment);
  const schema = schemaAtPointer(ctx.kind, parents);
  if (!schema) return undefined;
  const at = (offset: number): Position => ctx.doc.positionAt(node.offset + 1 + offset);
  if (slash >= 0 && nextSlash < 0 && caret === raw.length) {
    const typed = unescapeSegment(raw.slice(slash + 1));
    const whole = schema.type === 'array' ? isArrayIndexSegment(typed) && typed !== '-' : schemaKeys(schema).some((k) => k.name === typed);
    const below = whole ? childSchema(schema, typed) : undefined;
    if (below && hasChildren(below)) return { schema: below, range: { start: at(caret), end: at(caret) }, lead: '/', last: true };
  }
  return { schema, range: { start: at(slash + 1), end: at(end) }, lead: slash < 0 ? '/' : '', last: nextSlash < 0 };
}

function pointerItems(ctx: Context, node: Node): CompletionItem[] {
  if (!insideString(ctx.doc, node, ctx.offset)) return [];
  const raw = rawPointer(ctx.doc, node);
  if (raw === undefined) return [];
  const site = segmentSite(ctx, node, raw);
  if (!site) return [];
  const segment = (label: string, below: JsonSchema | undefined, detail: string, documentation: string | undefined, sortText: string): CompletionItem => {
    // Accepting a segment that has segments below it writes the `/` and lists them at once.
    const onward = site.last && hasChildren(below);
    return item({
      label,
      kind: CompletionItemKind.Field,
      range: site.range,
      newText: site.lead + escapeSegment(label) + (onward ? '/' : ''),
      snippet: false,
      detail,
      ...(documentation !== undefined && { documentation }),
      sortText,
      filterText: site.lead + escapeSegment(label),
      suggestAgain: onward,
    });
  };
  const { schema } = site;
  if (schema.type === 'array') {
    return [
      segment('0', schema.items, l10n.t('index of the first element'), undefined, '0'),
      segment('-', undefined, l10n.t('append after the last element (add only)'), undefined, '1'),
    ];
  }
  return schemaKeys(schema).map((k) => segment(k.name, k.schema, describeType(k.schema), schemaDescription(k.description), `${k.required ? 0 : 1}${k.name}`));
}

function valuesOf(schema: JsonSchema): { json: string; detail: string }[] {
  const out: { json: string; detail: string }[] = [];
  for (const v of schema['x-okg-reserved'] ?? []) out.push({ json: JSON.stringify(v), detail: l10n.t('reserved value') });
  for (const v of schema.enum ?? []) out.push({ json: JSON.stringify(v), detail: l10n.t('allowed value') });
  if (schema.type === 'boolean') out.push({ json: 'true', detail: 'boolean' }, { json: 'false', detail: 'boolean' });
  for (const branch of schema.anyOf ?? []) out.push(...valuesOf(branch));
  return out;
}

/** Completion inside an operation's `value`, from the schema at the operation's path. */
function valueItems(ctx: Context, opObject: Node | undefined, rest: Segment[], atKey: boolean): CompletionItem[] {
  const pathNode = member(opObject, 'path');
  if (pathNode?.type !== 'string') return [];
  const pointer: string = pathNode.value;
  if (pointer !== '' && !pointer.startsWith('/')) return [];
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeSegment);
  const below = rest.map(String);
  if (atKey) {
    const schema = schemaAtPointer(ctx.kind, [...segments, ...below.slice(0, -1)]);
    if (!schema) return [];
    return schemaKeys(schema).map((k) =>
      item({
        label: k.name,
        kind: CompletionItemKind.Property,
        range: ctx.range,
        newText: ctx.keyOnly ? `"${literal(k.name)}"` : `"${literal(k.name)}": $1`,
        snippet: true,
        detail: describeType(k.schema),
        ...(k.description !== undefined && { documentation: schemaDescription(k.description) }),
        filterText: ctx.inString ? `"${k.name}"` : k.name,
        sortText: `${k.required ? 0 : 1}${k.name}`,
      }),
    );
  }
  const schema = schemaAtPointer(ctx.kind, [...segments, ...below]);
  if (!schema) return [];
  const unique = [...new Map(valuesOf(schema).map((v) => [v.json, v])).values()];
  return unique
    .filter((v) => !ctx.inString || v.json.startsWith('"'))
    .map((v, i) =>
      item({
        label: v.json.startsWith('"') ? JSON.parse(v.json) : v.json,
        kind: CompletionItemKind.Value,
        range: ctx.range,
        newText: v.json,
        snippet: false,
        detail: v.detail,
        filterText: ctx.inString ? v.json : v.json.replace(/^"|"$/g, ''),
        sortText: String(i).padStart(4, '0'),
      }),
    );
}

function complete(ctx: Context, path: Segment[], atKey: boolean, previous: Node | undefined): CompletionItem[] {
  if (path.length === 0) return ctx.inString ? [] : snippetItems(ctx, true);
  const [index, key, ...rest] = path;
  if (typeof index !== 'number') return [];
  if (path.length === 1) return ctx.inString ? [] : snippetItems(ctx, false);
  const root = treeOf(ctx.doc.getText());
  const opObject = root?.type === 'array' ? root.children?.[index] : undefined;
  if (atKey && path.length === 2) return memberItems(ctx, opObject);
  if (key === 'op' && !atKey && rest.length === 0) return opItems(ctx);
  if ((key === 'path' || key === 'from') && !atKey && rest.length === 0 && previous?.type === 'string') return pointerItems(ctx, previous);
  if (key === 'value') return valueItems(ctx, opObject, rest, atKey);
  return [];
}

export function patchCompletion(doc: TextDocument, position: Position): CompletionItem[] {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const location = locationAt(text, offset);
  if (!location) return [];
  const previous: Node | undefined = location.previousNode;
  const { range, inString } = replaceRange(doc, previous, offset);
  const keyOnly = location.isAtPropertyKey && inString && previous !== undefined && followedByColon(text, previous.offset + previous.length);
  const ctx: Context = { doc, offset, range, inString, keyOnly, kind: targetKind(doc.uri) };
  return complete(ctx, location.path, location.isAtPropertyKey, previous);
}
