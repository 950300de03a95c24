// The server with its YAML check pool (as the extension starts it): a large new file gets every
// problem at its place, an edit gets the diagnostics of its own version, and a worker that cannot
// start is logged while the diagnostics stay whole.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundle } from '../bundle';
import { until } from '../wait';
import { asProblems, fleetYaml as fleet, oneThreadProblems as oneThread, workerScript } from '../yaml-fleet';
import { LspHarness } from './harness';

const LIMIT = { timeout: 60_000 };
let n = 0;

describe('YAML diagnostics with the check pool', () => {
  let h: LspHarness;
  before(async () => {
    h = await LspHarness.start({ yamlCheckWorkers: { file: await bundle('server/src/yaml-check-worker.ts'), workers: 1 } });
  });
  after(() => h.close());

  test('large new files get every problem at its place', LIMIT, async () => {
    // The first file starts the worker; the next ones are shared with it.
    for (let k = 0; k < 3; k++) {
      const text = fleet('open');
      const uri = h.open(`fleet-${n++}.yaml`, text);
      const expected = oneThread(text);
      assert.ok(expected.length >= 10, `the file has problems to compare (${expected.length})`);
      assert.deepEqual(asProblems(text, await h.diagnostics(uri)), expected, `file ${k}`);
    }
    assert.deepEqual(
      h.logs.filter((m) => m.includes('failed') || m.includes('stopped')),
      [],
      'nothing failed',
    );
  });

  test('an edit gets the diagnostics of its own version', LIMIT, async () => {
    const first = fleet('edit');
    const uri = h.open(`edited-${n++}.yaml`, first);
    const second = fleet('edited');
    h.change(uri, second);
    assert.deepEqual(asProblems(second, await h.diagnostics(uri)), oneThread(second));
  });
});

describe('YAML diagnostics when the check worker cannot start', () => {
  let h: LspHarness;
  before(async () => {
    const file = workerScript('broken.js', `throw new Error('broken worker script');`);
    h = await LspHarness.start({ yamlCheckWorkers: { file, workers: 1 } });
  });
  after(() => h.close());

  test('the failure is logged and every problem is still published', LIMIT, async () => {
    await until(
      'the server to log the worker failure',
      async () => {
        const text = fleet('broken');
        const uri = h.open(`broken-${n++}.yaml`, text);
        assert.deepEqual(asProblems(text, await h.diagnostics(uri)), oneThread(text));
        return h.logs.some((m) => m.includes('YAML check worker') && m.includes('broken worker script'));
      },
      30_000,
    );
  });
});
