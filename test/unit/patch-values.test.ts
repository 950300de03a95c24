// Values checked against the schema at their path (ajv), with ranges inside the value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPatch } from '../../server/src/engine/patch';
import { runCase, type PatchCase } from './patch-fixtures';

const GSS = 'GameServerSet' as const;

const cases: PatchCase[] = [
  { name: 'largest float64', patch: '[{"op":"replace","path":"/spec/updatePriority","value":1.7976931348623157e308}]', code: 'number-out-of-range' },
  {
    name: 'priority beyond float64',
    patch: '[{"op":"replace","path":"/spec/updatePriority","value":1e400}]',
    code: 'number-out-of-range',
    expect: { severity: 'error', at: '1e400' },
  },
  {
    name: 'negative number beyond float64 deep in a value',
    kind: GSS,
    code: 'number-out-of-range',
    patch: '[{"op":"add","path":"/spec/gameServerTemplate/spec/x","value":{"a":[1,-1e400]}}]',
    expect: { severity: 'error', at: '-1e400' },
  },
  {
    name: 'test value beyond float64',
    patch: '[{"op":"test","path":"/spec/deletionPriority","value":2e308}]',
    code: 'number-out-of-range',
    expect: { severity: 'error', at: '2e308' },
  },
  { name: 'boolean for networkDisabled', patch: [{ op: 'replace', path: '/spec/networkDisabled', value: true }], code: 'invalid-value' },
  {
    name: 'string for networkDisabled',
    patch: [{ op: 'replace', path: '/spec/networkDisabled', value: 'true' }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '"true"' },
  },
  { name: 'int priority', patch: [{ op: 'replace', path: '/spec/updatePriority', value: 10 }], code: 'invalid-value' },
  { name: 'string priority', patch: [{ op: 'replace', path: '/spec/updatePriority', value: '10' }], code: 'invalid-value' },
  {
    name: 'boolean priority',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: false }],
    code: 'invalid-value',
    expect: { severity: 'error', at: 'false' },
  },
  {
    name: 'fractional priority',
    patch: [{ op: 'replace', path: '/spec/deletionPriority', value: 1.5 }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '1.5' },
  },
  { name: 'replicas at least 0', kind: GSS, patch: [{ op: 'replace', path: '/spec/replicas', value: 0 }], code: 'invalid-value' },
  {
    name: 'negative replicas',
    kind: GSS,
    patch: [{ op: 'replace', path: '/spec/replicas', value: -1 }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '-1' },
  },
  {
    name: 'known enum value',
    kind: GSS,
    patch: [{ op: 'replace', path: '/spec/updateStrategy/rollingUpdate/podUpdatePolicy', value: 'InPlaceIfPossible' }],
    code: 'invalid-value',
  },
  {
    name: 'enum near miss',
    kind: GSS,
    patch: [{ op: 'replace', path: '/spec/gameServerTemplate/reclaimPolicy', value: 'delete' }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '"delete"', data: { replacement: 'Delete' } },
  },
  { name: 'int-or-string reserve ids', kind: GSS, patch: [{ op: 'replace', path: '/spec/reserveGameServerIds', value: [1, '3-5'] }], code: 'invalid-value' },
  { name: 'append an id', kind: GSS, patch: [{ op: 'add', path: '/spec/reserveGameServerIds/-', value: '7-9' }], code: 'invalid-value' },
  {
    name: 'append an object as id',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/reserveGameServerIds/-', value: { id: 1 } }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '{"id":1}' },
  },
  { name: 'string label value', patch: [{ op: 'add', path: '/metadata/labels/tier', value: 'gold' }], code: 'invalid-value' },
  {
    name: 'number as label value',
    patch: [{ op: 'add', path: '/metadata/labels/tier', value: 3 }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '3' },
  },
  {
    name: 'whole container override',
    patch: [{ op: 'add', path: '/spec/containers', value: [{ name: 'game', image: 'game:2', resources: { limits: { cpu: '2', memory: '4Gi' } } }] }],
    code: 'invalid-value',
  },
  {
    name: 'typo inside an object value',
    patch: [{ op: 'add', path: '/spec/containers/-', value: { name: 'game', imgae: 'game:2' } }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '"imgae"', data: { replacement: 'image' } },
  },
  {
    name: 'required member missing',
    patch: [{ op: 'add', path: '/spec/containers/0', value: { image: 'game:2' } }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '{"image":"game:2"}' },
  },
  {
    name: 'nested service quality',
    kind: GSS,
    patch: [
      {
        op: 'add',
        path: '/spec/serviceQualities/-',
        value: {
          name: 'idle',
          containerName: 'game',
          permanent: false,
          exec: { command: ['cat', '/tmp/idle'] },
          serviceQualityAction: [{ state: true, result: 'idle', opsState: 'WaitToBeDeleted' }],
        },
      },
    ],
    code: 'invalid-value',
  },
  {
    name: 'nested service quality with a bad action',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction', value: [{ state: 'yes' }] }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '"yes"' },
  },
  {
    name: 'free pod template spec',
    kind: GSS,
    patch: [{ op: 'replace', path: '/spec/gameServerTemplate/spec', value: { containers: [{ name: 'g', image: 'i' }], anything: { goes: 1 } } }],
    code: 'invalid-value',
  },
  {
    name: 'typed container image in the template',
    kind: GSS,
    patch: [{ op: 'replace', path: '/spec/gameServerTemplate/spec/containers/0/image', value: 7 }],
    code: 'invalid-value',
    expect: { severity: 'error', at: '7' },
  },
  { name: 'RFC 3339 time', patch: [{ op: 'test', path: '/metadata/creationTimestamp', value: '2026-01-12T02:30:05Z' }], code: 'test-value-invalid' },
  {
    name: 'test value of the wrong type',
    patch: [{ op: 'test', path: '/spec/networkDisabled', value: 'no' }],
    code: 'test-value-invalid',
    expect: { severity: 'warning', at: '"no"' },
  },
  { name: 'test value of the wrong type is not an error', patch: [{ op: 'test', path: '/spec/networkDisabled', value: 'no' }], code: 'invalid-value' },
];

