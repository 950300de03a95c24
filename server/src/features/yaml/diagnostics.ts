// Diagnostics for GameServerSet / GameServer documents in a YAML file: every manifest problem, at its
// node, within the checking budget of limits.ts.
import { DiagnosticSeverity, type Diagnostic, type Position } from 'vscode-languageserver';
import { checkManifestWithin } from '../../engine/manifest';
import { MAX_YAML_CHECKED, MAX_YAML_DOCUMENT, MAX_YAML_LENGTH } from '../limits';
import { limitDiagnostics, size, SOURCE, toDiagnostic, tooLargeWarning } from '../problem-diagnostic';
import { mayHoldOkg, tooLargeForYaml } from './text';

export function yamlDiagnostics(text: string): Diagnostic[] {
  if (!mayHoldOkg(text)) return [];
  if (tooLargeForYaml(text)) {
    return [
      tooLargeWarning(
        `This YAML file is ${size(text.length)}, over the ${size(MAX_YAML_LENGTH)} the editor checks; its GameServerSets and GameServers are not checked. Split it, or check it with kgctl.`,
      ),
    ];
  }
  const { problems, oversized, uncheckedAt, unchecked } = checkManifestWithin(text, { maxChars: MAX_YAML_CHECKED, maxDocument: MAX_YAML_DOCUMENT });
  const warning = (at: Position, message: string): Diagnostic => ({ range: { start: at, end: at }, severity: DiagnosticSeverity.Warning, code: 'too-large', source: SOURCE, message });
  const out = [
    ...limitDiagnostics(problems.map(toDiagnostic)),
    ...oversized.map((d) =>
      warning(d.at, `This document is ${size(d.chars)}, over the ${size(MAX_YAML_DOCUMENT)} the editor checks in one document; it is not checked. Split it, or check it with kgctl.`),
    ),
  ];
  if (!uncheckedAt) return out;
  const documents = unchecked === 1 ? 'This document is' : `This document and the ${unchecked - 1} after it that name game.kruise.io/v1alpha1 are`;
  out.push(
    warning(
      uncheckedAt,
      `${documents} not checked: the editor checks ${size(MAX_YAML_CHECKED)} of GameServerSets and GameServers per file. Split the file, or check it with kgctl.`,
    ),
  );
  return out;
}
