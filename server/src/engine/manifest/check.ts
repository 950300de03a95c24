// Runs every check on one GameServer or GameServerSet document and returns its findings, with offsets
// in the document's own text.
import * as l10n from '@vscode/l10n';
import { MAX_ALIAS_COUNT, type ManifestDoc } from './documents';
import { asObject, finding, type Check, type CheckContext, type Finding } from './finding';
import { checkGameServerSpec } from './game-server-spec';
import { firstLine, locatePath, spanOf } from './nodes';
import { checkPodTemplate } from './pod-template';
import { checkReserveIds } from './reserve-ids';
import { checkSchema } from './schema-check';
import { checkServiceQualityActions } from './service-quality-actions';
import { checkServiceQualityProbes } from './service-quality-probe';
import { checkUpdateStrategy } from './update-strategy';

/** The OKG checks, whose messages say what the cluster would do; they win over a schema error on the same node. */
const OKG_CHECKS: Check[] = [
  checkServiceQualityProbes,
  checkServiceQualityActions,
  checkGameServerSpec,
  checkReserveIds,
  checkUpdateStrategy,
  checkPodTemplate,
];

function syntaxFindings(d: ManifestDoc): Finding[] {
  const errors = d.doc.errors.map((e) => finding('error', 'yaml-syntax', e.message, { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) }));
  const warnings = d.doc.warnings.map((w) => finding('warning', 'yaml-warning', w.message, { start: w.pos[0], end: Math.max(w.pos[1], w.pos[0]) }));
  return [...errors, ...warnings];
}

export function checkDocument(d: ManifestDoc): Finding[] {
  if (!d.kind) return [];
  const out = syntaxFindings(d);
  let value: unknown;
  try {
    value = d.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // Only the alias bound makes toJS throw on a parsed document.
    out.push(
      finding(
        'error',
        'yaml-alias-limit',
        l10n.t("This document expands more than {0} aliases; it is not checked. kubectl's YAML parser refuses excessive aliasing too.", MAX_ALIAS_COUNT),
        firstLine(d.text, d.doc.range[0], d.doc.range[1]),
      ),
    );
    return out;
  }
  const root = asObject(value);
  if (!root) return out;
  const ctx: CheckContext = {
    kind: d.kind,
    value: root,
    span: (path, part = 'value') => spanOf(d.text, locatePath(d.doc, path), part),
  };
  const okg = OKG_CHECKS.flatMap((check) => check(ctx));
  const taken = new Set(okg.map((f) => `${f.start}:${f.end}`));
  const schema = checkSchema(ctx).filter((f) => !taken.has(`${f.start}:${f.end}`));
  return [...out, ...okg, ...schema];
}
