// Paths checked against the GameServer / GameServerSet schemas.
import { test } from 'node:test';
import { runCase, type PatchCase } from './patch-fixtures';

const cases: PatchCase[] = [
  { name: 'known GS spec field', patch: [{ op: 'replace', path: '/spec/deletionPriority', value: 10 }], code: 'unknown-path-segment' },
  {
    name: 'misspelt GS spec field',
    patch: [{ op: 'replace', path: '/spec/opstate', value: 'None' }],
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: 'opstate', data: { replacement: '/spec/opsState' } },
  },
  {
    name: 'capitalised field (kubectl edit trap)',
    patch: [{ op: 'replace', path: '/spec/DeletionPriority', value: 10 }],
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: 'DeletionPriority', data: { replacement: '/spec/deletionPriority' } },
  },
  {
    name: 'unknown top-level field',
    patch: [{ op: 'add', path: '/spek', value: {} }],
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: 'spek', data: { replacement: '/spec' } },
  },
  { name: 'empty segment', patch: [{ op: 'remove', path: '/spec/' }], code: 'unknown-path-segment', expect: { severity: 'error', at: '/' } },
  { name: 'any key in labels', patch: [{ op: 'add', path: '/metadata/labels/game.kruise.io~1anything', value: 'x' }], code: 'unknown-path-segment' },
  { name: 'any key in annotations', patch: [{ op: 'remove', path: '/metadata/annotations/whatever' }], code: 'unknown-path-segment' },
  {
    name: 'any key in action labels',
    kind: 'GameServerSet',
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction/1/labels/gs-sync~1x', value: 'a' }],
    code: 'unknown-path-segment',
  },
  {
    name: 'any key inside the pod template spec',
    kind: 'GameServerSet',
    patch: [{ op: 'add', path: '/spec/gameServerTemplate/spec/nodeSelector/zone', value: 'a' }],
    code: 'unknown-path-segment',
  },
  { name: 'any key inside podStatus', patch: [{ op: 'test', path: '/status/podStatus/hostIP', value: '10.0.0.1' }], code: 'unknown-path-segment' },
  {
    name: 'GSS typo outside the template',
    kind: 'GameServerSet',
    patch: [{ op: 'replace', path: '/spec/updateStrategy/rollingUpdate/podUpdatePolcy', value: 'ReCreate' }],
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: 'podUpdatePolcy', data: { replacement: '/spec/updateStrategy/rollingUpdate/podUpdatePolicy' } },
  },
  {
    name: 'GS field on a GameServerSet',
    kind: 'GameServerSet',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'None' }],
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: 'opsState' },
  },
  {
    name: 'typo in from',
    patch: [{ op: 'copy', from: '/spec/updatePriorty', path: '/spec/deletionPriority' }],
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: 'updatePriorty', data: { replacement: '/spec/updatePriority' } },
  },
  {
    name: 'escaped segment maps to the whole string',
    patch: '[{"op":"remove","path":"/spec/\\u006fpstate"}]',
    code: 'unknown-path-segment',
    expect: { severity: 'error', at: '"/spec/\\u006fpstate"' },
  },
  {
    name: 'array index',
    kind: 'GameServerSet',
    patch: [{ op: 'replace', path: '/spec/gameServerTemplate/spec/containers/0/image', value: 'game:2' }],
    code: 'invalid-array-index',
  },
  { name: 'index on a GS containers array', patch: [{ op: 'remove', path: '/spec/containers/12' }], code: 'invalid-array-index' },
  {
    name: 'name instead of index',
    patch: [{ op: 'replace', path: '/spec/containers/game/image', value: 'x' }],
    code: 'invalid-array-index',
    expect: { severity: 'error', at: 'game' },
  },
  {
    name: 'leading zero index is an index to the API server',
    kind: 'GameServerSet',
    patch: [{ op: 'remove', path: '/spec/reserveGameServerIds/01' }],
    code: 'invalid-array-index',
  },
  { name: 'dash at the end of add', kind: 'GameServerSet', patch: [{ op: 'add', path: '/spec/reserveGameServerIds/-', value: 3 }], code: 'invalid-dash' },
  {
    name: 'dash in replace',
    kind: 'GameServerSet',
    patch: [{ op: 'replace', path: '/spec/reserveGameServerIds/-', value: 3 }],
    code: 'invalid-dash',
    expect: { severity: 'error', at: '-' },
  },
  {
    name: 'dash in the middle',
    patch: [{ op: 'add', path: '/spec/containers/-/image', value: 'x' }],
    code: 'invalid-dash',
    expect: { severity: 'error', at: '-' },
  },
  {
    name: 'dash in from',
    patch: [{ op: 'copy', from: '/spec/containers/-', path: '/spec/containers/0' }],
    code: 'invalid-dash',
    expect: { severity: 'error', at: '-' },
  },
  { name: 'dash is a plain key in a map', patch: [{ op: 'add', path: '/metadata/labels/-', value: 'x' }], code: 'invalid-dash' },
  { name: 'into an object field', patch: [{ op: 'replace', path: '/spec/networkDisabled', value: true }], code: 'path-into-scalar' },
  {
    name: 'below a string',
    patch: [{ op: 'replace', path: '/spec/opsState/value', value: 'x' }],
    code: 'path-into-scalar',
    expect: { severity: 'error', at: 'value' },
  },
  {
    name: 'below an int-or-string',
    patch: [{ op: 'replace', path: '/spec/updatePriority/0', value: 1 }],
    code: 'path-into-scalar',
    expect: { severity: 'error', at: '0' },
  },
];

for (const c of cases) test(`paths: ${c.name}`, () => runCase(c));
