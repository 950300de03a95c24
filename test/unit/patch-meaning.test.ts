// OKG meaning: ignored status, immutable metadata, opsState and priorities as pod label values.
import { test } from 'node:test';
import { runCase, type PatchCase } from './patch-fixtures';

const GSS = 'GameServerSet' as const;

const cases: PatchCase[] = [
  { name: 'spec path', patch: [{ op: 'replace', path: '/spec/opsState', value: 'Kill' }], code: 'status-ignored' },
  {
    name: 'status path',
    patch: [{ op: 'replace', path: '/status/currentState', value: 'Ready' }],
    code: 'status-ignored',
    expect: { severity: 'warning', at: '"/status/currentState"' },
  },
  {
    name: 'GSS status path',
    kind: GSS,
    patch: [{ op: 'replace', path: '/status/replicas', value: 3 }],
    code: 'status-ignored',
    expect: { severity: 'warning', at: '"/status/replicas"' },
  },
  { name: 'test on status reads it', patch: [{ op: 'test', path: '/status/currentState', value: 'Ready' }], code: 'status-ignored' },

  { name: 'labels can change', patch: [{ op: 'add', path: '/metadata/labels/x', value: 'y' }], code: 'immutable-field' },
  { name: 'test on the name', patch: [{ op: 'test', path: '/metadata/name', value: 'minecraft-0' }], code: 'immutable-field' },
  {
    name: 'replace the name',
    patch: [{ op: 'replace', path: '/metadata/name', value: 'x' }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata/name"' },
  },
  {
    name: 'remove the namespace',
    patch: [{ op: 'remove', path: '/metadata/namespace' }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata/namespace"' },
  },
  {
    name: 'replace the uid',
    kind: GSS,
    patch: [{ op: 'replace', path: '/metadata/uid', value: 'u' }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata/uid"' },
  },
  {
    name: 'replace the resourceVersion',
    patch: [{ op: 'replace', path: '/metadata/resourceVersion', value: '1' }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata/resourceVersion"' },
  },
  {
    name: 'add a creationTimestamp',
    patch: [{ op: 'add', path: '/metadata/creationTimestamp', value: '2026-01-12T02:30:05Z' }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata/creationTimestamp"' },
  },
  {
    name: 'replace the whole metadata',
    patch: [{ op: 'replace', path: '/metadata', value: { labels: {} } }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata"' },
  },
  {
    name: 'move the name away',
    patch: [{ op: 'move', from: '/metadata/name', path: '/metadata/annotations/old-name' }],
    code: 'immutable-field',
    expect: { severity: 'error', at: '"/metadata/name"' },
  },
  { name: 'copy the name is fine', patch: [{ op: 'copy', from: '/metadata/name', path: '/metadata/annotations/old-name' }], code: 'immutable-field' },

  { name: 'reserved opsState', patch: [{ op: 'replace', path: '/spec/opsState', value: 'WaitToBeDeleted' }], code: 'opsstate-not-reserved' },
  {
    name: 'opsState in lower case',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'kill' }],
    code: 'opsstate-not-reserved',
    expect: { severity: 'warning', at: '"kill"', data: { replacement: 'Kill' } },
  },
  {
    name: 'custom opsState',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'GateMaintaining' }],
    code: 'opsstate-not-reserved',
    expect: { severity: 'warning', at: '"GateMaintaining"' },
  },
  {
    name: 'opsState inside a spec object',
    patch: [{ op: 'add', path: '/spec', value: { opsState: 'Maintaning', updatePriority: 1 } }],
    code: 'opsstate-not-reserved',
    expect: { severity: 'warning', at: '"Maintaning"', data: { replacement: 'Maintaining' } },
  },
  {
    name: 'opsState in a service-quality action',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction/-', value: { state: true, result: 'idle', opsState: 'waitToBeDeleted' } }],
    code: 'opsstate-not-reserved',
    expect: { severity: 'warning', at: '"waitToBeDeleted"', data: { replacement: 'WaitToBeDeleted' } },
  },
  {
    name: 'opsState spelt as the Go constant',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'WaitToDelete' }],
    code: 'opsstate-not-reserved',
    expect: { severity: 'warning', at: '"WaitToDelete"', data: { replacement: 'WaitToBeDeleted' } },
  },
  {
    name: 'opsState spelt as the Go constant, lower case',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'waittodelete' }],
    code: 'opsstate-not-reserved',
    expect: { severity: 'warning', at: '"waittodelete"', data: { replacement: 'WaitToBeDeleted' } },
  },
  { name: 'test for a lower-case opsState', patch: [{ op: 'test', path: '/spec/opsState', value: 'kill' }], code: 'opsstate-not-reserved' },

  { name: 'valid label opsState', patch: [{ op: 'replace', path: '/spec/opsState', value: 'Custom_State-1' }], code: 'invalid-label-value' },
  {
    name: 'opsState with a space',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'Wait To Be Deleted' }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '"Wait To Be Deleted"' },
  },
  {
    name: 'opsState with a trailing space',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'Kill ' }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '"Kill "', data: { replacement: 'Kill' } },
  },
  {
    name: 'opsState over 63 characters',
    patch: [{ op: 'replace', path: '/spec/opsState', value: 'a'.repeat(64) }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: JSON.stringify('a'.repeat(64)) },
  },
  { name: 'priority as a string', patch: [{ op: 'replace', path: '/spec/updatePriority', value: '20' }], code: 'invalid-label-value' },
  {
    name: 'negative int priority',
    patch: [{ op: 'replace', path: '/spec/deletionPriority', value: -5 }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '-5' },
  },
  {
    name: 'priority with a slash',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '1/2' }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '"1/2"' },
  },
  {
    name: 'priority in an action',
    kind: GSS,
    patch: [{ op: 'replace', path: '/spec/serviceQualities/0/serviceQualityAction/0', value: { state: false, deletionPriority: 'very high' } }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '"very high"' },
  },
  {
    name: 'whole service qualities list',
    kind: GSS,
    patch: [
      {
        op: 'replace',
        path: '/spec/serviceQualities',
        value: [{ name: 'h', permanent: false, containerName: 'g', tcpSocket: { port: 7777 }, serviceQualityAction: [{ state: true, updatePriority: '+1' }] }],
      },
    ],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '"+1"' },
  },
  { name: 'test for a bad label value', patch: [{ op: 'test', path: '/spec/opsState', value: 'bad value' }], code: 'invalid-label-value' },

  { name: 'integer string priority', patch: [{ op: 'replace', path: '/spec/deletionPriority', value: '100' }], code: 'priority-not-integer' },
  { name: 'int priority', patch: [{ op: 'replace', path: '/spec/deletionPriority', value: 100 }], code: 'priority-not-integer' },
  {
    name: 'word priority',
    patch: [{ op: 'replace', path: '/spec/deletionPriority', value: 'high' }],
    code: 'priority-not-integer',
    expect: { severity: 'warning', at: '"high"' },
  },
  {
    name: 'decimal priority string',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '1.5' }],
    code: 'priority-not-integer',
    expect: { severity: 'warning', at: '"1.5"' },
  },
  {
    name: 'exponent priority string',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '1e3' }],
    code: 'priority-not-integer',
    expect: { severity: 'warning', at: '"1e3"', data: { replacement: 1000 } },
  },
  { name: 'int64 max as a string', patch: [{ op: 'replace', path: '/spec/updatePriority', value: '9223372036854775807' }], code: 'priority-not-integer' },
  {
    name: 'int64 max as a string is in range',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '9223372036854775807' }],
    code: 'priority-out-of-range',
  },
  {
    name: 'priority string beyond int64 is an integer',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '99999999999999999999' }],
    code: 'priority-not-integer',
  },
  {
    name: 'priority string beyond int64',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '99999999999999999999' }],
    code: 'priority-out-of-range',
    expect: { severity: 'warning', at: '"99999999999999999999"', data: { replacement: '9223372036854775807' } },
  },
  { name: 'int32 max priority', patch: [{ op: 'replace', path: '/spec/deletionPriority', value: 2147483647 }], code: 'priority-not-int32' },
  {
    name: 'int32 min priority is negative, so a label error only',
    patch: [{ op: 'replace', path: '/spec/deletionPriority', value: -2147483648 }],
    code: 'priority-not-int32',
  },
  {
    name: 'priority beyond int32',
    patch: [{ op: 'replace', path: '/spec/deletionPriority', value: 2147483648 }],
    code: 'priority-not-int32',
    expect: { severity: 'error', at: '2147483648' },
  },
  {
    name: 'action priority beyond int32',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction/0/updatePriority', value: 5000000000 }],
    code: 'priority-not-int32',
    expect: { severity: 'error', at: '5000000000' },
  },
  {
    name: 'empty priority string',
    patch: [{ op: 'replace', path: '/spec/updatePriority', value: '' }],
    code: 'priority-not-integer',
    expect: { severity: 'warning', at: '""' },
  },

  {
    name: 'plain action value',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction/0/deletionPriority', value: 10 }],
    code: 'template-value',
  },
  {
    name: 'template in an action priority',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction/0/deletionPriority', value: '{{.Result}}' }],
    code: 'template-value',
    expect: { severity: 'info', at: '"{{.Result}}"' },
  },
  {
    name: 'template in an action is not a label error',
    kind: GSS,
    patch: [{ op: 'add', path: '/spec/serviceQualities/0/serviceQualityAction/0/opsState', value: '{{.Result}}' }],
    code: 'invalid-label-value',
  },
  {
    name: 'template in GS spec is a label error',
    patch: [{ op: 'replace', path: '/spec/opsState', value: '{{.Result}}' }],
    code: 'invalid-label-value',
    expect: { severity: 'error', at: '"{{.Result}}"' },
  },
];

for (const c of cases) test(`meaning: ${c.name}`, () => runCase(c));
