// Checks the documents of a YAML file on worker threads beside the server's own thread, so that a file
// whose every document is new (just opened, pasted, or switched to another branch) gets its
// diagnostics in about 1 / (workers + 1) of the time; parsing is most of that time and parses are
// independent per document. Each thread claims the next unclaimed document from one shared array, so a
// worker still busy or not yet warmed up takes fewer and nobody waits on it; the server's thread never
// blocks on a worker. The findings go into the engine's per-document cache, and the usual diagnostics
// pass then reads them from there: the result is exactly the one-thread result.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkChunk, rememberFindings } from '../../engine/internal';
import { claimNext, POOL_THREAD, UNCLAIMED, type CheckJob, type CheckReply } from './check-jobs';

export interface CheckPoolOptions {
  /** The worker script: yaml-check-worker.js, bundled beside server.js. */
  file: string;
  /** Worker threads; by default one per core beyond the server's own, at most 3. */
  workers?: number;
  /** The bundle locale the findings' messages are written in. */
  locale(): string;
  log(message: string): void;
}

/**
 * Below this many characters to check, the server's thread is done about as soon as a worker would
 * have the job (a 20-document, 81 KB file takes about 50 ms on one thread).
 */
export const MIN_PARALLEL_CHARS = 16_000;
/** After this many worker failures the pool starts no more workers: the server's thread checks alone. */
const MAX_FAILURES = 3;
const MAX_WORKERS = 3;

interface Member {
  worker: Worker;
  /** The number it claims chunks under. */
  number: number;
  online: boolean;
  waiting: Map<number, (reply: CheckReply | undefined) => void>;
}

export class CheckPool {
  private readonly members: Member[] = [];
  private readonly size: number;
  private failures = 0;
  private nextJob = 1;
  private nextNumber = POOL_THREAD + 1;
  private disposed = false;

  constructor(private readonly options: CheckPoolOptions) {
    this.size = Math.max(0, options.workers ?? Math.min(MAX_WORKERS, availableParallelism() - 1));
  }

  /**
   * Checks the given chunk texts (ones the engine holds no findings for) across the workers and this
   * thread, and hands the findings to the engine. A chunk a worker lost, or failed on, is left to the
   * diagnostics pass that follows. Small jobs, and a pool without a started worker, check nothing here.
   * Resolves with how many chunks the workers checked.
   */
  async check(chunks: readonly string[]): Promise<number> {
    const chars = chunks.reduce((sum, c) => sum + c.length, 0);
    if (chunks.length < 2 || chars < MIN_PARALLEL_CHARS) return 0;
    const ready = this.ready();
    if (ready.length === 0) return 0;
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * chunks.length);
    const claims = new Int32Array(shared).fill(UNCLAIMED);
    const job = { id: this.nextJob++, locale: this.options.locale(), chunks: [...chunks], claims: shared };
    const replies = new Map(ready.map((m) => [m.number, this.post(m, { ...job, worker: m.number })]));
    for (let i = claimNext(claims, POOL_THREAD); i >= 0; i = claimNext(claims, POOL_THREAD, i + 1)) {
      rememberFindings(chunks[i], checkChunk(chunks[i]));
    }
    // Every chunk is claimed now; wait only for the workers that claimed some.
    const owners = new Set(claims.filter((thread) => thread !== POOL_THREAD));
    const answers = await Promise.all([...owners].map((n) => replies.get(n)));
    let byWorkers = 0;
    for (const reply of answers) {
      for (const [i, findings] of reply?.findings ?? []) {
        if (!findings) continue;
        rememberFindings(chunks[i], findings);
        byWorkers++;
      }
    }
    return byWorkers;
  }

  /** Stops the workers; resolves once they have exited, after which the pool logs nothing more. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.members.splice(0).map((m) => m.worker.terminate()));
  }

  /** The workers able to take a job now; starts the missing ones, which take jobs once they are up. */
  private ready(): Member[] {
    while (!this.disposed && this.members.length < this.size && this.failures < MAX_FAILURES) this.members.push(this.start());
    return this.members.filter((m) => m.online);
  }

  private start(): Member {
    const number = this.nextNumber++;
    const worker = new Worker(this.options.file, { name: `okg-yaml-check-${number}` });
    const member: Member = { worker, number, online: false, waiting: new Map() };
    // An idle worker does not keep the process alive; one with a job does until it answers.
    worker.unref();
    worker.on('online', () => (member.online = true));
    worker.on('message', (reply: CheckReply) => {
      const resolve = member.waiting.get(reply.id);
      member.waiting.delete(reply.id);
      if (member.waiting.size === 0) worker.unref();
      resolve?.(reply);
    });
    worker.on('error', (e: Error) => {
      // After dispose the server may have no connection left to log to.
      if (!this.disposed) this.options.log(`okg: YAML check worker ${number} failed: ${e.message}`);
    });
    worker.on('exit', (code) => this.lost(member, code));
    return member;
  }

  private post(member: Member, job: CheckJob): Promise<CheckReply | undefined> {
    return new Promise((resolve) => {
      member.waiting.set(job.id, resolve);
      member.worker.ref();
      member.worker.postMessage(job);
    });
  }

  /** A worker exited: its jobs are answered with nothing, and it is replaced at the next job. */
  private lost(member: Member, code: number): void {
    const at = this.members.indexOf(member);
    if (at >= 0) this.members.splice(at, 1);
    for (const resolve of member.waiting.values()) resolve(undefined);
    member.waiting.clear();
    if (this.disposed) return;
    this.options.log(`okg: YAML check worker ${member.number} stopped (exit code ${code}); its documents are checked on the server's thread`);
    if (++this.failures === MAX_FAILURES) {
      this.options.log(`okg: YAML check workers failed ${MAX_FAILURES} times; YAML is checked on the server's own thread from now on`);
    }
  }
}
