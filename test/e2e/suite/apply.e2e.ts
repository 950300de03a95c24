/// <reference types="mocha" />
// Apply Patch to Matches in the real VS Code against the sandbox: one diff entry per match,
// exactly the matches changed once confirmed, an object changed between preview and apply
// reported and left as the other writer set it, and the decision waiting beside the open preview
// (not in a modal) until Apply, with Cancel, closing the preview or a newer preview writing nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplySummary } from '../../../client/src/commands/apply-summary';
import type { PreviewFacts } from '../../../client/src/commands/preview-and-apply';
import type { OkgApi } from '../../../client/src/test-api';
import { sandboxMutate, sandboxObjects, waitFor, workspaceUri, connectedApi } from './harness';

async function writeFixture(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

const key = (o: any) => `${o.metadata.namespace}/${o.metadata.name}`;

function namesFilter(names: string[]): string {
  return JSON.stringify({ name: { $in: names } });
}

function priorityPatch(value: number, field = 'updatePriority'): string {
  return JSON.stringify([{ op: 'replace', path: `/spec/${field}`, value }]);
}

const allTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

/** The open tab of the preview titled `title` (the multi-file diff editor adds its file count). */
const previewTab = (title: string) => allTabs().find((t) => t.label.startsWith(`${title} (`));

/** The command's result once it ends; fails naming `what` if it still waits after `ms`. */
async function endsWithin<T>(running: Thenable<T>, what: string, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: the command still waited for a decision after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([running, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('Apply Patch to Matches', () => {
  let api: OkgApi;

  before(async () => {
    api = await connectedApi();
  });

  // The suites after this one start from a window without previews.
  after(async () => {
    const previews = allTabs().filter((t) => t.label.startsWith('OKG preview: '));
    if (previews.length) await vscode.window.tabGroups.close(previews);
  });

  it('previews one diff entry per match, then changes exactly those objects', async () => {
    const before = new Map((await sandboxObjects('GameServer')).map((o) => [key(o), o]));
    const targets = ['default/battle-royale-0', 'default/battle-royale-2'];
    assert.ok(
      targets.every((t) => before.has(t)),
      `sandbox precondition: ${targets.join(', ')} exist`,
    );
    const filterUri = await writeFixture('e2e-two.kgfilter', namesFilter(['battle-royale-0', 'battle-royale-2']));
    const patchUri = await writeFixture('e2e-priority.kgpatch', priorityPatch(7));
    let seen: PreviewFacts | undefined;
    const summary = await vscode.commands.executeCommand<ApplySummary | undefined>('okg.applyPatch', {
      patchUri,
      filterUri,
      confirm: (facts: PreviewFacts) => {
        seen = facts;
        return true;
      },
    });

    assert.deepEqual([...(seen?.keys ?? [])].sort(), targets, 'the confirmation did not see exactly the matches');
    const preview = api.lastRun().preview;
    assert.deepEqual([...(preview?.entries ?? [])].sort(), targets, 'the diff preview does not hold one entry per match');
    // VS Code's multi-file diff editor counts its entries in the tab label.
    const label = `${preview?.title} (2 files)`;
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === label);
    assert.ok(tab, `no editor tab labelled ${label}; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`);

    assert.ok(summary, 'the command returned no summary');
    assert.deepEqual([summary.changed, summary.changedSincePreview, summary.failed, summary.cancelled], [2, 0, 0, 0], summary.message);
    const after = await sandboxObjects('GameServer');
    for (const obj of after) {
      const k = key(obj);
      if (targets.includes(k)) assert.equal(obj.spec.updatePriority, 7, `${k} was not patched`);
      else assert.deepEqual(obj.spec, before.get(k)?.spec, `${k} is not a match but its spec changed`);
    }
  });

  it('reports an object changed between preview and apply and does not overwrite it', async () => {
    const filterUri = await writeFixture('e2e-race.kgfilter', namesFilter(['battle-royale-1', 'battle-royale-3']));
    const patchUri = await writeFixture('e2e-priority-9.kgpatch', priorityPatch(9));
    const summary = await vscode.commands.executeCommand<ApplySummary | undefined>('okg.applyPatch', {
      patchUri,
      filterUri,
      // Another writer changes one previewed object while the user reads the diff.
      confirm: async () => {
        await sandboxMutate('GameServer', 'default', 'battle-royale-3', [{ op: 'replace', path: '/spec/updatePriority', value: 42 }]);
        return true;
      },
    });
    assert.ok(summary, 'the command returned no summary');
    assert.deepEqual([summary.changed, summary.changedSincePreview, summary.failed], [1, 1, 0], summary.message);
    assert.match(summary.message, /1 had changed since the preview/);
    const now = new Map((await sandboxObjects('GameServer', 'default')).map((o) => [o.metadata.name, o]));
    assert.equal(now.get('battle-royale-1')?.spec.updatePriority, 9, 'the unchanged match was not patched');
    assert.equal(now.get('battle-royale-3')?.spec.updatePriority, 42, 'the object changed since the preview was overwritten');
  });

  it('waits beside its open preview: nothing is written until Apply Previewed Changes, then exactly the matches change', async () => {
    const targets = ['default/battle-royale-0', 'default/battle-royale-1'];
    const filterUri = await writeFixture('e2e-wait.kgfilter', namesFilter(['battle-royale-0', 'battle-royale-1']));
    const patchUri = await writeFixture('e2e-deletion-4.kgpatch', priorityPatch(4, 'deletionPriority'));
    const before = JSON.stringify(await sandboxObjects('GameServer'));
    const running = vscode.commands.executeCommand<ApplySummary | undefined>('okg.applyPatch', { patchUri, filterUri });
    const pending = await waitFor('the preview to await a decision', () => api.pendingDecision(), 30_000);
    assert.equal(pending.question, 'Apply to 2 GameServers in okg-sandbox?', 'the question does not name the count and the context');
    await waitFor(
      `the preview tab ${pending.title}`,
      () => previewTab(pending.title),
      10_000,
      () =>
        allTabs()
          .map((t) => t.label)
          .join(' | '),
    );
    assert.deepEqual([...(api.lastRun().preview?.entries ?? [])].sort(), targets, 'the waiting preview does not hold one entry per match');
    assert.equal(JSON.stringify(await sandboxObjects('GameServer')), before, 'the cluster changed while the decision was pending');

    await vscode.commands.executeCommand('okg.preview.apply');
    const summary = await endsWithin(running, 'Apply Previewed Changes');
    assert.ok(summary, 'Apply Previewed Changes applied nothing');
    assert.deepEqual([summary.changed, summary.changedSincePreview, summary.failed], [2, 0, 0], summary.message);
    assert.equal(api.pendingDecision(), undefined, 'a decision is still pending after Apply');
    const now = new Map((await sandboxObjects('GameServer', 'default')).map((o) => [`default/${o.metadata.name}`, o.spec.deletionPriority]));
    assert.deepEqual(
      targets.map((t) => now.get(t)),
      [4, 4],
      'the matches were not patched',
    );
  });

  it('Cancel, closing the preview and a newer preview each end the wait with nothing written', async () => {
    const filterUri = await writeFixture('e2e-cancel.kgfilter', namesFilter(['battle-royale-0', 'battle-royale-1']));
    const patchUri = await writeFixture('e2e-deletion-8.kgpatch', priorityPatch(8, 'deletionPriority'));
    const otherPatch = await writeFixture('e2e-deletion-9.kgpatch', priorityPatch(9, 'deletionPriority'));
    const before = JSON.stringify(await sandboxObjects('GameServer'));
    const start = (patch: vscode.Uri) => vscode.commands.executeCommand<ApplySummary | undefined>('okg.applyPatch', { patchUri: patch, filterUri });
    const pendingFor = async (patch: vscode.Uri) => {
      const name = patch.path.split('/').pop() ?? '';
      return waitFor(
        `a decision pending on ${name}`,
        () => (api.pendingDecision()?.title.includes(name) ? api.pendingDecision() : undefined),
        30_000,
        () => JSON.stringify(api.pendingDecision()),
      );
    };

    const cancelled = start(patchUri);
    await pendingFor(patchUri);
    await vscode.commands.executeCommand('okg.preview.cancel');
    assert.equal(await endsWithin(cancelled, 'Cancel Previewed Changes'), undefined, 'Cancel Previewed Changes still applied');

    const closed = start(patchUri);
    const waiting = await pendingFor(patchUri);
    const tab = await waitFor(
      'the preview tab',
      () => previewTab(waiting.title),
      10_000,
      () =>
        allTabs()
          .map((t) => t.label)
          .join(' | '),
    );
    await vscode.window.tabGroups.close(tab);
    assert.equal(await endsWithin(closed, 'closing the preview'), undefined, 'closing the preview still applied');

    const replaced = start(patchUri);
    await pendingFor(patchUri);
    const newer = start(otherPatch);
    assert.equal(await endsWithin(replaced, 'a newer preview'), undefined, 'a preview replaced by a newer one still applied');
    await pendingFor(otherPatch);
    await vscode.commands.executeCommand('okg.preview.cancel');
    assert.equal(await endsWithin(newer, 'Cancel on the newer preview'), undefined, 'Cancel on the newer preview still applied');

    assert.equal(api.pendingDecision(), undefined, 'a decision is still pending');
    assert.equal(JSON.stringify(await sandboxObjects('GameServer')), before, 'a preview that was not applied changed the cluster');
  });
});
