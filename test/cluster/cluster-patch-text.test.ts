// What goes over the wire in a JSON Patch: the API server compares a `test` of a string as JSON
// text against the stored value written by Go, which escapes <, > and & (and U+2028/9). A guard
// on a value holding them (a URL with a query string in an annotation) must still pass.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterClient } from '../../client/src/cluster/api';
import { PatchRunner } from '../../client/src/cluster/patch-runner';
import { startSandbox, type Sandbox } from '../sandbox';
import { clientFor } from './sandbox-client';

const TRICKY = 'https://dash.example.com/?server=a&view=<players>\u2028';

describe('patch text on the wire', () => {
  let sb: Sandbox;
  let client: ClusterClient;
  before(async () => {
    sb = await startSandbox({ sets: 1, replicas: 2, namespaces: ['default'], seed: 5 });
    client = clientFor(sb);
  });
  after(async () => {
    client.dispose();
    await sb.close();
  });

  it('a test of a string with <, > and & passes against the same stored string', async () => {
    const [gs] = sb.objects('GameServer');
    sb.mutate('GameServer', gs.metadata.namespace, gs.metadata.name, (o) => (o.metadata.annotations = { ...o.metadata.annotations, dash: TRICKY }));
    const after = await client.patch('GameServer', gs.metadata.namespace, gs.metadata.name, [
      { op: 'test', path: '/metadata/annotations/dash', value: TRICKY },
      { op: 'replace', path: '/spec/opsState', value: 'Maintaining' },
    ]);
    assert.equal((after.spec as { opsState?: string }).opsState, 'Maintaining', 'the patch behind the test was applied');
    assert.equal((after.metadata.annotations as Record<string, string> | undefined)?.dash, TRICKY, 'the stored string is unchanged by the escapes');
  });

  it('a guarded write of such an annotation is applied, not reported as changed since the preview', async () => {
    const [, gs] = sb.objects('GameServer');
    sb.mutate('GameServer', gs.metadata.namespace, gs.metadata.name, (o) => (o.metadata.annotations = { ...o.metadata.annotations, dash: TRICKY }));
    const runner = new PatchRunner(client, 'GameServer');
    const ops = [{ op: 'replace' as const, path: '/metadata/annotations/dash', value: `${TRICKY}&more` }];
    const previews = await runner.preview([await client.get('GameServer', gs.metadata.namespace, gs.metadata.name)], ops);
    const [result] = await runner.apply(previews, ops);
    assert.equal(result?.outcome, 'changed', `the outcome is ${result?.outcome}: ${result?.error?.message ?? ''}`);
    assert.equal(sb.objects('GameServer').find((o) => o.metadata.name === gs.metadata.name)?.metadata.annotations?.dash, `${TRICKY}&more`);
  });
});
