// Messages whose params are not what the protocol says: a request gets an InvalidParams error that
// names the method and what its params must hold, a notification is ignored with one log line, and
// nothing reaches a handler, so the log holds no stack trace and open documents stay as they were.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import { LspHarness } from './harness';

let h: LspHarness;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

async function rejection(method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    await h.request(method, params);
  } catch (e) {
    if (e instanceof ResponseError) return e;
    throw e;
  }
  assert.fail(`${method} with params ${JSON.stringify(params)} was answered, not refused`);
}

const NO_STACK = /\n\s+at /;

describe('malformed params', () => {
  const uri = 'file:///workspace/x.kgfilter';
  const requests: [string, unknown][] = [
    ['textDocument/completion', {}],
    ['textDocument/completion', { textDocument: { uri } }],
    ['textDocument/completion', { textDocument: { uri }, position: { line: -1, character: 0 } }],
    ['textDocument/completion', { textDocument: 'x', position: { line: 0, character: 0 } }],
    ['textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: '0', character: 0 } }],
    ['textDocument/codeAction', { textDocument: { uri } }],
    [
      'textDocument/codeAction',
      { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{}] } },
    ],
    ['textDocument/formatting', { textDocument: { uri } }],
    ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: 'yes' } }],
  ];
  for (const [method, params] of requests) {
    test(`${method} with ${JSON.stringify(params)}: InvalidParams`, async () => {
      const e = await rejection(method, params);
      assert.equal(e.code, ErrorCodes.InvalidParams);
      assert.match(e.message, new RegExp(`^${method}: params must hold `));
    });
  }

  test('notifications with garbage are ignored with one line each, and the open document is unharmed', async () => {
    const { uri: open, position } = h.openAt('kept.kgfilter', '{"opsState": "|"}');
    const before = await h.diagnostics(open);
    const garbage: [string, unknown][] = [
      ['textDocument/didOpen', null],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///workspace/y.kgfilter' } }],
      ['textDocument/didChange', { textDocument: { uri: open, version: 9 }, contentChanges: 'x' }],
      ['textDocument/didChange', { textDocument: { uri: open, version: 9 }, contentChanges: [{ range: { start: 1, end: 2 }, text: 'x' }] }],
      ['textDocument/didChange', { textDocument: { uri: open }, contentChanges: [{ text: 'x' }] }],
      ['textDocument/didClose', {}],
      ['textDocument/didSave', 'x'],
      ['textDocument/willSave', { textDocument: { uri: open } }],
      ['okg/clusterValues', 42],
    ];
    for (const [method, params] of garbage) await h.notify(method, params);
    // The server reads messages in order: once this answers, every notification above was handled.
    const items = await h.completion(open, position);
    assert.ok(items.length > 0, 'the document still completes as before');
    assert.equal(h.text(open), '{"opsState": ""}');
    h.change(open, '{"opsState": "Nonee"}');
    const after = await h.diagnostics(open);
    assert.deepEqual(before, [], 'the document was clean');
    assert.deepEqual(
      after.map((d) => d.code),
      ['near-miss-value'],
      'edits after the garbage apply to the text as it was',
    );
    const ignored = h.logs.filter((l) => l.startsWith('okg: ignored '));
    assert.equal(ignored.length, garbage.length - 1, `one line per document notification: ${JSON.stringify(h.logs)}`);
    assert.ok(
      h.logs.every((l) => !NO_STACK.test(l)),
      `no stack trace in the log: ${JSON.stringify(h.logs)}`,
    );
  });
});
