// Shared parts over IPC (client/src/cluster/shared-parts.ts): each part crosses once, by number
// after that; a part no copy uses is dropped on both sides; the decoded copies equal the sent ones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Compactor } from '../../client/src/cluster/compact';
import { PartDecoder, PartEncoder } from '../../client/src/cluster/shared-parts';
import type { KubeObject } from '../../client/src/cluster/resources';

function gs(name: string, image: string, state = 'Ready'): KubeObject {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: { name, namespace: 'default', resourceVersion: `${name}-${image}-${state}`, labels: { 'game.kruise.io/owner-gss': 'lobby' } },
    spec: { opsState: 'None' },
    status: { currentState: state, podStatus: { containerStatuses: [{ name: 'game', image }] } },
  } as unknown as KubeObject;
}

/** What crosses a process boundary: a structured clone. */
const wire = <T>(v: T): T => structuredClone(v);

describe('shared parts over IPC', () => {
  it('sends each part once, references it after, and decodes copies equal to the sent ones', () => {
    const compactor = new Compactor('GameServer');
    const enc = new PartEncoder('GameServer');
    const dec = new PartDecoder('GameServer');
    const a = compactor.compact(gs('a', 'img:1'));
    const b = compactor.compact(gs('b', 'img:1'));
    const sent = [enc.encode('default/a', a), enc.encode('default/b', b)];
    const updates = enc.take();
    assert.equal(updates.parts.length, 3, 'labels, spec and pod status: each sent once for two copies');
    assert.deepEqual(JSON.parse(JSON.stringify(sent[1]!.spec)), { $part: 2 }, 'the second copy carries a reference, not the part');
    const [da, db] = dec.decode(wire(updates), wire(sent));
    assert.deepEqual(da, a, 'the decoded copy equals the sent one');
    assert.deepEqual(db, b);
    assert.equal(da!.spec, db!.spec, 'the two decoded copies share one spec object');
    assert.ok(Object.isFrozen(da!.spec), 'a shared part is frozen');
    assert.equal(a.spec, b.spec, 'encoding left the sender copies as they were');
    assert.ok(!('$part' in (a.spec as object)), 'encoding did not write into the sender copies');
  });

  it('drops a part once no copy uses it, on both sides, and numbers a part used again afresh', () => {
    const compactor = new Compactor('GameServer');
    const enc = new PartEncoder('GameServer');
    const dec = new PartDecoder('GameServer');
    const first = [enc.encode('default/a', compactor.compact(gs('a', 'img:1')))];
    dec.decode(wire(enc.take()), wire(first));
    assert.equal(dec.size, 3);
    // The pod status changes to a new image: the old one has no user left.
    const moved = [enc.encode('default/a', compactor.compact(gs('a', 'img:2')))];
    const u = enc.take();
    assert.equal(u.parts.length, 1, 'only the new pod status is sent');
    assert.equal(u.dropped.length, 1, 'the old pod status is dropped');
    const [a2] = dec.decode(wire(u), wire(moved));
    assert.equal((a2!.status as { podStatus: { containerStatuses: { image: string }[] } }).podStatus.containerStatuses[0]!.image, 'img:2');
    assert.equal(dec.size, 3, 'the receiver holds only the parts in use');
    enc.forget('default/a');
    const gone = enc.take();
    assert.equal(gone.dropped.length, 3, 'a deleted copy drops every part it alone used');
    dec.decode(wire(gone), []);
    assert.equal(dec.size, 0);
  });

  it('leaves out a reference it cannot resolve rather than keeping it as data', () => {
    const dec = new PartDecoder('GameServer');
    const [o] = dec.decode({ parts: [], dropped: [] }, [{ metadata: { name: 'x', namespace: 'd' }, spec: { $part: 9 } } as unknown as KubeObject]);
    assert.equal(o!.spec, undefined);
  });

  it('adopt() takes a decoded copy as it is, its frozen shared parts untouched', () => {
    const compactor = new Compactor('GameServer');
    const enc = new PartEncoder('GameServer');
    const dec = new PartDecoder('GameServer');
    const sent = compactor.compact(gs('a', 'img:1', 'NotReady'));
    const encoded = [enc.encode('default/a', sent)];
    const [received] = dec.decode(wire(enc.take()), wire(encoded));
    const adopted = compactor.adopt(received!);
    assert.deepEqual(adopted, sent, 'adopting changes no value');
    assert.ok(Object.isFrozen(adopted.spec), 'the shared spec is still the frozen part');
  });
});
