// Hints for Carrier users moving to OKG (docs/carrier-to-okg.md): Carrier (carrier.ocgi.dev) gates a
// game server's readiness and its deletion on conditions its sidecar or a webhook sets
// (readinessGates, deletableGates); OKG does the same with serviceQualities, a probe whose outcome
// sets opsState. Hovers on both sides say which is which; nothing here checks a Carrier document.
import type { Hover, Position } from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { isNode, isScalar, isSeq, visit, type Document, type Node } from '#yaml';
import { LineIndex } from '../../engine';
import { parseYaml, splitDocuments } from '../../engine/internal';
import { MAX_YAML_DOCUMENT } from '../limits';
import { markdown } from '../snippet';

const CARRIER_GROUP = 'carrier.ocgi.dev/';
const GATES = ['readinessGates', 'deletableGates'] as const;
type Gate = (typeof GATES)[number];

/** Only text that names Carrier's group can hold a Carrier object. */
export function mayHoldCarrier(text: string): boolean {
  return text.includes(CARRIER_GROUP);
}

function deletableNote(): string {
  return l10n.t(
    'Carrier `deletableGates` ≈ OKG `serviceQualities`: a Carrier server is deleted on scale-down only when every deletable ' +
      'gate is True (such as "no players"). In OKG a probe reports it instead, and its action sets `opsState: WaitToBeDeleted` ' +
      '(back to `None` when it fails): scale-down deletes `WaitToBeDeleted` servers first. OKG never waits for a server ' +
      'to be deletable, though: to keep busy servers, set `Allocated` (or a deletionPriority) on them too.',
  );
}

function readinessNote(): string {
  return l10n.t(
    'Carrier `readinessGates` ≈ a readiness probe in OKG: a Carrier server is Ready only when every readiness gate is True. In OKG a ' +
      "GameServer's state is its pod's readiness, so a container `readinessProbe` is the closest match; a service quality " +
      'with `permanent: false` whose action sets an opsState (`Maintaining` while the probe fails, `None` once it succeeds) ' +
      'keeps a matchmaker that picks `None` servers off it, without restarting it.',
  );
}

function gateNote(gate: Gate): string {
  return gate === 'deletableGates' ? deletableNote() : readinessNote();
}

/** The paragraph an OKG serviceQualities hover adds for Carrier users (none elsewhere). */
export function carrierNoteForOkg(kind: string, path: readonly string[]): string[] {
  if (kind !== 'GameServerSet' || path[0] !== 'spec' || path[1] !== 'serviceQualities') return [];
  const last = path[path.length - 1];
  if (path.length === 2) return [l10n.t('Coming from Carrier?'), deletableNote(), readinessNote()];
  if (last === 'serviceQualityAction') return [l10n.t('Coming from Carrier?'), deletableNote()];
  return [];
}

const holds = (n: Node | null | undefined, offset: number): n is Node => !!n?.range && n.range[0] <= offset && offset <= n.range[1];

/** The gate whose key or list holds `offset`, and the node under it there (the key, an entry, or the list). */
function gateAt(doc: Document, offset: number): { gate: Gate; node: Node } | undefined {
  let found: { gate: Gate; node: Node } | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      const gate = GATES.find((g) => g === key?.value);
      const value = isNode(pair.value) ? pair.value : undefined;
      if (!gate || !key) return undefined;
      if (holds(key, offset)) found = { gate, node: key };
      else if (holds(value, offset)) {
        const entry = isSeq(value) ? value.items.find((i): i is Node => isNode(i) && holds(i, offset)) : undefined;
        found = { gate, node: entry ?? value };
      }
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

/** A hover on `readinessGates` / `deletableGates` (or an entry) of a Carrier document. */
export function carrierHover(text: string, position: Position): Hover | null {
  if (!mayHoldCarrier(text)) return null;
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(position);
  const chunk = splitDocuments(text)
    .filter((c) => c.start <= offset)
    .pop();
  if (!chunk || chunk.text.length > MAX_YAML_DOCUMENT || !mayHoldCarrier(chunk.text)) return null;
  const { docs, tooDeepAt } = parseYaml(chunk.text);
  if (tooDeepAt !== undefined) return null;
  const within = offset - chunk.start;
  const doc = docs.find((d) => d.range[0] <= within && within <= d.range[2]);
  const apiVersion = doc?.get('apiVersion');
  if (!doc || typeof apiVersion !== 'string' || !apiVersion.startsWith(CARRIER_GROUP)) return null;
  const at = gateAt(doc, within);
  const r = at?.node.range;
  if (!at || !r) return null;
  const gate = at.gate;
  const range = { start: lines.positionAt(chunk.start + r[0]), end: lines.positionAt(chunk.start + r[1]) };
  const title = l10n.t('**{0}** (Carrier) in OKG', gate);
  return { contents: markdown([title, gateNote(gate), l10n.t('Completion under `serviceQualities` offers both as snippets.')].join('\n\n')), range };
}
