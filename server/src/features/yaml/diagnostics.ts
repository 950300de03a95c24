// Diagnostics for GameServerSet / GameServer documents in a YAML file: every manifest problem, at its node.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { checkManifest } from '../../engine/manifest';
import { MAX_INTERACTIVE_LENGTH } from '../json-context';
import { SOURCE, toDiagnostic } from '../problem-diagnostic';
import { mayHoldOkg, tooLargeForYaml } from './text';

export function yamlDiagnostics(text: string): Diagnostic[] {
  if (!mayHoldOkg(text)) return [];
  if (tooLargeForYaml(text)) {
    const mb = (n: number): string => `${(n / 1_000_000).toFixed(1)} MB`;
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        code: 'too-large',
        source: SOURCE,
        message: `This YAML file is ${mb(text.length)}, over the ${mb(MAX_INTERACTIVE_LENGTH)} the editor checks; its GameServerSets and GameServers are not checked. Split it, or check it with kgctl.`,
      },
    ];
  }
  return checkManifest(text).map(toDiagnostic);
}
