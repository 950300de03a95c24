// A worker thread of the YAML check pool (features/yaml/check-pool.ts): it claims chunks of a job one
// at a time beside the server's own thread, checks them, and sends their findings back. A job it
// reaches after the others have claimed every chunk gets an empty answer.
import { parentPort } from 'node:worker_threads';
import { checkChunk } from './engine/internal';
import { claimNext, type CheckJob, type CheckReply } from './features/yaml/check-jobs';
import { currentLocale, useLocale } from './locale';

function run(job: CheckJob): CheckReply {
  if (job.locale !== currentLocale()) useLocale(job.locale);
  const claims = new Int32Array(job.claims);
  const findings: CheckReply['findings'] = [];
  for (let i = claimNext(claims, job.worker); i >= 0; i = claimNext(claims, job.worker, i + 1)) {
    try {
      findings.push([i, checkChunk(job.chunks[i])]);
    } catch {
      // The server's thread checks this chunk again itself, and logs what went wrong there.
      findings.push([i, null]);
    }
  }
  return { id: job.id, findings };
}

parentPort?.on('message', (job: CheckJob) => parentPort?.postMessage(run(job)));
