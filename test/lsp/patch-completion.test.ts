import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkPatch, OPS_STATES } from '../../server/src/engine';
import { patchSnippets } from '../../server/src/features/patch-snippets';
import { insertedText, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function complete(marked: string, suffix = '.kgpatch') {
  const { uri, position } = h.openAt(`p${n++}${suffix}`, marked);
  return h.completion(uri, position);
}

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('.kgpatch completion', () => {
  test('op values', async () => {
    const items = await complete('[{"op": "|"}]');
    assert.deepEqual(labels(items), ['add', 'remove', 'replace', 'move', 'copy', 'test']);
    assert.equal(insertedText(items.find((i) => i.label === 'replace')!), '"replace"');
  });

  test('member keys: the ones the op uses and is missing', async () => {
    assert.deepEqual(labels(await complete('[{"op": "remove", |}]')), ['path']);
    assert.deepEqual(labels(await complete('[{"op": "move", "path": "/spec", "|"}]')), ['from']);
    assert.deepEqual(labels(await complete('[{|}]')), ['op', 'path', 'value', 'from']);
  });

  test('path segment by segment from the GameServer schema', async () => {
    const root = await complete('[{"op": "replace", "path": "|"}]');
    assert.deepEqual(labels(root).sort(), ['apiVersion', 'kind', 'metadata', 'spec', 'status'].filter((k) => labels(root).includes(k)).sort());
    assert.ok(labels(root).includes('spec'), `spec among ${labels(root)}`);
    assert.equal(insertedText(root.find((i) => i.label === 'spec')!), '/spec/', 'a leading slash is added, and a trailing one for what lies below');
    const spec = await complete('[{"op": "replace", "path": "/spec/|"}]');
    assert.deepEqual(labels(spec), ['opsState', 'updatePriority', 'deletionPriority', 'networkDisabled', 'containers']);
    const ops = spec.find((i) => i.label === 'opsState')!;
    assert.equal(ops.detail, 'string');
    assert.match(JSON.stringify(ops.documentation), /Reserved values/);
    assert.deepEqual(ops.textEdit && 'range' in ops.textEdit && ops.textEdit.range, { start: { line: 0, character: 34 }, end: { line: 0, character: 34 } });
  });

  test('accepting a segment with segments below writes its slash and reopens the list; a leaf does neither', async () => {
    const root = await complete('[{"op": "replace", "path": "/|"}]');
    const spec = root.find((i) => i.label === 'spec')!;
    assert.equal(insertedText(spec), 'spec/', 'spec ends with a slash');
    assert.equal(spec.command?.command, 'editor.action.triggerSuggest', 'accepting spec reopens the list');
    assert.equal(spec.filterText, 'spec', 'the slash is not part of what the typed word is matched against');
    const kind = root.find((i) => i.label === 'kind')!;
    assert.deepEqual([insertedText(kind), kind.command], ['kind', undefined], 'a string leaf: no slash, no new list');
    const below = await complete('[{"op": "replace", "path": "/spec/|"}]');
    const leaf = below.find((i) => i.label === 'opsState')!;
    assert.deepEqual([insertedText(leaf), leaf.command], ['opsState', undefined], 'opsState is a leaf');
    const containers = below.find((i) => i.label === 'containers')!;
    const array = [insertedText(containers), containers.command?.command];
    assert.deepEqual(array, ['containers/', 'editor.action.triggerSuggest'], 'an array leads on to its indexes');
    const indexes = await complete('[{"op": "add", "path": "/spec/containers/|"}]');
    assert.deepEqual(
      indexes.map((i) => [i.label, insertedText(i), i.command?.command ?? '']),
      [
        ['0', '0/', 'editor.action.triggerSuggest'],
        ['-', '-', ''],
      ],
      'an element with fields leads on; `-` names no element, so nothing lies below it',
    );
    const meta = await complete('[{"op": "add", "path": "/metadata/|"}]');
    const map = meta.find((i) => i.label === 'labels')!;
    assert.deepEqual([insertedText(map), map.command], ['labels', undefined], 'a map has no keys to offer below it');
  });

  test('in the middle of a path the accepted segment only replaces the one being typed', async () => {
    const items = await complete('[{"op": "replace", "path": "/sp|/opsState"}]');
    const spec = items.find((i) => i.label === 'spec')!;
    assert.deepEqual([insertedText(spec), spec.command], ['spec', undefined], 'the slash is there already');
  });

  test('right after a whole segment with segments below, completion offers those, not the segment again', async () => {
    const { uri, position } = h.openAt(`p${n++}.kgpatch`, '[{"op": "replace", "path": "/spec|"}]');
    const items = await h.completion(uri, position);
    assert.deepEqual(labels(items), ['opsState', 'updatePriority', 'deletionPriority', 'networkDisabled', 'containers'], "spec's fields");
    const ops = items.find((i) => i.label === 'opsState')!;
    assert.equal(insertedText(ops), '/opsState', 'written after the segment with its slash');
    assert.deepEqual(ops.textEdit && 'range' in ops.textEdit && ops.textEdit.range, { start: position, end: position }, 'inserted at the caret');
    assert.equal(ops.filterText, '/opsState', 'matched against what is typed from the caret on');
    assert.deepEqual(labels(await complete('[{"op": "add", "path": "/spec/containers|"}]')), ['0', '-'], 'an array: its indexes');
    assert.ok(labels(await complete('[{"op": "add", "path": "/spec/opsState|"}]')).includes('updatePriority'), 'a leaf: its siblings, as before');
    assert.ok(labels(await complete('[{"op": "add", "path": "/sp|"}]')).includes('spec'), 'a partial segment: the segments it may become');
  });

  test('a segment being typed is replaced up to the next slash', async () => {
    const items = await complete('[{"op": "replace", "path": "/spec/ops|State/x"}]');
    const ops = items.find((i) => i.label === 'opsState')!;
    assert.deepEqual(ops.textEdit && 'range' in ops.textEdit && ops.textEdit.range, { start: { line: 0, character: 34 }, end: { line: 0, character: 42 } });
  });

  test('arrays offer an index and -; GameServerSet paths come from its schema', async () => {
    assert.deepEqual(labels(await complete('[{"op": "add", "path": "/spec/containers/|"}]')), ['0', '-']);
    const gss = await complete('[{"op": "replace", "path": "/spec/|"}]', '.gss.kgpatch');
    assert.ok(labels(gss).includes('replicas') && labels(gss).includes('serviceQualities'), `${labels(gss)}`);
    assert.ok(!labels(gss).includes('opsState'), 'no GameServer fields for a GameServerSet');
    assert.deepEqual(await complete('[{"op": "replace", "path": "/nope/|"}]'), [], 'nothing below an unknown segment');
  });

  test('value from the schema at the path: reserved opsState values, booleans, enums', async () => {
    assert.deepEqual(labels(await complete('[{"op": "replace", "path": "/spec/opsState", "value": "|"}]')), [...OPS_STATES]);
    assert.deepEqual(labels(await complete('[{"op": "add", "path": "/spec/networkDisabled", "value": |}]')), ['true', 'false']);
    const types = labels(await complete('[{"op": "replace", "path": "/spec/updateStrategy", "value": {"type": |}}]', '.gss.kgpatch'));
    assert.ok(types.includes('RollingUpdate') && types.includes('OnDelete'), `${types}`);
    const keys = labels(await complete('[{"op": "add", "path": "/spec/containers/-", "value": {|}}]'));
    assert.ok(keys.includes('name') && keys.includes('image'), `${keys}`);
  });

  test('snippets for the common operations, and every snippet passes the checks', async () => {
    const inArray = await complete('[|]');
    for (const label of ['Set opsState', 'Set priorities', 'Disable the network', 'Override a container image']) {
      assert.ok(labels(inArray).includes(label), `${label} offered`);
    }
    const empty = await complete('|');
    assert.match(insertedText(empty.find((i) => i.label === 'Set opsState')!), /^\[\n\t\{"op": "replace", "path": "\/spec\/opsState", "value": "None"\}\n\]$/);
    for (const kind of ['GameServer', 'GameServerSet'] as const) {
      for (const s of patchSnippets(kind)) {
        const text = `[${insertedText({ label: s.label, insertText: s.body, insertTextFormat: 2 })}]`;
        const problems = checkPatch(text, kind).problems.filter((p) => p.severity !== 'info');
        assert.deepEqual(problems, [], `${kind} snippet "${s.label}" expands to a clean patch: ${text}`);
      }
    }
  });
});
