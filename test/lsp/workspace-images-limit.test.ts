// An open YAML document feeds .kgfilter image completion only within the size the workspace scan
// reads: a 5 MB one is not parsed on open, so it cannot stall the server for seconds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEFAULT_SCAN_LIMITS } from '../../server/src/features/workspace-images';
import { gameServerSetYaml, LspHarness } from './harness';

const gss = (name: string, image: string) => gameServerSetYaml(name, [['game', image]]);

/** A GameServerSet followed by a ConfigMap whose data makes the file about `bytes` long. */
function largeYaml(image: string, bytes: number): string {
  const head = `${gss('large', image)}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: filler\ndata:\n`;
  const line = (i: number) => `  key-${String(i).padStart(7, '0')}: ${'x'.repeat(60)}\n`;
  const count = Math.ceil((bytes - head.length) / line(0).length);
  return head + Array.from({ length: count }, (_, i) => line(i)).join('');
}

let h: LspHarness;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

test('a YAML document over the scan limit gives no images; a small one still does', async () => {
  const large = largeYaml('registry.example.com/large:1.0.0', 5_000_000);
  assert.ok(large.length > DEFAULT_SCAN_LIMITS.maxFileBytes, `the large document is ${large.length} chars, not over the limit`);
  h.open('large.yaml', large);
  h.open('small.yaml', gss('small', 'registry.example.com/small:1.0.0'));
  const { uri, position } = h.openAt('images.kgfilter', '{"images": ["|"]}');
  const labels = (await h.completion(uri, position)).map((i) => i.label);
  assert.ok(labels.includes('game,registry.example.com/small:1.0.0'), `the small document's image is offered: ${labels.join(', ')}`);
  assert.ok(!labels.includes('game,registry.example.com/large:1.0.0'), `the 5 MB document was parsed for images: ${labels.join(', ')}`);
});
