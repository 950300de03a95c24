// The sandbox applies JSON Patches as kube-apiserver does (it shares the engine's implementation):
// over HTTP, where a `test` compares values as written in the request body, through its patch
// module, and through the control endpoint's /mutate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call, type Reply } from '../sandbox/client';
import { startSandbox, startSandboxControl, type Sandbox, type SandboxControl } from '../sandbox/index';
import { applyPatchOfType, JSON_PATCH } from '../sandbox/patch';
import { ApiError } from '../sandbox/status';

const GS = '/apis/game.kruise.io/v1alpha1/namespaces/default/gameservers';

let sb: Sandbox;
let ctl: SandboxControl;

before(async () => {
  sb = await startSandbox({ sets: 1, replicas: 3, namespaces: ['default'], seed: 11 });
  ctl = await startSandboxControl(sb);
});

after(async () => {
  await ctl.close();
  await sb.close();
});

/** A JSON Patch request whose body is `text` exactly as written. */
const patch = (name: string, text: string) => call(sb, 'PATCH', `${GS}/${name}`, { body: text, contentType: JSON_PATCH });

function expectStatus(r: Reply, status: number, what: string): void {
  assert.equal(r.status, status, `${what}: expected ${status}, got ${r.status} ${r.text}`);
}

/** The library's message in a 422 answer, where the API server puts it. */
const cause = (r: Reply): string => r.json?.details?.causes?.[0]?.message ?? `no cause in ${r.text}`;

