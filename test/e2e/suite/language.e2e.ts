/// <reference types="mocha" />
// The language features through the real client and dist/server.js: the extension activates,
// a filter with an unknown field gets a diagnostic, completion offers the GameServer fields.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, waitFor } from './harness';

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
});
