/// <reference types="mocha" />
// Run Filter in the real VS Code against the sandbox: the view shows exactly the filter's
// matches, follows the cluster live, and an invalid filter does not run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OkgApi } from '../../../client/src/test-api';
import { connectedApi, sandboxMutate, sandboxObjects, waitFor, workspaceUri } from './harness';

async function writeFixture(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

describe('GameServer view: Run Filter', () => {
  let api: OkgApi;

  before(async () => {
    api = await connectedApi();
  });

  after(() => vscode.commands.executeCommand('okg.clearFilter'));

  it('shows exactly the matching GameServers and stays live', async () => {
    // Other tests may have changed these servers: set the states this test starts from.
    for (const name of ['minecraft-0', 'minecraft-2', 'minecraft-3']) {
      await sandboxMutate('GameServer', 'default', name, [{ op: 'replace', path: '/spec/opsState', value: 'None' }]);
    }
    await sandboxMutate('GameServer', 'default', 'minecraft-1', [{ op: 'replace', path: '/spec/opsState', value: 'Maintaining' }]);
    const uri = await writeFixture('e2e-idle-minecraft.kgfilter', JSON.stringify({ $and: [{ opsState: 'None' }, { name: { $regex: '^minecraft-' } }] }));
    const expected = async () =>
      (await sandboxObjects('GameServer', 'default'))
        .filter((o) => o.spec?.opsState === 'None' && /^minecraft-/.test(o.metadata.name))
        .map((o) => `default/${o.metadata.name}`)
        .sort();
    const want = await expected();
    assert.ok(want.length >= 2 && !want.includes('default/minecraft-1'), `fixture precondition: idle minecraft servers are ${JSON.stringify(want)}`);

    const result = await vscode.commands.executeCommand<{ ran: boolean }>('okg.runFilter', { filterUri: uri });
    assert.equal(result.ran, true, 'Run Filter did not run a valid filter');
    await waitFor(
      `the view to show exactly ${JSON.stringify(want)}`,
      () => (sameList([...api.visibleGameServers()].sort(), want) ? true : undefined),
      20_000,
      () => JSON.stringify(api.visibleGameServers()),
    );
    assert.equal(api.matchCount(), want.length, 'the match count differs from the GameServers shown');

    // Live: a match that stops matching leaves the view without running the filter again.
    const leaving = want[want.length - 1].split('/')[1];
    await sandboxMutate('GameServer', 'default', leaving, [{ op: 'replace', path: '/spec/opsState', value: 'Allocated' }]);
    const wantNow = await expected();
    assert.ok(!wantNow.includes(`default/${leaving}`), `sandbox precondition: ${leaving} is no longer idle`);
    await waitFor(
      `the view to drop ${leaving}`,
      () => (sameList([...api.visibleGameServers()].sort(), wantNow) ? true : undefined),
      20_000,
      () => JSON.stringify(api.visibleGameServers()),
    );
  });

  it('does not run an invalid filter', async () => {
    await vscode.commands.executeCommand('okg.clearFilter');
    const before = api.visibleGameServers();
    const uri = await writeFixture('e2e-invalid.kgfilter', '{"opsState": {"$gte": "None"}}');
    const result = await vscode.commands.executeCommand<{ ran: boolean }>('okg.runFilter', { filterUri: uri });
    assert.equal(result.ran, false, 'an invalid filter was run');
    assert.deepEqual(api.visibleGameServers(), before, 'the view changed after a refused filter');
  });

  it('runs the filter in the active tab when the text editor in focus is not a filter (the Output panel)', async () => {
    await vscode.commands.executeCommand('okg.clearFilter');
    const uri = await writeFixture('e2e-active-tab.kgfilter', JSON.stringify({ name: { $regex: '^minecraft-' } }));
    await vscode.window.showTextDocument(uri, { preview: false });
    await vscode.commands.executeCommand('workbench.panel.output.focus');
    await waitFor(
      'the Output panel to be the active text editor',
      () => (vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.languageId !== 'kgfilter' ? true : undefined),
      10_000,
      () => String(vscode.window.activeTextEditor?.document.uri),
    );
    // No pick may open: a command run from the palette acts on the file the user sees.
    const result = await Promise.race([
      vscode.commands.executeCommand<{ ran: boolean }>('okg.runFilter'),
      new Promise<'asked'>((done) => setTimeout(() => done('asked'), 10_000)),
    ]);
    if (result === 'asked') {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.fail('Run Filter asked which filter to run although a filter was the active tab');
    }
    assert.equal(result.ran, true, 'Run Filter did not run the filter in the active tab');
    const want = (await sandboxObjects('GameServer', 'default'))
      .filter((o) => /^minecraft-/.test(o.metadata.name))
      .map((o) => `default/${o.metadata.name}`)
      .sort();
    await waitFor(
      `the view to show exactly the active tab's matches ${JSON.stringify(want)}`,
      () => (sameList([...api.visibleGameServers()].sort(), want) ? true : undefined),
      20_000,
      () => JSON.stringify(api.visibleGameServers()),
    );
  });
});
