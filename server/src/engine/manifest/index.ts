// GameServerSet / GameServer YAML: the checks of the traps OKG accepts silently, plus schema validation, and the locators
// the language features use. Only documents with apiVersion game.kruise.io/v1alpha1 and one of the two
// kinds are looked at; every other document in the stream is left alone.
import * as l10n from '@vscode/l10n';
import type { Position, Problem } from '../problem';
import { LineIndex } from '../text';
import { checkDocument } from './check';
import { kindOf, MAX_YAML_DEPTH, mayHoldOkg, parseYaml } from './documents';
import { finding, type Finding } from './finding';
import { splitDocuments, type Chunk } from './split';
import { TextCache } from './text-cache';

export { OKG_API_VERSION, MAX_ALIAS_COUNT, MAX_YAML_DEPTH, mayHoldOkg } from './documents';
export { completionSiteAt, locateManifest } from './locate';
export type { CompletionSite, ManifestLocation } from './locate';
export type { Finding, Segment } from './finding';

/**
 * The findings of each chunk (the text between two `---` markers), by its text: after an edit only
 * the edited document is parsed and checked again. Findings, not parsed trees, are kept, so that a
 * file's trees die young instead of filling the old generation, whose collections pause the server.
 * Up to 1 MB of documents stays checked.
 */
const checked = new TextCache<Finding[]>(1_000_000);

/** The findings of one chunk: it is parsed, and each GameServerSet and GameServer in it checked. */
export function checkChunk(text: string): Finding[] {
  const out: Finding[] = [];
  const { docs, tooDeepAt } = parseYaml(text);
  for (const doc of docs) {
    const kind = kindOf(doc);
    if (kind) out.push(...checkDocument({ doc, text, base: 0, kind }));
  }
  if (tooDeepAt !== undefined) {
    const message = l10n.t('Nested more than {0} levels deep here; no Kubernetes manifest comes close, so this document is not checked.', MAX_YAML_DEPTH);
    out.push(finding('error', 'yaml-too-deep', message, { start: tooDeepAt, end: tooDeepAt + 1 }));
  }
  return out;
}

export interface ManifestCheck {
  problems: Problem[];
  /** Documents naming the OKG group that were skipped as longer than `maxDocument`. */
  oversized: { at: Position; chars: number }[];
  /** Where the first document naming the OKG group that was left unchecked starts, if any was. */
  uncheckedAt?: Position;
  /** How many documents naming the OKG group were left unchecked. */
  unchecked: number;
}

export interface CheckBudget {
  /** Characters of documents checked in all. */
  maxChars: number;
  /** Characters of one document: a longer one is skipped, and the next ones are checked. */
  maxDocument: number;
}

/** Every problem of every GameServerSet and GameServer document in a YAML stream. */
export function checkManifest(text: string): Problem[] {
  return checkManifestWithin(text, { maxChars: Infinity, maxDocument: Infinity }).problems;
}

/** What the budget makes of one chunk, in file order. */
type Verdict = { chunk: Chunk; verdict: 'check' | 'oversized' | 'unchecked' };

/**
 * The chunks naming the OKG group and what the budget says of each: their text adds up to at most
 * `maxChars`, any longer than `maxDocument` is skipped, and every one after the budget is spent is
 * left unchecked. One walk for checkManifestWithin and chunksToCheck, so both pick the same chunks.
 */
function* budgeted(text: string, budget: CheckBudget): Generator<Verdict> {
  let left = budget.maxChars;
  let spent = false;
  for (const chunk of splitDocuments(text)) {
    if (!mayHoldOkg(chunk.text)) continue;
    if (chunk.text.length > budget.maxDocument) {
      yield { chunk, verdict: 'oversized' };
      continue;
    }
    spent ||= chunk.text.length > left;
    if (spent) {
      yield { chunk, verdict: 'unchecked' };
      continue;
    }
    left -= chunk.text.length;
    yield { chunk, verdict: 'check' };
  }
}

/**
 * The texts of the chunks checkManifestWithin would check whose findings it does not hold yet: what
 * another thread can check (checkChunk) and hand back (rememberFindings) before it runs.
 */
export function chunksToCheck(text: string, budget: CheckBudget): string[] {
  const out: string[] = [];
  for (const { chunk, verdict } of budgeted(text, budget)) {
    if (verdict === 'check' && !checked.has(chunk.text)) out.push(chunk.text);
  }
  return out;
}

/** Findings of a chunk checked elsewhere, by checkChunk on the same text. */
export function rememberFindings(text: string, findings: Finding[]): void {
  checked.resolve(text, () => findings);
}

/**
 * The problems of the documents naming the OKG group, in file order, as long as their text adds up to
 * at most `maxChars`, skipping any longer than `maxDocument`; the documents after the budget is spent
 * are counted, not checked, so a huge file costs a bounded time.
 */
export function checkManifestWithin(text: string, budget: CheckBudget): ManifestCheck {
  const lines = new LineIndex(text);
  const out: Problem[] = [];
  const oversized: ManifestCheck['oversized'] = [];
  let uncheckedAt: Position | undefined;
  let unchecked = 0;
  for (const { chunk, verdict } of budgeted(text, budget)) {
    if (verdict === 'oversized') {
      oversized.push({ at: lines.positionAt(chunk.start), chars: chunk.text.length });
      continue;
    }
    if (verdict === 'unchecked') {
      uncheckedAt ??= lines.positionAt(chunk.start);
      unchecked++;
      continue;
    }
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
  return uncheckedAt === undefined ? { problems: out, oversized, unchecked } : { problems: out, oversized, uncheckedAt, unchecked };
}
