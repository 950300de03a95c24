/// <reference types="mocha" />
// The context item shows in the status bar only while an OKG document is the active editor or the
// GameServers view is visible: a plain YAML file leaves the status bar to other work.
import * as vscode from 'vscode';
import type { OkgApi } from '../../../client/src/test-api';
import { activeExtension, openFixture, waitFor } from './harness';

async function openUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content }));
}

/** Waits until the item's visibility is `shown`, failing with what was expected and seen. */
async function expectShown(api: OkgApi, shown: boolean, when: string): Promise<void> {
  await waitFor(
    `the status bar item ${shown ? 'shown' : 'hidden'} ${when}`,
    () => (api.statusBarShown() === shown ? true : undefined),
    10_000,
    () => (api.statusBarShown() ? 'shown' : 'hidden'),
  );
}

describe('status bar item', () => {
  let api: OkgApi;
  let viewWasOpen = false;

  before(async () => {
    api = (await activeExtension()).exports as OkgApi;
    await openUntitled('yaml', 'plain: true\n');
    viewWasOpen = api.statusBarShown();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (viewWasOpen) await vscode.commands.executeCommand('workbench.view.extension.okg');
  });

  it('is hidden in a plain YAML file and shown in a filter', async () => {
    await openUntitled('yaml', 'replicas: 3\nkind: Deployment\n');
    await expectShown(api, false, 'with a plain YAML file active and the view closed');
    await openFixture('idle.kgfilter');
    await expectShown(api, true, 'with a .kgfilter active');
  });

  it('is shown in OKG YAML, and once a plain YAML file names OKG', async () => {
    await openUntitled('yaml', 'apiVersion: game.kruise.io/v1alpha1\nkind: GameServerSet\n');
    await expectShown(api, true, 'with a GameServerSet YAML active');
    const plain = await openUntitled('yaml', 'kind: GameServerSet\n');
    await expectShown(api, false, 'with a YAML file that does not name game.kruise.io');
    await plain.edit((b) => b.insert(new vscode.Position(0, 0), 'apiVersion: game.kruise.io/v1alpha1\n'));
    await expectShown(api, true, 'after the apiVersion was typed in');
  });

  it('is shown while the GameServers view is visible', async () => {
    await openUntitled('yaml', 'plain: again\n');
    await expectShown(api, false, 'with a plain YAML file active and the view closed');
    await vscode.commands.executeCommand('workbench.view.extension.okg');
    await expectShown(api, true, 'with the GameServers view open');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await expectShown(api, false, 'after the view was closed');
  });
});
