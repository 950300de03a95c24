import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { objectYaml } from '../../client/src/preview/object-yaml';

test('preview YAML leaves out managedFields and keeps everything else', () => {
  const obj = {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: { name: 'a-0', namespace: 'prod', resourceVersion: '7', managedFields: [{ manager: 'kubectl', fieldsV1: {} }] },
    spec: { opsState: 'None', containers: [{ name: 'game', image: 'x:1' }] },
  };
  const text = objectYaml(obj);
  assert.doesNotMatch(text, /managedFields|kubectl/, text);
  const { managedFields: _gone, ...metadata } = obj.metadata;
  assert.deepEqual(parse(text), { ...obj, metadata }, 'everything else round-trips');
  assert.ok(obj.metadata.managedFields, 'the cached object itself is not changed');
});

test('shared sub-objects are written out, not as YAML aliases', () => {
  const shared = { cpu: '1' };
  const text = objectYaml({ metadata: { name: 'x' }, spec: { requests: shared, limits: shared } });
  assert.doesNotMatch(text, /[&*]a\d/, text);
});

test('values that are not objects are written as they are', () => {
  assert.equal(objectYaml(null), 'null\n');
  assert.equal(objectYaml({ metadata: 'odd' }), 'metadata: odd\n');
});
