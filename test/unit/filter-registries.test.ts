// The built-in registries read exactly what kruise-game-api reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileFilter } from '../../server/src/engine/filter/compile';
import { GAME_SERVER_FIELDS, GAME_SERVER_SET_FIELDS } from '../../server/src/engine/filter/fields';

const GS = {
  metadata: { name: 'minecraft-3', namespace: 'game', labels: { 'game.kruise.io/owner-gss': 'minecraft' } },
  spec: {
    opsState: 'WaitToBeDeleted',
    updatePriority: '10',
    deletionPriority: 7,
    containers: [{ name: 'game', image: 'spec-override:2' }],
  },
  status: {
    currentState: 'Ready',
    updatePriority: '99',
    deletionPriority: '99',
    networkStatus: { currentNetworkState: 'Waiting' },
    podStatus: {
      containerStatuses: [
        { name: 'game', image: 'registry.example.com/game:1.2' },
        { name: 'sidecar', image: 'busybox:1.37.0' },
      ],
      initContainerStatuses: [{ name: 'init', image: 'init:1' }],
    },
  },
};

const GSS = {
  metadata: { name: 'minecraft', namespace: 'game' },
  spec: {
    replicas: 3,
    gameServerTemplate: {
      spec: {
        initContainers: [{ name: 'init', image: 'init:1' }],
        containers: [
          { name: 'minecraft', image: 'itzg/minecraft-server:java21' },
          { name: 'sidecar', image: 'busybox:latest' },
        ],
      },
    },
  },
};

const GS_CASES: [string, boolean][] = [
  ['{"namespace":"game"}', true],
  ['{"name":"minecraft-3"}', true],
  ['{"name":{"$regex":"^minecraft-"}}', true],
  ['{"opsState":"WaitToBeDeleted"}', true],
  ['{"updatePriority":10}', true],
  ['{"updatePriority":99}', false],
  ['{"deletionPriority":7}', true],
  ['{"currentState":"Ready"}', true],
  ['{"currentNetworkState":"Waiting"}', true],
  ['{"images":["game,registry.example.com/game:1.2","sidecar,busybox:1.37.0"]}', true],
  ['{"images":{"$all":["game,spec-override:2"]}}', false],
  ['{"images":{"$all":["init,init:1"]}}', false],
  ['{"images":{"$all":["sidecar,busybox:1.37.0"]}}', true],
];

describe('GameServer registry', () => {
  it('has exactly the fields kruise-game-api registers, with their types', () => {
    assert.deepEqual(
      [...GAME_SERVER_FIELDS.fields.values()].map((f) => `${f.name}:${f.type}`),
      [
        'namespace:string',
        'name:string',
        'opsState:string',
        'updatePriority:number',
        'deletionPriority:number',
        'currentState:string',
        'currentNetworkState:string',
        'images:string[]',
      ],
    );
  });
  for (const [filter, expected] of GS_CASES) {
    it(`${filter} ${expected ? 'matches' : 'does not match'} the sample GameServer`, () => {
      const f = compileFilter(filter, 'GameServer');
      assert.equal(f.ok, true, JSON.stringify(f.problems));
      assert.equal(f.matches(GS), expected, filter);
    });
  }
  it('reads priorities the Go way: a non-numeric string is 0, a missing one is 0 (no crash)', () => {
    const zero = compileFilter('{"updatePriority":0}', 'GameServer');
    assert.equal(zero.matches({ spec: { updatePriority: '10%' } }), true, '"10%" reads as 0');
    assert.equal(zero.matches({ spec: {} }), true, 'missing reads as 0');
    assert.equal(zero.matches({}), true, 'no spec reads as 0');
    assert.equal(compileFilter('{"deletionPriority":-3}', 'GameServer').matches({ spec: { deletionPriority: '-3' } }), true, '"-3" reads as -3');
    assert.equal(compileFilter('{"deletionPriority":0}', 'GameServer').matches({ spec: { deletionPriority: ' 3' } }), true, '" 3" is not an Atoi integer');
  });
  it("reads priority strings beyond int64 as Go's Atoi leaves them: clamped, not 0", () => {
    const cases: [value: string, filter: string][] = [
      ['99999999999999999999', '{"updatePriority":9223372036854775807}'],
      ['9223372036854775808', '{"updatePriority":9223372036854775807}'],
      ['-99999999999999999999', '{"updatePriority":-9223372036854775808}'],
      ['9007199254740993', '{"updatePriority":9007199254740993}'],
      ['+0000000000000000000000042', '{"updatePriority":42}'],
      ['-0', '{"updatePriority":0}'],
    ];
    for (const [value, filter] of cases) {
      const f = compileFilter(filter, 'GameServer');
      assert.equal(f.ok, true, `${filter}: ${JSON.stringify(f.problems)}`);
      assert.equal(f.matches({ spec: { updatePriority: value } }), true, `"${value}" must read as in ${filter}`);
    }
    assert.equal(
      compileFilter('{"updatePriority":0}', 'GameServer').matches({ spec: { updatePriority: '99999999999999999999' } }),
      false,
      'an overflowing string is not 0',
    );
  });
  it('reads unset strings as "" and a pod without status as no images', () => {
    assert.equal(compileFilter('{"opsState":""}', 'GameServer').matches({ spec: {} }), true);
    assert.equal(compileFilter('{"currentNetworkState":""}', 'GameServer').matches({ status: { networkStatus: {} } }), true);
    assert.equal(compileFilter('{"images":{"$all":["a,b"]}}', 'GameServer').matches({ status: {} }), false);
  });
  it('survives objects of any shape', () => {
    const f = compileFilter('{"$or":[{"opsState":"None"},{"images":{"$all":["a,b"]}},{"updatePriority":{"$ge":1}}]}', 'GameServer');
    for (const o of [null, undefined, 5, 'x', [], { spec: 'x' }, { status: { podStatus: { containerStatuses: [null, 3, { name: 1 }] } } }]) {
      assert.equal(f.matches(o), false, `shape ${JSON.stringify(o)}`);
    }
  });
});

describe('GameServerSet registry', () => {
  it('has namespace, name and images', () => {
    assert.deepEqual([...GAME_SERVER_SET_FIELDS.fields.keys()], ['namespace', 'name', 'images']);
  });
  for (const [filter, expected] of [
    ['{"images":{"$all":["minecraft,itzg/minecraft-server:java21","sidecar,busybox:latest"]}}', true],
    ['{"images":["minecraft,itzg/minecraft-server:java21","sidecar,busybox:latest"]}', true],
    ['{"images":{"$all":["init,init:1"]}}', false],
    ['{"name":"minecraft"}', true],
    ['{"namespace":{"$in":["default","game"]}}', true],
  ] as const) {
    it(`${filter} ${expected ? 'matches' : 'does not match'} the sample GameServerSet`, () => {
      const f = compileFilter(filter, 'GameServerSet');
      assert.equal(f.ok, true, JSON.stringify(f.problems));
      assert.equal(f.matches(GSS), expected, filter);
    });
  }
});
