// The decision a preview awaits: the first answer wins, a newer preview ends an older wait, and the
// preview's tab is known by its label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecisionState, type DecisionEnd } from '../../client/src/preview/decision-state';
import { isAnyPreviewTab, isPreviewTab, previewTitle } from '../../client/src/preview/preview-title';

function recorded() {
  const heard: (string | undefined)[] = [];
  return { heard, state: new DecisionState<string>((r) => heard.push(r)) };
}

/** Resolves to the end if the promise has settled by the next macrotask, else 'still pending'. */
async function settled(p: Promise<DecisionEnd>): Promise<DecisionEnd | 'still pending'> {
  return Promise.race([p, new Promise<'still pending'>((r) => setImmediate(() => r('still pending')))]);
}

test('a decision waits until it is ended, and the first end wins', async () => {
  const { heard, state } = recorded();
  const { ended } = state.begin('apply to 6?');
  assert.equal(await settled(ended), 'still pending', 'a decision ended before anyone answered');
  assert.equal(state.current, 'apply to 6?');
  assert.equal(state.end('cancel'), true, 'ending the pending decision reported nothing ended');
  assert.equal(state.end('apply'), false, 'a second answer claimed to end the decision again');
  assert.equal(await ended, 'cancel', 'the second answer replaced the first');
  assert.equal(state.current, undefined);
  assert.deepEqual(heard, ['apply to 6?', undefined], 'listeners did not hear the start and the end');
});

test('a newer decision ends the pending one as replaced', async () => {
  const { state } = recorded();
  const first = state.begin('first');
  const second = state.begin('second');
  assert.equal(await first.ended, 'replaced');
  assert.equal(await settled(second.ended), 'still pending', 'the newer decision ended with the older one');
  assert.equal(state.current, 'second');
});

test('ending with nothing pending is refused', () => {
  const { heard, state } = recorded();
  assert.equal(state.end('apply'), false);
  assert.deepEqual(heard, [], 'listeners heard of a change that did not happen');
});

test('the preview tab is told apart by its label', () => {
  const title = previewTitle('kill.kgpatch on the matches of two.kgfilter', 6, 'GameServers', 'prod');
  assert.equal(title, 'OKG preview: kill.kgpatch on the matches of two.kgfilter (6 GameServers in prod)');
  assert.equal(isPreviewTab(`${title} (6 files)`, title), true, 'the tab label with its file count');
  assert.equal(isPreviewTab(title, title), true, 'the bare title');
  const other = previewTitle('kill.kgpatch on the matches of two.kgfilter', 60, 'GameServers', 'prod');
  assert.equal(isPreviewTab(`${other} (60 files)`, title), false, 'a preview of 60 taken for the preview of 6');
  assert.equal(isPreviewTab('two.kgfilter', title), false);
  assert.equal(isAnyPreviewTab(`${other} (60 files)`), true);
  assert.equal(isAnyPreviewTab('OKG preview.kgfilter'), false, 'a file named like a preview');
});
