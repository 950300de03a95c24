// GameServerSet / GameServer YAML: the checks of okg-api.md §3 plus schema validation, and the locators
// the language features use. Only documents with apiVersion game.kruise.io/v1alpha1 and one of the two
// kinds are looked at; every other document in the stream is left alone.
import type { Problem } from '../problem';
import { LineIndex } from '../text';
import { checkDocument } from './check';
import { memoFor, parseManifest } from './documents';

export { OKG_API_VERSION, MAX_ALIAS_COUNT, mayHoldOkg } from './documents';
export { completionSiteAt, locateManifest } from './locate';
export type { CompletionSite, ManifestLocation } from './locate';
export type { Segment } from './finding';

export function checkManifest(text: string): Problem[] {
  const lines = new LineIndex(text);
  const out: Problem[] = [];
  for (const d of parseManifest(text)) {
    if (!d.kind) continue;
    for (const f of memoFor(d, () => checkDocument(d))) {
      const problem: Problem = {
        severity: f.severity,
        code: f.code,
        message: f.message,
        range: { start: lines.positionAt(d.base + f.start), end: lines.positionAt(d.base + f.end) },
      };
      if (f.data) problem.data = f.data;
      out.push(problem);
    }
  }
  return out;
}
