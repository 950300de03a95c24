import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindOfFile, kindPlural } from '../../client/src/commands/resource-kind';

test('*.gss.kgfilter and *.gss.kgpatch target GameServerSets; other files GameServers', () => {
  const cases: [string, string][] = [
    ['/w/idle.kgfilter', 'GameServer'],
    ['/w/kill.kgpatch', 'GameServer'],
    ['/w/sets.gss.kgfilter', 'GameServerSet'],
    ['/w/scale.GSS.kgpatch', 'GameServerSet'],
    ['/w/gss.kgfilter', 'GameServer'],
    ['/w/a.gss.yaml', 'GameServer'],
  ];
  for (const [path, kind] of cases) assert.equal(kindOfFile(path), kind, path);
});

test('plural nouns', () => {
  assert.equal(kindPlural('GameServer', 1), 'GameServer');
  assert.equal(kindPlural('GameServerSet', 0), 'GameServerSets');
});
