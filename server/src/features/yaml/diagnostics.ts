// Diagnostics for GameServerSet / GameServer documents in a YAML file: every manifest problem, at its node.
import type { Diagnostic } from 'vscode-languageserver';
import { checkManifest } from '../../engine/manifest';
import { toDiagnostic, tooLargeWarning } from '../problem-diagnostic';
import { mayHoldOkg, tooLargeForYaml } from './text';

export function yamlDiagnostics(text: string): Diagnostic[] {
  if (!mayHoldOkg(text)) return [];
  if (tooLargeForYaml(text)) {
    return [
      tooLargeWarning(
        text.length,
        (size, limit) => `This YAML file is ${size}, over the ${limit} the editor checks; its GameServerSets and GameServers are not checked. Split it, or check it with kgctl.`,
      ),
    ];
  }
  return checkManifest(text).map(toDiagnostic);
}
