// OKG: Get Started — the walkthrough contributed in package.json, from the palette and the view.
import * as vscode from 'vscode';

/** `<publisher>.<name>#<walkthrough id>`, as the workbench names contributed walkthroughs. */
export const WALKTHROUGH_ID = 'okg-tools.okg-tools#okg.gettingStarted';

export function registerGetStarted(): vscode.Disposable {
  return vscode.commands.registerCommand('okg.getStarted', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false));
}
