// A JSON Patch `test` as kube-apiserver's library decides it: objects and arrays member by member,
// every scalar as JSON text (the value's text as it reached the server against the text the server
// writes for the document's value), so `1.0` is not `1` and "\u004eone" is not "None".
import { parseTree, type Node } from 'jsonc-parser';
import { isContainer } from './document-access';
import { apiServerJson } from './server-json';

/** `crash`: the library fails on an array holding null (a Go nil), and the request fails with it. */
export type Comparison = 'equal' | 'different' | 'crash';

/** Compares `actual`, a value in the document (not null), with a `test` value sent as the JSON text `sent`. */
export function compareSent(actual: unknown, sent: string): Comparison {
  if (!isContainer(actual)) return apiServerJson(actual) === sent ? 'equal' : 'different';
  const node = parseTree(sent);
  return node ? compareNode(actual, node, sent) : 'different';
}

function compareNode(actual: unknown, node: Node, text: string): Comparison {
  if (!isContainer(actual)) {
    const scalar = node.type !== 'object' && node.type !== 'array';
    return scalar && apiServerJson(actual) === text.slice(node.offset, node.offset + node.length) ? 'equal' : 'different';
  }
  if (Array.isArray(actual)) return compareArray(actual, node, text);
  if (node.type !== 'object') return 'different';
  // Members decode into a map, so a repeated key keeps its last value, as with Go's decoder.
  const members = new Map<string, Node>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value) members.set(String(key.value), value);
  }
  const keys = Object.keys(actual);
  if (keys.length !== members.size) return 'different';
  for (const key of keys) {
    const member = members.get(key);
    if (!member) return 'different';
    const value = (actual as Record<string, unknown>)[key];
    if ((value === null) !== (member.type === 'null')) return 'different';
    if (value === null) continue;
    const r = compareNode(value, member, text);
    if (r !== 'equal') return r;
  }
  return 'equal';
}

function compareArray(actual: unknown[], node: Node, text: string): Comparison {
  const items = node.type === 'array' ? (node.children ?? []) : undefined;
  if (!items || items.length !== actual.length) return 'different';
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === null || items[i].type === 'null') return 'crash';
    const r = compareNode(actual[i], items[i], text);
    if (r !== 'equal') return r;
  }
  return 'equal';
}
