/// <reference types="mocha" />
// Where a new user starts: OKG: New Filter and OKG: New Patch open untitled documents the language
// server finds nothing wrong with; the walkthrough is contributed, its pages ship and every command
// it links to is registered. (The UI pass opens it with OKG: Get Started and looks at it.)
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { WALKTHROUGH_ID } from '../../../client/src/commands/get-started';
import type { RunFilterResult } from '../../../client/src/commands/run-filter';
import { activeExtension, waitFor } from './harness';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

const linkedCommands = (text: string): string[] => [...text.matchAll(/\(command:([^)?\s]+)/g)].map((m) => m[1]);
const completingCommands = (step: Step): string[] => (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice(10));

/** Errors and warnings: a starting point should show neither. */
const problems = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
const described = (uri: vscode.Uri) => JSON.stringify(problems(uri).map((d) => `line ${d.range.start.line + 1}: ${d.message}`));

async function closeWithoutSaving(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await waitFor(`${doc.uri.toString()} to close`, () => (vscode.workspace.textDocuments.includes(doc) && !doc.isClosed ? undefined : true), 10_000);
}

/** Runs `command`, checks the document it opens, and that the language server reports nothing on it. */
async function opensCleanStarter(command: string, language: string, garbage: string): Promise<vscode.TextDocument> {
  await activeExtension();
  await vscode.commands.executeCommand(command);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, `${command} opened no editor`);
  const doc = editor.document;
  assert.equal(doc.languageId, language, `${command} opened a document in language ${doc.languageId}`);
  assert.ok(doc.isUntitled, `${command} opened ${doc.uri.toString()}, not an untitled document`);
  assert.ok(doc.uri.path.endsWith(`.${language}`), `${command} opened ${doc.uri.toString()}: Save would not propose a .${language} name`);
  assert.match(doc.getText(), /^\/\/ /, `${command}'s document does not open with a comment saying what to do`);
  const starter = doc.getText();
  // Diagnostics come after a quiet time, and none yet looks like none at all. So: break the text and
  // see the server's error arrive, then mend it: the error can only go when the mended text is checked.
  const end = doc.positionAt(starter.length);
  await editor.edit((e) => e.insert(end, garbage));
  await waitFor(`the language server to report the text appended to ${command}'s document`, () => (problems(doc.uri).length > 0 ? true : undefined), 30_000);
  await editor.edit((e) => e.delete(new vscode.Range(end, doc.positionAt(doc.getText().length))));
  assert.equal(doc.getText(), starter, 'the document was not mended back to the starter');
  await waitFor(
    `no error or warning on ${command}'s starter`,
    () => (problems(doc.uri).length === 0 ? true : undefined),
    30_000,
    () => described(doc.uri),
  );
  return doc;
}

describe('onboarding', () => {
  it('OKG: New Filter opens an untitled kgfilter with no error or warning, which Run Filter runs', async () => {
    const doc = await opensCleanStarter('okg.newFilter', 'kgfilter', '\n{}');
    try {
      const result = await vscode.commands.executeCommand<RunFilterResult>('okg.runFilter', { filterUri: doc.uri.toString() });
      assert.equal(result?.ran, true, `Run Filter did not run the untitled starter: ${JSON.stringify(result)}`);
    } finally {
      await vscode.commands.executeCommand('okg.clearFilter');
      await closeWithoutSaving(doc);
    }
  });

  it('OKG: New Patch opens an untitled kgpatch with no error or warning', async () => {
    const doc = await opensCleanStarter('okg.newPatch', 'kgpatch', '\n[]');
    await closeWithoutSaving(doc);
  });

  it('the walkthrough is contributed, its pages ship, and every command it or the view welcome links to is registered', async () => {
    const ext = await activeExtension();
    const walkthrough = (ext.packageJSON.contributes?.walkthroughs ?? []).find((w: { id: string }) => w.id === 'okg.gettingStarted');
    assert.ok(walkthrough, 'no walkthrough okg.gettingStarted in the extension manifest');
    assert.equal(`${ext.id}#${walkthrough.id}`, WALKTHROUGH_ID, 'OKG: Get Started names another walkthrough');
    const steps: Step[] = walkthrough.steps;
    assert.ok(steps.length >= 5, `only ${steps.length} steps`);
    for (const step of steps) {
      const page = step.media.markdown;
      assert.ok(page && existsSync(join(ext.extensionPath, page)), `step ${step.id}: its page ${page} is not in the extension`);
    }
    const linked = [
      ...steps.flatMap((s) => [...linkedCommands(s.description), ...completingCommands(s)]),
      ...(ext.packageJSON.contributes.viewsWelcome as { contents: string }[]).flatMap((w) => linkedCommands(w.contents)),
    ];
    for (const c of ['okg.newFilter', 'okg.runFilter', 'okg.newPatch', 'okg.applyPatch', 'okg.selectContext', 'okg.getStarted']) {
      assert.ok(linked.includes(c), `nothing in the walkthrough or the view welcome links to ${c}`);
    }
    const registered = new Set(await vscode.commands.getCommands(false));
    const missing = [...new Set(linked)].filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], 'linked but not registered');
  });
});
