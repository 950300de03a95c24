// Diagnostics for GameServerSet / GameServer documents in a YAML file: every manifest problem, at its
// node, within the checking budget of limits.ts.
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { checkManifestWithin, chunksToCheck, type CheckBudget } from '../../engine/internal';
import type { ManifestCode } from '../../engine';
import { MAX_YAML_CHECKED, MAX_YAML_DOCUMENT, MAX_YAML_LENGTH } from '../limits';
import { limitDiagnostics, size, SOURCE, toDiagnostic, tooLargeWarning } from '../problem-diagnostic';
import { mayHoldOkg, tooLargeForYaml } from './text';

const BUDGET: CheckBudget = { maxChars: MAX_YAML_CHECKED, maxDocument: MAX_YAML_DOCUMENT };

/** The documents yamlDiagnostics would parse and check now: what a check pool can take on first. */
export function yamlChunksToCheck(text: string): string[] {
  return mayHoldOkg(text) && !tooLargeForYaml(text) ? chunksToCheck(text, BUDGET) : [];
}

export function yamlDiagnostics(text: string): Diagnostic[] {
  if (!mayHoldOkg(text)) return [];
  if (tooLargeForYaml(text)) {
    return [
      tooLargeWarning(
        l10n.t(
          'This YAML file is {0}, over the {1} the editor checks; its GameServerSets and GameServers are not checked. Split it, or check it with kgctl.',
          size(text.length),
          size(MAX_YAML_LENGTH),
        ),
      ),
    ];
  }
  const { problems, oversized, uncheckedAt, unchecked } = checkManifestWithin(text, BUDGET);
  const warning = (at: Position, message: string): Diagnostic => ({
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Warning,
    code: 'too-large' satisfies ManifestCode,
    source: SOURCE,
    message,
  });
  const out = [
    ...limitDiagnostics(problems.map(toDiagnostic)),
    ...oversized.map((d) =>
      warning(
        d.at,
        l10n.t(
          'This document is {0}, over the {1} the editor checks in one document; it is not checked. Split it, or check it with kgctl.',
          size(d.chars),
          size(MAX_YAML_DOCUMENT),
        ),
      ),
    ),
  ];
  if (!uncheckedAt) return out;
  const message =
    unchecked === 1
      ? l10n.t(
          'This document is not checked: the editor checks {0} of GameServerSets and GameServers per file. Split the file, or check it with kgctl.',
          size(MAX_YAML_CHECKED),
        )
      : l10n.t(
          'This document and the {0} after it that name game.kruise.io/v1alpha1 are not checked: ' +
            'the editor checks {1} of GameServerSets and GameServers per file. Split the file, or check it with kgctl.',
          unchecked - 1,
          size(MAX_YAML_CHECKED),
        );
  out.push(warning(uncheckedAt, message));
  return out;
}
