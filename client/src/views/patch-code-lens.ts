// CodeLens on .kgpatch files: apply to the matches of a filter, through the preview.
import * as vscode from 'vscode';
import { kindOfFile, kindPlural } from '../commands/resource-kind';

export class PatchCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted) return [];
    const noun = kindPlural(kindOfFile(doc.uri.path), 2);
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `$(run-all) ${vscode.l10n.t('Apply to matching {0}... (preview first)', noun)}`,
        command: 'okg.applyPatch',
        arguments: [{ patchUri: doc.uri }],
      }),
    ];
  }
}
