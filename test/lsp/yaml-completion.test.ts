// Completion in GameServerSet / GameServer YAML through the server: keys from our schemas and, in the
// pod template, from the Kubernetes models; values; the service-quality snippet; and the text each
// accepted item leaves, which must still be YAML the checks accept.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver';
import { CLEAN_GS, CLEAN_GSS, edit } from '../unit/manifest-fixtures';
import { applyCompletion, LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function complete(marked: string): Promise<{ text: string; items: CompletionItem[] }> {
  const { uri, position, text } = h.openAt(`c${n++}.yaml`, marked);
  return { text, items: await h.completion(uri, position) };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function find(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `an item ${label} among ${labels(items).join(', ')}`);
  return found;
}

async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
  return h.settledDiagnostics(h.open(`r${n++}.yaml`, text));
}

/** The client-node model's fields, read here the way a reader of the Kubernetes API would list them. */
function modelFields(model: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- client-node's models have no typed entry
  const models = require('@kubernetes/client-node/dist/gen/models/all.js') as Record<string, { attributeTypeMap: { baseName: string }[] }>;
  return models[model].attributeTypeMap.map((a) => a.baseName);
}

describe('yaml value completion', () => {
  test('right after `key:` a value comes with the space YAML needs', async () => {
    const { text, items } = await complete(edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState:|'));
    assert.deepEqual(labels(items), ['None', 'WaitToBeDeleted', 'Maintaining', 'Allocated', 'Kill']);
    const fixed = applyCompletion(text, find(items, 'Kill'));
    assert.ok(
      fixed.includes('          opsState: Kill\n'),
      `opsState: Kill written: ${fixed.slice(fixed.indexOf('opsState: Kill') - 20, fixed.indexOf('opsState: Kill') + 20)}`,
    );
    assert.deepEqual(
      (await diagnosticsOf(fixed)).map((d) => d.code),
      [],
      'the result is a valid GameServerSet',
    );
  });

  test('after `key: ` the space is not doubled', async () => {
    const { text, items } = await complete(edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: |'));
    assert.equal(applyCompletion(text, find(items, 'Allocated')), edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: Allocated'));
    const typed = await complete(edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: Ma|'));
    assert.equal(applyCompletion(typed.text, find(typed.items, 'Maintaining')), CLEAN_GSS, 'a typed prefix is replaced');
  });

  test('reserved opsState values are explained', async () => {
    const { items } = await complete(edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: Ma|'));
    assert.match(String((find(items, 'Kill').documentation as { value: string }).value), /deletes this game server/);
  });

  test('enum values and booleans', async () => {
    assert.deepEqual(labels((await complete(edit(CLEAN_GSS, 'podUpdatePolicy: InPlaceIfPossible', 'podUpdatePolicy: |'))).items), [
      'ReCreate',
      'InPlaceIfPossible',
      'InPlaceOnly',
    ]);
    const { text, items } = await complete(edit(CLEAN_GSS, 'permanent: true', 'permanent:|'));
    assert.deepEqual(labels(items), ['true', 'false'], 'permanent');
    assert.equal(applyCompletion(text, find(items, 'true')), CLEAN_GSS, '`permanent: true` restored');
  });
});

describe('yaml key completion', () => {
  test('keys of a service quality, without those already written, with descriptions', async () => {
    const { items } = await complete(edit(CLEAN_GSS, '      periodSeconds: 5\n', '      per|\n'));
    const got = labels(items);
    for (const key of ['periodSeconds', 'timeoutSeconds', 'httpGet', 'tcpSocket']) assert.ok(got.includes(key), `offers ${key}: ${got.join(', ')}`);
    for (const key of ['name', 'containerName', 'permanent', 'exec', 'serviceQualityAction']) assert.ok(!got.includes(key), `does not offer ${key} again`);
    assert.match(String((find(items, 'periodSeconds').documentation as { value: string }).value), /default/);
  });

  test('keys of spec and of a GameServer spec', async () => {
    const gss = labels((await complete(edit(CLEAN_GSS, '  replicas: 4\n', '  replicas: 4\n  |\n'))).items);
    assert.ok(gss.includes('serviceName') && gss.includes('lifecycle'), `spec keys: ${gss.join(', ')}`);
    assert.ok(!gss.includes('replicas') && !gss.includes('serviceQualities'), 'present keys left out');
    assert.ok(labels((await complete(edit(CLEAN_GS, '  networkDisabled: false\n', '  |\n'))).items).includes('networkDisabled'), 'GameServer spec keys');
  });

  test('inside a container of the pod template: the core/v1 Container keys not yet present', async () => {
    const { text, items } = await complete(
      edit(CLEAN_GSS, '          imagePullPolicy: IfNotPresent\n', '          imagePullPolicy: IfNotPresent\n          |\n'),
    );
    const present = ['name', 'image', 'imagePullPolicy', 'ports', 'resources'];
    const expected = modelFields('V1Container').filter((k) => !present.includes(k));
    assert.ok(expected.includes('livenessProbe') && expected.includes('volumeMounts'), 'the model knows the usual Container fields');
    assert.deepEqual([...labels(items)].sort(), [...expected].sort(), 'exactly the Container fields not yet written');
    assert.equal(find(items, 'livenessProbe').detail, 'Probe · core/v1 Container');
    assert.equal(find(items, 'env').detail, 'array of EnvVar · core/v1 Container');
    const withProbe = applyCompletion(text, find(items, 'livenessProbe'));
    assert.ok(withProbe.includes('          livenessProbe:\n            \n'), 'an object key opens a nested block');
  });

  test("a new container: our described keys with their descriptions, and the model's other keys", async () => {
    const { items } = await complete(edit(CLEAN_GSS, '        - name: sidecar\n', '        - |\n        - name: sidecar\n'));
    assert.match(String((find(items, 'image').documentation as { value: string }).value), /Image to run/, 'image with our description');
    assert.ok(labels(items).includes('command') && labels(items).includes('securityContext'), 'and the model fields');
    assert.equal(new Set(labels(items)).size, items.length, 'no key twice');
  });

  test('in the pod spec: the PodSpec fields; in the template metadata: only our schema', async () => {
    const spec = labels(
      (await complete(edit(CLEAN_GSS, '      terminationGracePeriodSeconds: 30\n', '      terminationGracePeriodSeconds: 30\n      |\n'))).items,
    );
    assert.deepEqual(
      [...spec].sort(),
      modelFields('V1PodSpec')
        .filter((k) => k !== 'terminationGracePeriodSeconds' && k !== 'containers')
        .sort(),
    );
    const metadata = labels((await complete(edit(CLEAN_GSS, '    metadata:\n      labels:\n        game: pve\n', '    metadata:\n      |\n'))).items);
    assert.deepEqual(metadata, ['labels', 'annotations'], 'server-set ObjectMeta fields are not offered');
  });
});

describe('yaml service-quality snippet', () => {
  test('after `- ` in serviceQualities: the whole entry, indented under its dash', async () => {
    const { text, items } = await complete(edit(CLEAN_GSS, '  serviceQualities:\n', '  serviceQualities:\n    - |\n'));
    assert.equal(items[0].label, 'service quality (exec probe)', 'snippet first');
    assert.match((items[0].textEdit as { newText: string }).newText, /^name: \$\{1:healthy\}\n {2}containerName:/);
    assert.ok(labels(items).includes('containerName'), 'and the keys');
    const fixed = applyCompletion(text, items[0]);
    assert.deepEqual(
      (await diagnosticsOf(fixed)).map((d) => d.code),
      [],
      'the inserted entry is a valid service quality',
    );
  });

  test('before the `- ` is typed: the snippet brings its own dash', async () => {
    const marked = CLEAN_GSS.slice(0, CLEAN_GSS.indexOf('  serviceQualities:')) + '  serviceQualities:\n    |\n';
    const { text, items } = await complete(marked);
    assert.deepEqual(labels(items), ['service quality (exec probe)']);
    const newText = (items[0].textEdit as { newText: string }).newText;
    assert.match(newText, /^- name: \$\{1:healthy\}\n {2}containerName:/, 'starts the list item');
    const fixed = applyCompletion(text, items[0]);
    assert.deepEqual(
      (await diagnosticsOf(fixed)).map((d) => d.code),
      [],
      'the inserted list item is a valid service quality',
    );
  });

  test('also above existing service qualities', async () => {
    const { items } = await complete(edit(CLEAN_GSS, '  serviceQualities:\n', '  serviceQualities:\n    |\n'));
    assert.deepEqual(labels(items), ['service quality (exec probe)']);
  });
});

describe('yaml completion elsewhere', () => {
  test('nothing in other YAML, including another document of the same file', async () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n';
    assert.deepEqual((await complete(deployment)).items, [], 'a Deployment alone');
    assert.deepEqual((await complete(`${CLEAN_GSS}---\n${deployment}`)).items, [], 'a Deployment after a GameServerSet');
  });
});
