// Namespaces and object names as Kubernetes accepts them (DNS-1123), which is what the kgctl
// flag, the okg.namespaces setting, the typed-namespaces box and the cluster layer all check.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nameProblem, namespaceProblem, namespacesProblem, namespacesSetting } from '../../client/src/cluster/names';

describe('names', () => {
  it('namespaces: DNS-1123 labels only', () => {
    for (const ok of ['default', 'game', 'a', 'okg-system', '0', 'a1-b2', 'x'.repeat(63)])
      assert.equal(namespaceProblem(ok), undefined, `${ok} is a namespace`);
    for (const bad of ['', '..', '.', '%2e%2e', 'a/b', 'Game', ' game', 'game ', '-game', 'game-', 'a.b', 'a_b', 'x'.repeat(64), 'gäme', 'a\nb']) {
      const p = namespaceProblem(bad);
      assert.ok(p, `${JSON.stringify(bad)} is refused`);
      assert.ok(p.startsWith(`${JSON.stringify(bad)} is not a valid namespace`), `the message names the value as typed: ${p}`);
    }
  });

  it('object names: DNS-1123 subdomains', () => {
    for (const ok of ['pve-world-0', 'a.b-c', 'x'.repeat(253)]) assert.equal(nameProblem(ok), undefined, `${ok} is a name`);
    for (const bad of ['', '..', 'a/b', '../x', 'A', 'a..b', '.a', 'a.', 'x'.repeat(254)]) assert.ok(nameProblem(bad), `${JSON.stringify(bad)} is refused`);
  });

  it('a list is refused for its first bad value', () => {
    assert.equal(namespacesProblem(['default', 'game']), undefined);
    assert.match(namespacesProblem(['default', '..', 'Game']) ?? '', /^"\.\." is not a valid namespace/);
  });

  it('the okg.namespaces setting: a list of namespaces, or why it is ignored', () => {
    assert.deepEqual(namespacesSetting(undefined), { ok: true, namespaces: [] });
    assert.deepEqual(namespacesSetting(['game', 'default', 'game']), { ok: true, namespaces: ['game', 'default'] }, 'duplicates dropped');
    const bad = namespacesSetting(['game', '..']);
    assert.ok(!bad.ok && /"\.\." is not a valid namespace/.test(bad.problem), 'a bad entry fails the whole setting');
    const notList = namespacesSetting('game');
    assert.ok(!notList.ok && /must be a list/.test(notList.problem), 'a string is not a list');
    assert.ok(!namespacesSetting([1]).ok, 'numbers are not namespaces');
  });
});
