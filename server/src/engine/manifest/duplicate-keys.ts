// Duplicate map keys, found as yaml's parser would report them but in linear time: its own check
// compares each key with every earlier key of the map, so one map of 20,000 keys takes seconds to
// parse. Documents are parsed with that check off and checked here instead.
import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Document } from '#yaml';
import * as l10n from '@vscode/l10n';

/** Adds to `doc.errors` what yaml's `uniqueKeys` check would: equal scalar values in one map. */
export function reportDuplicateKeys(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  // A stack rather than recursion: documents may nest thousands of levels deep.
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        // yaml compares values with ===, under which NaN equals nothing.
        if (isScalar(key) && !Number.isNaN(key.value)) {
          const at = key.range?.[0] ?? 0;
          if (seen.has(key.value)) found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', l10n.t('Map keys must be unique')));
          seen.add(key.value);
        }
        stack.push(pair.value, pair.key);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    } else if (isPair(node)) {
      stack.push(node.value, node.key);
    }
  }
  if (found.length === 0) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