for (const c of cases) test(`values: ${c.name}`, () => runCase(c));

test('values: a 200-op patch is checked in a few milliseconds once validators are compiled', () => {
  const ops = Array.from(
    { length: 200 },
    (_, i) =>
      [
        { op: 'test', path: '/spec/opsState', value: 'None' },
        { op: 'replace', path: '/spec/opsState', value: 'WaitToBeDeleted' },
        { op: 'replace', path: '/spec/updatePriority', value: i },
        { op: 'add', path: `/metadata/labels/batch-${i}`, value: 'b' },
        { op: 'add', path: '/spec/containers/-', value: { name: `c${i}`, image: 'game:2' } },
      ][i % 5],
  );
  const text = JSON.stringify(ops, null, 2);
  assert.equal(checkPatch(text, 'GameServer').ok, true);
  const runs = 20;
  const start = performance.now();
  for (let i = 0; i < runs; i++) checkPatch(text, 'GameServer');
  const perCheck = (performance.now() - start) / runs;
  // Measured about 1-2 ms here; the bound leaves room for a loaded shared machine.
  assert.ok(perCheck < 50, `200-op check took ${perCheck.toFixed(2)} ms`);
});

test('values: messages name the path, the expected type and what was found', () => {
  const messages: [string, unknown, string][] = [
    ['/spec/opsState', null, '/spec/opsState must be a string, not null.'],
    ['/spec/networkDisabled', 'yes', '/spec/networkDisabled must be a boolean, not string "yes".'],
    ['/spec/updatePriority', [1], '/spec/updatePriority must be an integer or string, not an array.'],
    ['/spec/deletionPriority', 2.5, '/spec/deletionPriority must be an integer or string, not number 2.5.'],
  ];
  for (const [path, value, want] of messages) {
    const r = checkPatch(JSON.stringify([{ op: 'replace', path, value }]), 'GameServer');
    assert.deepEqual(
      r.problems.map((p) => p.message),
      [want],
      `${path} = ${JSON.stringify(value)}`,
    );
  }
});
