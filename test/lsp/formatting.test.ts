import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { applyEdits, LspHarness } from './harness';

let h: LspHarness;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

describe('document formatting', () => {
  test('a filter is laid out with the editor indentation', async () => {
    const text = '{"$and":[{"opsState":"None"},{"updatePriority":{"$ge":3}}]}';
    const uri = h.open('f.kgfilter', text);
    const formatted = applyEdits(text, await h.format(uri, { tabSize: 2, insertSpaces: true }));
    assert.equal(
      formatted,
      '{\n  "$and": [\n    {\n      "opsState": "None"\n    },\n    {\n      "updatePriority": {\n        "$ge": 3\n      }\n    }\n  ]\n}',
    );
  });

  test('a patch with tabs and CRLF keeps CRLF', async () => {
    const text = '[{"op":"remove","path":"/spec/containers"}]\r\n';
    const uri = h.open('f.kgpatch', text);
    const formatted = applyEdits(text, await h.format(uri, { tabSize: 4, insertSpaces: false }));
    assert.equal(formatted, '[\r\n\t{\r\n\t\t"op": "remove",\r\n\t\t"path": "/spec/containers"\r\n\t}\r\n]\r\n');
  });

  test('other documents are not formatted', async () => {
    const uri = h.open('notes.txt', '{"a":1}');
    assert.deepEqual(await h.format(uri), []);
  });
});
