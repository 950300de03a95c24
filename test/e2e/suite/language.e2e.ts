/// <reference types="mocha" />
// The language features through the real client and dist/server.js: the extension activates,
// a filter with an unknown field gets a diagnostic, completion offers the GameServer fields and,
// once connected, the cluster's names and images that the client sends the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, sandboxObjects, waitFor, workspaceUri, connectedApi } from './harness';

async function completionLabels(doc: vscode.TextDocument, offset: number): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset));
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/^"|"$/g, ''));
}

describe('language features', () => {
  it('the extension under development is present and activates', async () => {
    const ext = await activeExtension();
    assert.equal(ext.isActive, true, 'okg-tools.okg-tools did not become active');
  });

  it('an unknown filter field gets an error diagnostic on that key', async () => {
    const editor = await openFixture('unknown-field.kgfilter');
    const uri = editor.document.uri;
    assert.equal(editor.document.languageId, 'kgfilter', 'unknown-field.kgfilter did not open as kgfilter');
    const errors = await waitFor(
      'an error diagnostic on unknown-field.kgfilter',
      () => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        return found.length > 0 ? found : undefined;
      },
      30_000,
      () => JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message)),
    );
    const keyStart = editor.document.getText().indexOf('"opState"');
    const keyRange = new vscode.Range(editor.document.positionAt(keyStart), editor.document.positionAt(keyStart + '"opState"'.length));
    const onKey = errors.find((d) => d.range.intersection(keyRange) !== undefined);
    assert.ok(onKey, `no error on the key "opState"; got ${JSON.stringify(errors.map((d) => [d.message, d.range.start.character, d.range.end.character]))}`);
    assert.match(onKey.message, /opState/, `the message does not name the unknown key: ${onKey.message}`);
  });

  it('completion of a filter key offers the GameServer fields', async () => {
    const editor = await openFixture('complete.kgfilter');
    // Inside the empty key string `""` of `{"": ...}`.
    const position = editor.document.positionAt(editor.document.getText().indexOf('""') + 1);
    const expected = ['opsState', 'currentState', 'updatePriority', 'deletionPriority', 'images', 'namespace', 'name', 'currentNetworkState'];
    const labels = await waitFor(
      'completion items for a filter key',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
        const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/^"|"$/g, ''));
        return expected.every((e) => names.includes(e)) ? names : undefined;
      },
      30_000,
    );
    assert.ok(labels.length > 0);
  });

  it('completion of name and images values offers what the cluster holds, sent by the client', async () => {
    await connectedApi();
    // The session watches the kubeconfig context's namespace, and the client sends what it holds.
    const servers = await sandboxObjects('GameServer', 'default');
    const names = servers.map((o) => o.metadata.name);
    const images = [
      ...new Set(servers.flatMap((o) => (o.status?.podStatus?.containerStatuses ?? []).map((c: { name: string; image: string }) => `${c.name},${c.image}`))),
    ];
    assert.ok(
      names.length > 0 && images.length > 0,
      `sandbox precondition: GameServers with container statuses, got ${names.length} names and ${images.length} images`,
    );
    const text = '{"$or": [{"name": ""}, {"images": {"$all": [""]}}]}';
    const uri = workspaceUri('e2e-values.kgfilter');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const doc = (await vscode.window.showTextDocument(uri)).document;
    const nameAt = text.indexOf('""') + 1;
    const imageAt = text.lastIndexOf('""') + 1;
    let last: string[] = [];
    const offers = (offset: number, wanted: string[]) => async () => {
      last = await completionLabels(doc, offset);
      return wanted.every((w) => last.includes(w)) ? true : undefined;
    };
    await waitFor('name completion to offer every GameServer name in the sandbox', offers(nameAt, names), 30_000, () => JSON.stringify(last));
    await waitFor('images completion to offer every container,image pair in the sandbox', offers(imageAt, images), 30_000, () => JSON.stringify(last));
  });
});
