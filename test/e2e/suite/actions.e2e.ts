/// <reference types="mocha" />
// What guards and per-GameServer actions do in the real VS Code against the sandbox: refused
// patches and kind mismatches change nothing, Set opsState goes through preview and apply,
// Open as YAML follows the cluster.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplySummary } from '../../../client/src/commands/apply-summary';
import type { OkgApi } from '../../../client/src/test-api';
import { sandboxMutate, sandboxObjects, waitFor, workspaceUri, connectedApi } from './harness';

async function writeFixture(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

/** A GameServer row as the view hands it to its context-menu commands. */
function row(namespace: string, name: string) {
  return { kind: 'gameServer', id: `gs/${namespace}/${name}`, namespace, name, object: {} };
}

describe('guards and GameServer actions', () => {
  let api: OkgApi;

  before(async () => {
    api = await connectedApi();
  });

  it('refuses a patch with errors and a patch whose kind differs from the filter, changing nothing', async () => {
    const before = JSON.stringify(await sandboxObjects('GameServer'));
    const previewBefore = api.lastRun().preview;
    const filterUri = await writeFixture('e2e-guard.kgfilter', '{"name": "minecraft-0"}');
    const badPatch = await writeFixture('e2e-bad.kgpatch', '[{"op": "replace", "path": "/spec/opState", "value": "Kill"}]');
    const refused = await vscode.commands.executeCommand('okg.applyPatch', { patchUri: badPatch, filterUri, confirm: false });
    assert.equal(refused, undefined, 'a patch with an unknown path was applied');
    const setPatch = await writeFixture('e2e-sets.gss.kgpatch', '[{"op": "replace", "path": "/spec/replicas", "value": 1}]');
    const mismatched = await vscode.commands.executeCommand('okg.applyPatch', { patchUri: setPatch, filterUri, confirm: false });
    assert.equal(mismatched, undefined, 'a GameServerSet patch was applied to GameServer matches');
    assert.equal(api.lastRun().preview, previewBefore, 'a refused patch still opened a preview');
    assert.equal(JSON.stringify(await sandboxObjects('GameServer')), before, 'a refused patch changed the sandbox');
  });

  it('Set opsState changes the chosen GameServers through preview and apply', async () => {
    const summary = await vscode.commands.executeCommand<ApplySummary | undefined>(
      'okg.setOpsState',
      row('default', 'battle-royale-2'),
      [row('default', 'battle-royale-2'), row('default', 'battle-royale-3')],
      {
        opsState: 'Maintaining',
        confirm: false,
      },
    );
    assert.ok(summary, 'Set opsState returned no summary');
    assert.equal(summary.changed, 2, summary.message);
    assert.deepEqual([...(api.lastRun().preview?.entries ?? [])].sort(), ['default/battle-royale-2', 'default/battle-royale-3']);
    const now = new Map((await sandboxObjects('GameServer', 'default')).map((o) => [o.metadata.name, o.spec.opsState]));
    assert.deepEqual([now.get('battle-royale-2'), now.get('battle-royale-3')], ['Maintaining', 'Maintaining']);
  });

  it('Open as YAML shows the object and follows changes', async () => {
    await vscode.commands.executeCommand('okg.openYaml', row('default', 'battle-royale-1'));
    const doc = vscode.window.activeTextEditor?.document;
    assert.equal(doc?.uri.scheme, 'okg-object', `the active editor is ${doc?.uri.toString()}`);
    assert.match(doc.getText(), /name: battle-royale-1/);
    await sandboxMutate('GameServer', 'default', 'battle-royale-1', [{ op: 'replace', path: '/spec/deletionPriority', value: 55 }]);
    await waitFor(
      'the YAML to show the new deletionPriority',
      () => (/deletionPriority: 55/.test(doc.getText()) ? true : undefined),
      20_000,
      () =>
        doc
          .getText()
          .split('\n')
          .filter((l) => l.includes('Priority'))
          .join(' | '),
    );
  });

  it('credentials in a kubeconfig never show in the error the log and the status bar give', async () => {
    const secrets = ['s3cr3t-pass', 'qu3ry-t0ken', 'b3arer-t0ken'];
    const file = workspaceUri('e2e-secret-kubeconfig');
    // An address nothing listens on, with userinfo and a query in it, and a bearer token.
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'current-context: leaky',
      'clusters:',
      `- name: leaky\n  cluster:\n    server: https://admin:${secrets[0]}@127.0.0.1:1/?token=${secrets[1]}\n    insecure-skip-tls-verify: true`,
      `users:\n- name: leaky\n  user:\n    token: ${secrets[2]}`,
      'contexts:\n- name: leaky\n  context:\n    cluster: leaky\n    user: leaky',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, Buffer.from(kubeconfig, 'utf8'));
    const config = vscode.workspace.getConfiguration('okg');
    try {
      await config.update('kubeconfig', file.fsPath, vscode.ConfigurationTarget.Global);
      const message = await waitFor(
        'an error for the unreachable cluster',
        () => (api.clusterState() !== 'ready' && api.clusterState() !== 'loading' ? api.lastError() : undefined),
        30_000,
        () => api.clusterState(),
      );
      for (const secret of secrets) assert.ok(!message.includes(secret), `the error shows a secret: ${message}`);
      assert.match(message, /127\.0\.0\.1/, `the error names the address tried: ${message}`);
    } finally {
      await config.update('kubeconfig', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      'the view to load again',
      () => (api.clusterState() === 'ready' ? true : undefined),
      30_000,
      () => api.clusterState(),
    );
  });

  it('okg.kubeconfig naming a missing file shows the no-kubeconfig state, and clearing it reconnects', async () => {
    const config = vscode.workspace.getConfiguration('okg');
    try {
      await config.update('kubeconfig', workspaceUri('no-such-kubeconfig').fsPath, vscode.ConfigurationTarget.Global);
      await waitFor(
        'the noKubeconfig state',
        () => (api.clusterState() === 'noKubeconfig' ? true : undefined),
        20_000,
        () => api.clusterState(),
      );
      assert.deepEqual(api.visibleGameServers(), [], 'GameServers are still shown without a kubeconfig');
    } finally {
      await config.update('kubeconfig', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      'the view to load again',
      () => (api.clusterState() === 'ready' && api.visibleGameServers().length > 0 ? true : undefined),
      30_000,
      () => api.clusterState(),
    );
  });
});