describe('sandbox JSON Patch as the API server applies it', () => {
  it('accepts negative and zero-padded indices', async () => {
    expectStatus(await patch('minecraft-0', '[{"op":"add","path":"/metadata/finalizers","value":["a","b"]}]'), 200, 'set finalizers');
    const body = '[{"op":"add","path":"/metadata/finalizers/-1","value":"c"},{"op":"remove","path":"/metadata/finalizers/00"}]';
    const r = await patch('minecraft-0', body);
    expectStatus(r, 200, 'negative add and zero-padded remove');
    assert.deepEqual(r.json.metadata.finalizers, ['b', 'c']);
    expectStatus(await patch('minecraft-0', '[{"op":"test","path":"/metadata/finalizers/-2","value":"b"}]'), 200, 'a test at -2');
    const beyond = await patch('minecraft-0', '[{"op":"remove","path":"/metadata/finalizers/-3"}]');
    expectStatus(beyond, 422, 'an index before the start');
    assert.equal(cause(beyond), "error in remove for path: '/metadata/finalizers/-3': Unable to access invalid index: -3: invalid index referenced");
  });

  it('passes a test of null for a missing member, and adds a member a replace names', async () => {
    expectStatus(await patch('minecraft-1', '[{"op":"test","path":"/metadata/annotations/nothing","value":null}]'), 200, 'test of a missing member with null');
    const r = await patch('minecraft-1', '[{"op":"replace","path":"/metadata/annotations/fresh","value":"yes"}]');
    expectStatus(r, 200, 'replace of a missing member');
    assert.equal(r.json.metadata.annotations.fresh, 'yes');
  });

  it('compares test values as written in the body', async () => {
    expectStatus(await patch('minecraft-2', '[{"op":"replace","path":"/spec/updatePriority","value":5}]'), 200, 'set the priority');
    expectStatus(await patch('minecraft-2', '[{"op":"test","path":"/spec/updatePriority","value":5}]'), 200, 'test 5');
    const point = await patch('minecraft-2', '[{"op":"test","path":"/spec/updatePriority","value":5.0}]');
    expectStatus(point, 422, 'test 5.0 against 5');
    assert.equal(cause(point), 'testing value /spec/updatePriority failed: test failed');
    expectStatus(await patch('minecraft-2', '[{"op":"test","path":"/spec/opsState","value":"\\u004eone"}]'), 422, 'an escaped "None"');
    expectStatus(await patch('minecraft-2', '[{"op":"test","path":"/spec/opsState","value":"None"}]'), 200, 'a plain "None"');
    expectStatus(await patch('minecraft-2', '[{"op":"add","path":"/metadata/annotations/q","value":"a&b"}]'), 200, 'an annotation with &');
    expectStatus(await patch('minecraft-2', '[{"op":"test","path":"/metadata/annotations/q","value":"a&b"}]'), 422, 'a test of & as is');
    const escaped = await patch('minecraft-2', '[{"op":"test","path":"/metadata/annotations/q","value":"a\\u0026b"}]');
    expectStatus(escaped, 200, 'a test of & as the server writes it');
  });

  it('answers 500 where the library crashes, and 400 for an operation it cannot decode', async () => {
    expectStatus(await patch('minecraft-0', '[{"op":"test","path":"/metadata/finalizers","value":["b",null]}]'), 500, 'an array holding null');
    const bad = await patch('minecraft-0', '[{"op":"test","path":"/spec/opsState","value":"None"}, 3]');
    expectStatus(bad, 400, 'a number for an operation');
    assert.match(bad.json?.message ?? bad.text, /cannot unmarshal number into Go value of type jsonpatch\.Operation/);
    const unknown = await patch('minecraft-0', '[{"op":"frob","path":"/spec"}]');
    expectStatus(unknown, 422, 'an unknown op');
    assert.equal(cause(unknown), 'Unexpected kind: frob');
  });

  it('/mutate applies the same way, and changes nothing when the patch fails', async () => {
    const target = { kind: 'GameServer', namespace: 'default', name: 'minecraft-1' };
    const mutate = (ops: unknown) => fetch(`${ctl.url}/mutate`, { method: 'POST', body: JSON.stringify({ ...target, ops }) });
    const ok = await mutate([{ op: 'replace', path: '/status/podStatus/conditions/-1/status', value: 'False' }]);
    assert.equal(ok.status, 200, await ok.clone().text());
    const { conditions } = ((await ok.json()) as { status: { podStatus: { conditions: { status: string }[] } } }).status.podStatus;
    assert.equal(conditions[conditions.length - 1].status, 'False', 'the last condition changed');
    const stored = () => JSON.stringify(sb.objects('GameServer', 'default').find((o: { metadata: { name: string } }) => o.metadata.name === target.name));
    const before = stored();
    const failed = await mutate([
      { op: 'replace', path: '/spec/updatePriority', value: 9 },
      { op: 'test', path: '/spec/opsState', value: 'Kill' },
    ]);
    assert.equal(failed.status, 400, "a failed test is the caller's mistake");
    assert.match(((await failed.json()) as { error: string }).error, /test failed: \/spec\/opsState is "None", not "Kill"/);
    assert.equal(stored(), before, 'nothing changed');
  });
});

describe('sandbox patch module', () => {
  const doc = { spec: { n: 1, list: ['a', 'b'] } };

  it('without the body text compares test values as re-encoded', () => {
    const ops = [{ op: 'test', path: '/spec/n', value: 1.0 }];
    assert.deepEqual(applyPatchOfType(JSON_PATCH, doc, ops), doc, 'parsed 1.0 is 1');
    assert.throws(
      () => applyPatchOfType(JSON_PATCH, doc, ops, '[{"op":"test","path":"/spec/n","value":1.0}]'),
      (e: unknown) => {
        assert.ok(e instanceof ApiError, String(e));
        assert.equal(e.code, 422);
        return true;
      },
    );
  });

  it('leaves the stored object alone', () => {
    const out = applyPatchOfType(JSON_PATCH, doc, [{ op: 'add', path: '/spec/list/-1', value: 'c' }]) as typeof doc;
    assert.deepEqual(out.spec.list, ['a', 'b', 'c']);
    assert.deepEqual(doc.spec.list, ['a', 'b']);
  });
});
