import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLUSTER_VALUES_NOTIFICATION, type ClusterValues } from '../../server/src/protocol';
import { eventually } from '../wait';
import { gameServerSetYaml, LspHarness } from './harness';

const gss = gameServerSetYaml;

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function labelsAt(marked: string, suffix = '.kgfilter', harness = h): Promise<string[]> {
  const { uri, position } = harness.openAt(`v${n++}${suffix}`, marked);
  return (await harness.completion(uri, position)).map((i) => i.label);
}

/** Completion labels once they are non-empty (values arrive asynchronously), within two seconds. */
async function labelsOnceAny(marked: string, suffix = '.kgfilter', harness = h): Promise<string[]> {
  let labels: string[] = [];
  await eventually(async () => ((labels = await labelsAt(marked, suffix, harness)).length > 0 ? '' : 'no labels yet'), 2000);
  return labels;
}

describe('cluster values for .kgfilter completion', () => {
  test('without a cluster, images come from the GameServerSet YAML open in the workspace', async () => {
    assert.deepEqual(await labelsAt('{"namespace": "|"}'), [], 'no namespaces before the cluster sends any');
    h.open(
      'gss.yaml',
      `${gss('game', [
        ['game', 'registry.example.com/game:1.2.0'],
        ['sidecar', 'busybox:1.37'],
      ])}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n`,
    );
    h.open(
      'deploy.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n',
    );
    assert.deepEqual(await labelsOnceAny('{"images": {"$all": ["|"]}}'), ['game,registry.example.com/game:1.2.0', 'sidecar,busybox:1.37']);
  });

  test('an edited GameServerSet YAML is read again when saved', async () => {
    const uri = h.open('edited.yaml', gss('edited', [['game', 'game:1']]));
    h.change(uri, gss('edited', [['game', 'game:2']]));
    h.save(uri);
    const images = async () => (await labelsAt('{"images": ["|"]}', '.gss.kgfilter')).filter((l) => l.startsWith('game,game:'));
    await eventually(async () => ((await images()).includes('game,game:2') ? '' : 'game:2 not offered yet'), 2000);
    assert.deepEqual(await images(), ['game,game:2']);
  });

  test('values sent by the client replace the fallbacks, per field and kind', async () => {
    const values: ClusterValues = {
      namespaces: ['default', 'games'],
      names: ['game-0', 'game-1'],
      images: ['game,registry.example.com/game:1.3.0'],
      gssNames: ['game'],
    };
    await h.notify(CLUSTER_VALUES_NOTIFICATION.method, values);
    assert.deepEqual(await labelsOnceAny('{"namespace": "|"}'), ['default', 'games']);
    assert.deepEqual(await labelsAt('{"$or": [{"name": {"$in": ["|"]}}]}'), ['game-0', 'game-1']);
    assert.deepEqual(await labelsAt('{"name": "|"}', '.gss.kgfilter'), ['game']);
    assert.deepEqual(await labelsAt('{"images": ["|"]}'), ['game,registry.example.com/game:1.3.0']);
  });

  test('malformed values are dropped without harming the server', async () => {
    await h.notify(CLUSTER_VALUES_NOTIFICATION.method, { namespaces: 'default', names: [1, null, 'ok', ''], images: [{}], gssNames: null });
    await h.notify(CLUSTER_VALUES_NOTIFICATION.method, null);
    await h.notify(CLUSTER_VALUES_NOTIFICATION.method, { namespaces: 'x', names: [1, 'kept'] });
    assert.deepEqual(await labelsOnceAny('{"name": "|"}'), ['kept']);
    assert.deepEqual(await labelsAt('{"namespace": "|"}'), []);
  });
});

describe('workspace scan at initialize', () => {
  test('reads *.yaml / *.yml under the folders, skipping node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'okg-scan-'));
    try {
      mkdirSync(join(dir, 'deploy', 'prod'), { recursive: true });
      mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
      writeFileSync(join(dir, 'deploy', 'prod', 'gss.yml'), gss('prod', [['game', 'registry.example.com/game:2.0.0']]));
      writeFileSync(join(dir, 'deploy', 'broken.yaml'), 'apiVersion: game.kruise.io/v1alpha1\nkind: [unclosed\n');
      writeFileSync(join(dir, 'node_modules', 'pkg', 'gss.yaml'), gss('dep', [['x', 'never:offered']]));
      const scanned = await LspHarness.start({ folder: dir, scanWorkspace: true });
      try {
        assert.deepEqual(await labelsOnceAny('{"images": {"$eq": ["|"]}}', '.gss.kgfilter', scanned), ['game,registry.example.com/game:2.0.0']);
      } finally {
        scanned.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
