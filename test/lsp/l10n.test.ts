// The language server speaks the locale the client sends at initialize: a zh-cn client gets
// Chinese diagnostics, hovers, completion details and quick-fix titles, with field names, kinds
// and opsState values left as they are, and the schemas' field descriptions from their zh-cn overlay;
// a client that sends no locale gets English.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverText, LspHarness } from './harness';

let n = 0;

describe('a zh-cn client', () => {
  test('gets diagnostics, hovers, completion details and quick-fix titles in Chinese', async () => {
    const h = await LspHarness.start({ locale: 'zh-cn' });
    try {
      const filter = h.open(`f${n++}.kgfilter`, '{"updatePriority": {"$gte": 10}}');
      const [op] = (await h.diagnostics(filter)).filter((d) => d.code === 'unknown-operator');
      assert.equal(op?.message, '"$gte" 不是操作符；kruise-game-api 使用 "$ge"', 'a filter diagnostic');
      const titles = (await h.codeActions(filter, [op])).map((a) => a.title);
      assert.deepEqual(titles, ['改为 "$ge"'], 'the quick fix title');

      const { uri, position } = h.openAt(`f${n++}.kgfilter`, '{"ops|State": "None"}');
      const hover = hoverText(await h.hover(uri, position));
      assert.match(hover, /\*\*opsState\*\* · `string` · 读取 `\.spec\.opsState`/, hover);
      assert.match(hover, /运维状态，由用户或服务质量动作设置。保留值：None、WaitToBeDeleted、Maintaining、Allocated、Kill/, hover);
      assert.match(hover, /示例：/, hover);

      const at = h.openAt(`f${n++}.kgfilter`, '{"|"}');
      const items = await h.completion(at.uri, at.position);
      const field = items.find((i) => i.label === 'currentState' && i.labelDetails === undefined);
      assert.equal(field?.detail, 'string · 读取 .status.currentState', 'a completion detail');

      const patch = h.open(`p${n++}.kgpatch`, '[{"op": "replace", "path": "/status/currentState", "value": "Ready"}]');
      const [status] = await h.diagnostics(patch);
      assert.match(
        status?.message ?? '',
        /^\/status\/currentState 位于 \/status 之下，而 API 服务器会在对 GameServer 或 GameServerSet 的补丁中忽略它/,
        'a patch diagnostic',
      );

      const yaml = h.open(
        `s${n++}.yaml`,
        [
          'apiVersion: game.kruise.io/v1alpha1',
          'kind: GameServerSet',
          'metadata:',
          '  name: game',
          'spec:',
          '  replicas: 1',
          '  updateStrategy:',
          '    type: OnDelete',
          '    rollingUpdate:',
          '      partition: 0',
          '  gameServerTemplate:',
          '    spec:',
          '      containers:',
          '        - name: game',
          '          image: game:1',
          '',
        ].join('\n'),
      );
      const onDelete = (await h.diagnostics(yaml)).find((d) => d.code === 'on-delete-with-rolling-update');
      assert.match(onDelete?.message ?? '', /^`OnDelete` 会被忽略：只要设置了 `rollingUpdate`，OKG 就会把工作负载设为 RollingUpdate。/, 'a YAML diagnostic');
    } finally {
      h.close();
    }
  });

  test('gets the schema field descriptions of YAML and patch hovers and path completions in Chinese', async () => {
    const h = await LspHarness.start({ locale: 'zh-cn' });
    try {
      const manifest = ['apiVersion: game.kruise.io/v1alpha1', 'kind: GameServerSet', 'metadata:', '  name: game', 'spec:', '  repl|icas: 1', ''];
      const yaml = h.openAt(`s${n++}.yaml`, manifest.join('\n'));
      const yamlHover = hoverText(await h.hover(yaml.uri, yaml.position));
      assert.match(yamlHover, /\*\*replicas\*\* · `integer`\n\n游戏服的数量（副本数）。必填，至少为 0。`kubectl scale` 也会设置它/, yamlHover);

      const patch = h.openAt(`p${n++}.kgpatch`, '[{"op": "replace", "path": "/spec/ops|State", "value": "None"}]');
      const patchHover = hoverText(await h.hover(patch.uri, patch.position));
      assert.match(patchHover, /游戏服的运维状态。保留值：None、WaitToBeDeleted、Maintaining、Allocated、Kill（区分大小写）/, patchHover);
      assert.match(patchHover, /保留值：None, WaitToBeDeleted/, `the hover's framing is no longer Chinese: ${patchHover}`);

      const path = h.openAt(`p${n++}.kgpatch`, '[{"op": "replace", "path": "/spec/|"}]');
      const segment = (await h.completion(path.uri, path.position)).find((i) => i.label === 'deletionPriority');
      const doc = segment?.documentation;
      const docText = typeof doc === 'string' ? doc : (doc?.value ?? '');
      assert.match(docText, /^删除优先级：缩容时值越大越先删除（在 opsState 之后）/, `the deletionPriority segment's documentation: ${docText}`);
    } finally {
      h.close();
    }
  });

  test('a later client without a locale gets English again', async () => {
    const h = await LspHarness.start();
    try {
      const filter = h.open(`f${n++}.kgfilter`, '{"deletionPriority": {"$lte": 1}}');
      const [op] = (await h.diagnostics(filter)).filter((d) => d.code === 'unknown-operator');
      assert.equal(op?.message, '"$lte" is not an operator; kruise-game-api uses "$le"');
      const patch = h.openAt(`p${n++}.kgpatch`, '[{"op": "replace", "path": "/spec/ops|State", "value": "None"}]');
      const patchHover = hoverText(await h.hover(patch.uri, patch.position));
      assert.match(patchHover, /Operations state of the game server\. Reserved values: None/, `the schema description is not English again: ${patchHover}`);
    } finally {
      h.close();
    }
  });
});
