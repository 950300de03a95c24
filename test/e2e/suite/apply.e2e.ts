/// <reference types="mocha" />
// Apply Patch to Matches in the real VS Code against the sandbox: one diff entry per match,
// exactly the matches changed once confirmed, and an object changed between preview and apply
// reported and left as the other writer set it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplySummary } from '../../../client/src/commands/applySummary';
import type { PreviewFacts } from '../../../client/src/commands/previewAndApply';
import type { OkgApi } from '../../../client/src/testApi';
import { activeExtension, sandboxMutate, sandboxObjects, waitFor, workspaceUri } from './harness';

async function writeFixture(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

const key = (o: any) => `${o.metadata.namespace}/${o.metadata.name}`;

function namesFilter(names: string[]): string {
  return JSON.stringify({ name: { $in: names } });
}

function priorityPatch(value: number): string {
  return JSON.stringify([{ op: 'replace', path: '/spec/updatePriority', value }]);
}

describe('Apply Patch to Matches', () => {
  let api: OkgApi;

  before(async () => {
    api = (await activeExtension()).exports as OkgApi;
    await api.connect();
    await waitFor('the session to load from the sandbox', () => (api.clusterState() === 'ready' ? true : undefined), 30_000, () => api.clusterState());
  });

  it('previews one diff entry per match, then changes exactly those objects', async () => {
    const before = new Map((await sandboxObjects('GameServer')).map((o) => [key(o), o]));
    const targets = ['default/battle-royale-0', 'default/battle-royale-2'];
    assert.ok(targets.every((t) => before.has(t)), `sandbox precondition: ${targets.join(', ')} exist`);
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
});
