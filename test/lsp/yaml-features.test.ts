// The three YAML features called directly: completion labels, hover text and diagnostic codes in
// GameServerSet / GameServer documents, and nothing at all for any other YAML.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, Position } from 'vscode-languageserver';
import { yamlCompletion, yamlDiagnostics, yamlHover } from '../../server/src/features/yaml';
import { CLEAN_GS, CLEAN_GSS, edit } from '../unit/manifest-fixtures';

/** The text without its `|` cursor marker, and the cursor's position. */
function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0 && marked.indexOf('|', at + 1) < 0, 'exactly one | marks the cursor');
  const before = marked.slice(0, at);
  const line = before.split('\n').length - 1;
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line, character: at - (before.lastIndexOf('\n') + 1) } };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function hoverText(marked: string): string {
  const { text, position } = cursor(marked);
  const hover = yamlHover(text, position);
  assert.ok(hover, `a hover at ${JSON.stringify(position)}`);
  const contents = hover.contents as { value: string };
  return contents.value;
}

describe('yaml completion', () => {
  test('keys of a service quality, without those already written', () => {
    const { text, position } = cursor(edit(CLEAN_GSS, '      periodSeconds: 5\n', '      per|\n'));
    const got = labels(yamlCompletion(text, position));
    for (const key of ['periodSeconds', 'timeoutSeconds', 'httpGet', 'tcpSocket']) {
      assert.ok(got.includes(key), `offers ${key}: ${got.join(', ')}`);
    }
    for (const key of ['name', 'containerName', 'permanent', 'exec', 'serviceQualityAction']) assert.ok(!got.includes(key), `does not offer ${key} again`);
    const item = yamlCompletion(text, position).find((i) => i.label === 'periodSeconds');
    assert.match(String((item?.documentation as { value: string }).value), /default/, 'periodSeconds has its description');
  });

  test('a new service quality offers the whole-entry snippet, indented under its dash', () => {
    const { text, position } = cursor(edit(CLEAN_GSS, '  serviceQualities:\n', '  serviceQualities:\n    - |\n'));
    const items = yamlCompletion(text, position);
    assert.equal(items[0].label, 'service quality (exec probe)', 'snippet first');
    const edit0 = items[0].textEdit as { newText: string };
    assert.match(edit0.newText, /^name: \$\{1:healthy\}\n {2}containerName:/, 'second line indented by the dash width');
    assert.ok(labels(items).includes('containerName'), 'and the keys');
  });

  test('reserved opsState values in an action', () => {
    const { text, position } = cursor(edit(CLEAN_GSS, 'opsState: Maintaining', 'opsState: Ma|'));
    const items = yamlCompletion(text, position);
    assert.deepEqual(labels(items), ['None', 'WaitToBeDeleted', 'Maintaining', 'Allocated', 'Kill'], 'reserved values');
    assert.match(String((items[4].documentation as { value: string }).value), /deletes this game server/, 'Kill explained');
  });

  test('enum values and booleans at value positions', () => {
    const policy = cursor(edit(CLEAN_GSS, 'podUpdatePolicy: InPlaceIfPossible', 'podUpdatePolicy: |'));
    assert.deepEqual(labels(yamlCompletion(policy.text, policy.position)), ['ReCreate', 'InPlaceIfPossible', 'InPlaceOnly'], 'podUpdatePolicy');
    const permanent = cursor(edit(CLEAN_GSS, 'permanent: true', 'permanent: |'));
    assert.deepEqual(labels(yamlCompletion(permanent.text, permanent.position)), ['true', 'false'], 'permanent');
  });

  test('keys of spec and of a GameServer spec', () => {
    const gss = cursor(edit(CLEAN_GSS, '  replicas: 4\n', '  replicas: 4\n  |\n'));
    const got = labels(yamlCompletion(gss.text, gss.position));
    assert.ok(got.includes('serviceName') && got.includes('lifecycle'), `spec keys: ${got.join(', ')}`);
    assert.ok(!got.includes('replicas') && !got.includes('serviceQualities'), 'present keys left out');
    const gs = cursor(edit(CLEAN_GS, '  networkDisabled: false\n', '  |\n'));
    assert.ok(labels(yamlCompletion(gs.text, gs.position)).includes('networkDisabled'), 'GameServer spec keys');
  });

  test('nothing in other YAML, including another document of the same file', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n';
    const alone = cursor(deployment);
    assert.deepEqual(yamlCompletion(alone.text, alone.position), [], 'a Deployment alone');
    const mixed = cursor(`${CLEAN_GSS}---\n${deployment}`);
    assert.deepEqual(yamlCompletion(mixed.text, mixed.position), [], 'a Deployment after a GameServerSet');
  });
});

describe('yaml hover', () => {
  test('a key shows its type and description', () => {
    const text = hoverText(edit(CLEAN_GSS, 'reserveGameServerIds:', 'reserveGame|ServerIds:'));
    assert.match(text, /^\*\*reserveGameServerIds\*\* · `array of integer or string`/, text);
    assert.match(text, /disables the whole list/, 'explains the trap');
  });

  test('a reserved opsState value shows what OKG does with it', () => {
    assert.match(hoverText(edit(CLEAN_GSS, 'opsState: WaitToBeDeleted', 'opsState: WaitTo|BeDeleted')), /Deleted first on scale-down/);
  });

  test('a list item is named by its list and index', () => {
    assert.match(hoverText(edit(CLEAN_GSS, '"5-7"', '"5|-7"')), /^\*\*reserveGameServerIds\[2\]\*\* · `integer or string`/);
  });

  test('an enum value shows the allowed values', () => {
    assert.match(hoverText(edit(CLEAN_GSS, 'scheme: HTTP', 'scheme: HT|TP')), /Allowed values: `HTTP`, `HTTPS`/);
  });

  test('nothing for other YAML or for unknown keys', () => {
    const other = cursor('apiVersion: v1\nkind: ConfigMap\nda|ta: {a: b}\n');
    assert.equal(yamlHover(other.text, other.position), null, 'ConfigMap');
    const unknown = cursor(edit(CLEAN_GSS, 'replicas: 4', 'repl|icaz: 4'));
    assert.equal(yamlHover(unknown.text, unknown.position), null, 'unknown key');
  });
});

describe('yaml diagnostics', () => {
  test('codes and ranges of manifest problems, as LSP diagnostics', () => {
    const text = edit(edit(CLEAN_GSS, 'name: http-ready', 'name: idle'), 'opsState: Maintaining', 'opsState: maintaining');
    const diagnostics = yamlDiagnostics(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['sq-name-duplicate', 'ops-state-near-miss'], 'codes');
    assert.ok(diagnostics.every((d) => d.source === 'okg'), 'source');
    assert.deepEqual(diagnostics.map((d) => d.severity), [1, 2], 'error, warning');
    assert.deepEqual(diagnostics[1].data, { replacement: 'Maintaining' }, 'quick-fix data');
  });

  test('nothing for YAML without OKG documents', () => {
    assert.deepEqual(yamlDiagnostics('apiVersion: v1\nkind: ConfigMap\ndata: [unclosed\n'), [], 'broken ConfigMap');
  });
});
