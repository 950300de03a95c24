/// <reference types="mocha" />
// The journal and the History view in the real VS Code against the sandbox: an apply is listed,
// Revert restores the objects exactly, and an object changed since the apply is refused, named
// and left as the other writer set it while the others are restored.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApplySummary } from '../../../client/src/commands/apply-summary';
import type { RevertResult } from '../../../client/src/commands/revert-entry';
import type { OkgApi } from '../../../client/src/test-api';
import { sandboxMutate, sandboxObjects, waitFor, workspaceUri, connectedApi } from './harness';

async function writeFixture(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  return uri;
}

/** What a revert must restore: everything but what the server moves on every write, and status. */
function restorable(o: any): unknown {
  const { resourceVersion: _rv, generation: _g, managedFields: _m, ...metadata } = o.metadata;
  return { metadata, spec: o.spec };
}

async function snapshot(names: string[], namespace: string): Promise<Map<string, unknown>> {
  const all = await sandboxObjects('GameServer', namespace);
  return new Map(all.filter((o) => names.includes(o.metadata.name)).map((o) => [o.metadata.name as string, restorable(o)]));
}

/** The patch: a spec field and a label whose key holds a `/`, each with the run's own value. */
function patchText(value: number): string {
  return JSON.stringify([
    { op: 'replace', path: '/spec/updatePriority', value },
    {
      op: 'add',
      path: '/metadata/labels/e2e.okg.io~1history',
      value: `v${value}`,
    },
  ]);
}

describe('History', () => {
  let api: OkgApi;
  let names: string[];
  let namespace: string;

  before(async () => {
    api = await connectedApi();
    // Objects no other suite changes the spec or labels of.
    namespace = 'default';
    names = ['minecraft-1', 'minecraft-2', 'minecraft-3'];
    const shown = await waitFor('GameServers in the view', () => (api.visibleGameServers().length ? api.visibleGameServers() : undefined), 20_000);
    assert.ok(
      names.every((n) => shown.includes(`${namespace}/${n}`)),
      `sandbox precondition: ${names.join(', ')} in the view; it holds ${shown.join(', ')}`,
    );
  });

  after(async () => {
    const previews = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('OKG preview: '));
    if (previews.length) await vscode.window.tabGroups.close(previews);
  });

  async function apply(value: number): Promise<string> {
    const filterUri = await writeFixture('e2e-history.kgfilter', JSON.stringify({ name: { $in: names } }));
    const patchUri = await writeFixture(`e2e-history-${value}.kgpatch`, patchText(value));
    const summary = await vscode.commands.executeCommand<ApplySummary | undefined>('okg.applyPatch', { patchUri, filterUri, confirm: () => true });
    assert.deepEqual([summary?.changed, summary?.failed], [3, 0], `the apply of ${names.join(', ')} in ${namespace} to record: ${summary?.message}`);
    const row = await waitFor(
      `the History view to list the apply of e2e-history-${value}.kgpatch`,
      () => api.history().find((e) => e.label.includes(`e2e-history-${value}.kgpatch`)),
      10_000,
      () => JSON.stringify(api.history().map((e) => e.label)),
    );
    assert.equal(api.history()[0].id, row.id, 'the newest entry is not listed first');
    assert.match(row.label, /^(\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d · .* · 3 changed$/, 'the row does not read "time · what · 3 changed"');
    assert.deepEqual(
      row.objects.map((o) => [o.key, o.outcome]).sort(),
      names.map((n) => [`${namespace}/${n}`, 'changed']).sort(),
      'the entry does not list each object as changed',
    );
    return row.id;
  }

  it('lists an apply, and Revert restores every object exactly', async () => {
    const before = await snapshot(names, namespace);
    const id = await apply(31);
    const result = await vscode.commands.executeCommand<RevertResult | undefined>('okg.history.revert', id, { confirm: () => true });
    assert.deepEqual(result?.refused, [], 'objects no one changed since were refused');
    assert.deepEqual([result?.summary?.changed, result?.summary?.failed], [3, 0], `the revert: ${result?.summary?.message}`);
    const after = await snapshot(names, namespace);
    for (const n of names) assert.deepEqual(after.get(n), before.get(n), `${n} is not as it was before the apply`);
    await waitFor(
      'the revert to be listed',
      () => api.history().find((e) => e.label.includes('Revert of') && e.label.includes('e2e-history-31.kgpatch')),
      10_000,
    );
  });

  it('refuses and names an object changed since the apply, and restores the others', async () => {
    const before = await snapshot(names, namespace);
    const id = await apply(32);
    const [changed, ...others] = names;
    await sandboxMutate('GameServer', namespace, changed, [{ op: 'replace', path: '/spec/updatePriority', value: 99 }]);
    const result = await vscode.commands.executeCommand<RevertResult | undefined>('okg.history.revert', id, { confirm: () => true });
    assert.deepEqual(
      result?.refused.map((r) => `${r.namespace}/${r.name}`),
      [`${namespace}/${changed}`],
      'the object changed since was not the one refused',
    );
    assert.match(result?.refused[0]?.reason ?? '', /changed since the apply/, 'the refusal does not say why');
    assert.deepEqual([result?.summary?.changed, result?.summary?.failed], [2, 0], `the revert: ${result?.summary?.message}`);
    const after = await snapshot(names, namespace);
    for (const n of others) assert.deepEqual(after.get(n), before.get(n), `${n} is not as it was before the apply`);
    const left = (await sandboxObjects('GameServer', namespace)).find((o) => o.metadata.name === changed);
    assert.equal(left?.spec.updatePriority, 99, `${changed} was overwritten although it changed since the apply`);
    assert.equal(left?.metadata.labels?.['e2e.okg.io/history'], 'v32', `${changed} was partly reverted`);
    // The suites after this one find the object as the sandbox made it.
    const was = before.get(changed) as { spec: { updatePriority?: number } };
    await sandboxMutate('GameServer', namespace, changed, [
      {
        op: 'add',
        path: '/spec/updatePriority',
        value: was.spec.updatePriority ?? 0,
      },
      { op: 'remove', path: '/metadata/labels/e2e.okg.io~1history' },
    ]);
  });

  it('copies an entry as kgctl commands, one per distinct change', async () => {
    const row = api.history().find((e) => e.label.includes('e2e-history-32.kgpatch') && !e.label.includes('Revert'));
    assert.ok(row, 'the apply of e2e-history-32.kgpatch is no longer listed');
    const text = await vscode.commands.executeCommand<string>('okg.history.copyAsKgctl', row.id);
    assert.equal(await vscode.env.clipboard.readText(), text, 'the clipboard does not hold the commands');
    const commands = text.split('\n').filter((l) => l.startsWith('kgctl '));
    assert.equal(commands.length, 1, `expected one command for one distinct change: ${text}`);
    assert.ok(
      names.every((n) => commands[0].includes(`"${n}"`)),
      `the command does not name every object: ${commands[0]}`,
    );
  });
});
