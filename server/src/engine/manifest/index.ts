// GameServerSet / GameServer YAML: the checks of okg-api.md §3 plus schema validation, and the locators
// the language features use. Only documents with apiVersion game.kruise.io/v1alpha1 and one of the two
// kinds are looked at; every other document in the stream is left alone.
import type { Problem } from '../problem';
import { LineIndex } from '../text';
import { checkDocument } from './check';
import { kindOf, mayHoldOkg, parseYaml } from './documents';
import type { Finding } from './finding';
import { splitDocuments } from './split';
import { TextCache } from './text-cache';

export { OKG_API_VERSION, MAX_ALIAS_COUNT, mayHoldOkg } from './documents';
export { completionSiteAt, locateManifest } from './locate';
export type { CompletionSite, ManifestLocation } from './locate';
export type { Segment } from './finding';

/**
 * The findings of each chunk (the text between two `---` markers), by its text: after an edit only
 * the edited document is parsed and checked again. Findings, not parsed trees, are kept, so that a
 * file's trees die young instead of filling the old generation, whose collections pause the server.
 * Up to 1 MB of documents stays checked.
 */
const checked = new TextCache<Finding[]>(1_000_000);

function checkChunk(text: string): Finding[] {
  const out: Finding[] = [];
  for (const doc of parseYaml(text)) {
    const kind = kindOf(doc);
    if (kind) out.push(...checkDocument({ doc, text, base: 0, kind }));
  }
  return out;
}

export function checkManifest(text: string): Problem[] {
  const lines = new LineIndex(text);
  const out: Problem[] = [];
  for (const chunk of splitDocuments(text)) {
    if (!mayHoldOkg(chunk.text)) continue;
    for (const f of checked.resolve(chunk.text, checkChunk)) {
      const problem: Problem = {
        severity: f.severity,
        code: f.code,
        message: f.message,
        range: { start: lines.positionAt(chunk.start + f.start), end: lines.positionAt(chunk.start + f.end) },
      };
      if (f.data) problem.data = f.data;
      out.push(problem);
    }
  }
  return out;
}
