// The YAML check pool: its workers find in a chunk exactly what the server's thread finds, a large new
// file is shared between them and the server's thread with the diagnostics of one thread, small files
// stay on the server's thread, and a worker that dies or never loads costs nothing but time.
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { after, before, describe, test } from 'node:test';
import { checkChunk, splitDocuments } from '../../server/src/engine/internal';
import { UNCLAIMED, type CheckJob, type CheckReply } from '../../server/src/features/yaml/check-jobs';
import { CheckPool, yamlChunksToCheck, yamlDiagnostics } from '../../server/src/features/yaml';
import { bundle } from '../bundle';
import { until } from '../wait';
import { asProblems, fleetYaml as fleet, oneThreadProblems as oneThread, workerScript as script } from '../yaml-fleet';

/** A hung pool fails its test instead of the run. */
const LIMIT = { timeout: 60_000 };

let workerFile: string;
before(async () => {
  workerFile = await bundle('server/src/yaml-check-worker.ts');
});

function published(text: string): string[] {
  return asProblems(text, yamlDiagnostics(text));
}

describe('YAML check worker', () => {
  test('answers every chunk it claims with the findings the server thread finds', LIMIT, async () => {
    const chunks = splitDocuments(fleet('worker')).map((c) => c.text);
    const claims = new SharedArrayBuffer(4 * chunks.length);
    new Int32Array(claims).fill(UNCLAIMED);
    const worker = new Worker(workerFile);
    try {
      const job: CheckJob = { id: 7, locale: 'en', chunks, claims, worker: 1 };
      const reply = await new Promise<CheckReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(job);
      });
      assert.equal(reply.id, 7, 'the reply names its job');
      assert.deepEqual(
        [...new Int32Array(claims)],
        chunks.map(() => 1),
        'the only thread at work claimed every chunk',
      );
      assert.deepEqual(
        reply.findings.map(([i]) => i),
        chunks.map((_, i) => i),
        'a reply for each chunk claimed',
      );
      for (const [i, findings] of reply.findings) assert.deepEqual(findings, checkChunk(chunks[i]), `chunk ${i}`);
      assert.ok(
        reply.findings.some(([, f]) => f?.some((x) => x.code === 'ops-state-near-miss')),
        'the near misses were found',
      );
    } finally {
      await worker.terminate();
    }
  });
});

describe('YAML check pool', () => {
  let pool: CheckPool;
  const logs: string[] = [];
  before(() => {
    pool = new CheckPool({ file: workerFile, workers: 1, locale: () => 'en', log: (m) => logs.push(m) });
  });
  after(() => pool.dispose());

  test('a large new file is shared with a worker, and its diagnostics are those of one thread', LIMIT, async () => {
    let text = '';
    let byWorker = 0;
    // The worker starts with the first job and takes chunks once it is up and has its job.
    await until(
      'a worker to check part of a new file',
      async () => {
        text = fleet('shared');
        byWorker = await pool.check(yamlChunksToCheck(text));
        return byWorker > 0;
      },
      30_000,
    );
    assert.ok(byWorker < splitDocuments(text).length, `the server thread checked chunks too (the worker did ${byWorker})`);
    assert.deepEqual(yamlChunksToCheck(text), [], 'every chunk is held after the pool checked');
    const expected = oneThread(text);
    assert.ok(expected.length >= 10, `the file has problems to compare (${expected.length})`);
    assert.deepEqual(published(text), expected);
    assert.deepEqual(logs, [], 'nothing failed');
  });

  test('a small file, or one whose chunks are held already, stays on the server thread', LIMIT, async () => {
    const big = fleet('held');
    await pool.check(yamlChunksToCheck(big));
    assert.equal(await pool.check(yamlChunksToCheck(big)), 0, 'nothing is left to check in a file just checked');
    const small = fleet('small').slice(0, 12_000);
    assert.ok(yamlChunksToCheck(small).length >= 2, 'the small text has several chunks');
    assert.equal(await pool.check(yamlChunksToCheck(small)), 0, 'a 12 KB text is not sent to a worker');
  });
});

describe('YAML check pool, failing workers', () => {
  test('a worker that dies holding claimed chunks loses none of their problems', LIMIT, async () => {
    // Claims every chunk it can, then exits without an answer.
    const file = script(
      'dies.js',
      `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  const claims = new Int32Array(job.claims);
  for (let i = 0; i < claims.length; i++) Atomics.compareExchange(claims, i, ${UNCLAIMED}, job.worker);
  process.exit(3);
});`,
    );
    const logs: string[] = [];
    const pool = new CheckPool({ file, workers: 1, locale: () => 'en', log: (m) => logs.push(m) });
    try {
      await until(
        'the stand-in worker to take a job and exit',
        async () => {
          const text = fleet('dies');
          assert.equal(await pool.check(yamlChunksToCheck(text)), 0, 'no chunk was answered by the worker');
          assert.deepEqual(published(text), oneThread(text), 'the diagnostics miss nothing');
          return logs.some((m) => m.includes('stopped (exit code 3)'));
        },
        30_000,
      );
    } finally {
      await pool.dispose();
    }
  });

  test('a worker script that cannot load is given up after three tries, and checks go on', LIMIT, async () => {
    const file = script('broken.js', `throw new Error('broken worker script');`);
    const logs: string[] = [];
    const pool = new CheckPool({ file, workers: 1, locale: () => 'en', log: (m) => logs.push(m) });
    try {
      await until(
        'the pool to give up on its workers',
        async () => {
          const text = fleet('broken');
          assert.equal(await pool.check(yamlChunksToCheck(text)), 0);
          assert.deepEqual(published(text), oneThread(text), 'the diagnostics miss nothing');
          return logs.some((m) => m.includes("checked on the server's own thread from now on"));
        },
        30_000,
      );
      assert.ok(
        logs.some((m) => m.includes('broken worker script')),
        `the worker's error is logged: ${logs.join(' | ')}`,
      );
      assert.equal(logs.filter((m) => m.includes('stopped')).length, 3, `three workers were tried, one at a time: ${logs.join(' | ')}`);
    } finally {
      await pool.dispose();
    }
  });
});
