// Settings a workspace must not be able to weaken: the confirmation threshold can only be lowered
// below the user's own value, and concurrency stays within 1..64 whoever sets it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyConcurrency, confirmThreshold } from '../../client/src/commands/confirm-rules';

describe('settings rules', () => {
  it("confirmThreshold: a workspace or folder may lower the user's value, never raise it", () => {
    assert.equal(confirmThreshold({ defaultValue: 10 }), 10, 'the default');
    assert.equal(confirmThreshold({ defaultValue: 10, globalValue: 25 }), 25, "the user's own value");
    assert.equal(confirmThreshold({ defaultValue: 10, workspaceValue: 1_000_000 }), 10, 'a workspace cannot raise the default');
    assert.equal(confirmThreshold({ defaultValue: 10, globalValue: 25, workspaceFolderValue: 100 }), 25, "a folder cannot raise the user's value");
    assert.equal(confirmThreshold({ defaultValue: 10, globalValue: 25, workspaceValue: 3 }), 3, 'a workspace may ask more often');
    assert.equal(confirmThreshold({ defaultValue: 10, workspaceValue: 5, workspaceFolderValue: 2 }), 2, 'the lowest of the levels');
    assert.equal(confirmThreshold({ defaultValue: 10, globalValue: 0 }), 0, '0: every apply is confirmed by typing');
  });

  it('confirmThreshold: values that are not whole numbers of 0 or more are ignored at their level', () => {
    for (const junk of [-1, 2.5, '3', null, Number.NaN, Number.POSITIVE_INFINITY, [1]]) {
      assert.equal(confirmThreshold({ defaultValue: 10, globalValue: 20, workspaceValue: junk }), 20, `workspace ${String(junk)}`);
      assert.equal(confirmThreshold({ defaultValue: 10, globalValue: junk }), 10, `user ${String(junk)} falls back to the default`);
    }
    assert.equal(confirmThreshold({}), 10, 'nothing at all: 10');
  });

  it('applyConcurrency: the most specific level, within 1..64', () => {
    assert.equal(applyConcurrency({ defaultValue: 8 }), 8);
    assert.equal(applyConcurrency({ defaultValue: 8, globalValue: 16, workspaceValue: 4 }), 4, 'the workspace level wins over the user level');
    assert.equal(applyConcurrency({ defaultValue: 8, workspaceFolderValue: 2, workspaceValue: 4 }), 2, 'the folder level wins over the workspace');
    assert.equal(applyConcurrency({ defaultValue: 8, workspaceValue: 100_000 }), 64, 'capped at 64');
    assert.equal(applyConcurrency({ defaultValue: 8, workspaceValue: 0 }), 1, 'at least 1');
    assert.equal(applyConcurrency({ defaultValue: 8, workspaceValue: 'lots' }), 8, 'junk is ignored');
    assert.equal(applyConcurrency({}), undefined, "nothing set: the runner's default");
  });
});
