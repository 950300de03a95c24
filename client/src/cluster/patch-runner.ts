// Previews and applies one JSON Patch to many objects, and deletes many objects.
//
// preview: a server-side dry run per object, giving the object before and after.
// apply:   the patch with `test /metadata/resourceVersion == <previewed>` put first, so an object
//          that changed since its preview is reported and never patched on newer data; that
//          precondition also makes retrying 429s, 5xx, conflicts and timeouts safe.
// delete:  with `preconditions.uid`, so a retry never deletes the object OKG recreated under the
//          same name after the first attempt did delete ours.
// Every object gets exactly one result, in input order.
import { ClusterFailure, type ClusterClient, type JsonPatchOp } from './api';
import { isPreconditionFailure, isRetryable, isUidPreconditionFailure, type ClusterError } from './errors';
import { expectedAfter, holdsOurPatch } from './patch-landed';
import { runPool } from './pool';
import { Backoff, sleep, type BackoffOptions } from './retry';
import { keyOf, type KubeObject, type ResourceKind } from './resources';

export interface Preview {
  key: string;
  /** The object the dry run started from (its resourceVersion is the apply precondition). */
  before: KubeObject;
  /** The server's answer to the dry run. */
  after?: KubeObject;
  error?: ClusterError;
}

export type ApplyOutcome = 'changed' | 'changed-since-preview' | 'failed' | 'cancelled';

export interface ApplyResult {
  key: string;
  outcome: ApplyOutcome;
  before: KubeObject;
  /** The object as the server returned it after the patch (outcome `changed`). */
  after?: KubeObject;
  error?: ClusterError;
  attempts: number;
}

export type DeleteOutcome = 'deleted' | 'failed' | 'cancelled';

export interface DeleteResult {
  key: string;
  outcome: DeleteOutcome;
  object: KubeObject;
  error?: ClusterError;
  attempts: number;
}

export interface RunOptions<R> {
  /** Objects in flight at once (default 8). */
  concurrency?: number;
  /** Aborting stops new objects from starting; they are reported as cancelled. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, result: R) => void;
  /** Tries per object, the first included (default 6). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
}

type RetryOptions = Pick<RunOptions<unknown>, 'signal' | 'maxAttempts' | 'backoff'>;

const ambiguous = (e: ClusterError) => e.code === 'timeout' || e.code === 'server-error' || e.code === 'unreachable';

function failure(e: unknown): ClusterError {
  return e instanceof ClusterFailure ? e.error : { code: 'unknown', message: String(e) };
}

function precondition(rv: string | undefined): JsonPatchOp[] {
  return rv ? [{ op: 'test', path: '/metadata/resourceVersion', value: rv }] : [];
}

function cancelledError(key: string): ClusterError {
  return { code: 'cancelled', message: `${key}: cancelled before it was sent` };
}

export class PatchRunner {
  constructor(
    private readonly client: ClusterClient,
    readonly kind: ResourceKind,
  ) {}

  /**
   * Runs `send` until it succeeds, fails for good, or runs out of attempts; retryable failures
   * wait with backoff (at least as long as a 429's Retry-After).
   */
  private async withRetries<T>(
    send: () => Promise<T>,
    opts: RetryOptions,
    onFailure?: (e: ClusterError) => Promise<{ done: true; value: T } | { done: false }>,
  ): Promise<{ ok: true; value: T; attempts: number } | { ok: false; error: ClusterError; attempts: number }> {
    const max = opts.maxAttempts ?? 6;
    const backoff = new Backoff({ initialMs: 100, maxMs: 5_000, ...opts.backoff });
    for (let attempt = 1; ; attempt++) {
      try {
        return { ok: true, value: await send(), attempts: attempt };
      } catch (e) {
        const error = failure(e);
        if (onFailure) {
          const r = await onFailure(error);
          if (r.done) return { ok: true, value: r.value, attempts: attempt };
        }
        if (!isRetryable(error) || attempt >= max || opts.signal?.aborted) return { ok: false, error, attempts: attempt };
        const wait = Math.max(backoff.next(), error.retryAfterMs ?? 0);
        if (!(await sleep(wait, opts.signal))) return { ok: false, error, attempts: attempt };
      }
    }
  }

  /**
   * A dry run per object, from the object as given, or as it is now if it changed since. With
   * `fresh`, each object is read from the server first and the given ones only name what to
   * preview: a compact cache copy must not be the diff's "before" nor the apply's precondition.
   */
  async preview(objects: readonly KubeObject[], ops: readonly JsonPatchOp[], opts: RunOptions<Preview> & { fresh?: boolean } = {}): Promise<Preview[]> {
    let done = 0;
    const one = async (obj: KubeObject): Promise<Preview> => {
      const key = keyOf(obj);
      const ns = obj.metadata.namespace ?? '';
      const name = obj.metadata.name;
      let before = obj;
      if (opts.fresh) {
        const read = await this.withRetries(() => this.client.get(this.kind, ns, name, { signal: opts.signal }), opts);
        if (!read.ok) return { key, before, error: read.error };
        before = read.value;
      }
      let error: ClusterError | undefined;
      for (let round = 0; round < 3; round++) {
        const r = await this.withRetries(
          () => this.client.patch(this.kind, ns, name, [...precondition(before.metadata.resourceVersion), ...ops], { dryRun: true, signal: opts.signal }),
          opts,
        );
        if (r.ok) return { key, before, after: r.value };
        error = r.error;
        if (!isPreconditionFailure(r.error)) break;
        // The copy we were given is stale: preview from the object as it is now.
        const fresh = await this.withRetries(() => this.client.get(this.kind, ns, name, { signal: opts.signal }), opts);
        if (!fresh.ok) return { key, before, error: fresh.error };
        before = fresh.value;
        error = { ...r.error, code: 'conflict', status: 409, reason: 'Conflict', message: `${key}: kept changing while it was being previewed; preview again` };
      }
      return { key, before, error };
    };
    return runPool(
      objects,
      opts.concurrency ?? 8,
      async (obj) => {
        const p = await one(obj);
        opts.onProgress?.(++done, objects.length, p);
        return p;
      },
      (obj) => {
        const p: Preview = { key: keyOf(obj), before: obj, error: cancelledError(keyOf(obj)) };
        opts.onProgress?.(++done, objects.length, p);
        return p;
      },
      opts.signal,
    );
  }

  /**
   * Applies `ops` to each previewed object, guarded by its previewed resourceVersion. A preview's
   * `after` (the dry-run result), when given, tells a landed retry from someone else's change.
   */
  async apply(previews: readonly Pick<Preview, 'before' | 'error' | 'after'>[], ops: readonly JsonPatchOp[], opts: RunOptions<ApplyResult> = {}): Promise<ApplyResult[]> {
    let done = 0;
    const report = (r: ApplyResult) => {
      opts.onProgress?.(++done, previews.length, r);
      return r;
    };
    const one = async (p: Pick<Preview, 'before' | 'error' | 'after'>): Promise<ApplyResult> => {
      const before = p.before;
      const key = keyOf(before);
      if (p.error) return { key, outcome: 'failed', before, error: p.error, attempts: 0 };
      const ns = before.metadata.namespace ?? '';
      const name = before.metadata.name;
      const rv = before.metadata.resourceVersion;
      const body = [...precondition(rv), ...ops];
      let lostAnswer = false;
      const r = await this.withRetries(
        // No signal on the write itself: aborting a sent request would leave it unknown
        // whether the server applied it. Cancelling stops new objects and pending retries.
        () => this.client.patch(this.kind, ns, name, body),
        opts,
        async (e) => {
          // A timeout or 5xx may hide a patch the server did apply; if the retry then fails its
          // precondition, look whether the object holds what we wrote (see patch-landed.ts).
          const expected = lostAnswer && isPreconditionFailure(e) ? (p.after ?? expectedAfter(before, ops)) : undefined;
          if (expected) {
            try {
              const now = await this.client.get(this.kind, ns, name);
              if (holdsOurPatch(before, expected, now, ops)) return { done: true, value: now };
            } catch {
              // The object cannot be read now; report the precondition failure as it stands.
            }
          }
          lostAnswer ||= ambiguous(e);
          return { done: false };
        },
      );
      if (r.ok) return { key, outcome: 'changed', before, after: r.value, attempts: r.attempts };
      if (isPreconditionFailure(r.error)) {
        return {
          key,
          outcome: 'changed-since-preview',
          before,
          attempts: r.attempts,
          error: {
            ...r.error,
            code: 'conflict',
            status: 409,
            reason: 'Conflict',
            message: `${key}: changed since it was read (resourceVersion ${rv}), so it was not patched; read it again (preview or rerun) to act on the current object`,
          },
        };
      }
      if (opts.signal?.aborted && isRetryable(r.error)) {
        return { key, outcome: 'cancelled', before, attempts: r.attempts, error: { ...r.error, code: 'cancelled', message: `${key}: cancelled while retrying (${r.error.message})` } };
      }
      return { key, outcome: 'failed', before, error: r.error, attempts: r.attempts };
    };
    return runPool(
      previews,
      opts.concurrency ?? 8,
      async (p) => report(await one(p)),
      (p) => report({ key: keyOf(p.before), outcome: 'cancelled', before: p.before, error: cancelledError(keyOf(p.before)), attempts: 0 }),
      opts.signal,
    );
  }

  /** Deletes each object, with the same retries, concurrency and cancellation as apply. */
  async delete(objects: readonly KubeObject[], opts: RunOptions<DeleteResult> & { dryRun?: boolean } = {}): Promise<DeleteResult[]> {
    let done = 0;
    const report = (r: DeleteResult) => {
      opts.onProgress?.(++done, objects.length, r);
      return r;
    };
    const one = async (object: KubeObject): Promise<DeleteResult> => {
      const key = keyOf(object);
      const ns = object.metadata.namespace ?? '';
      const name = object.metadata.name;
      const uid = typeof object.metadata.uid === 'string' ? object.metadata.uid : undefined;
      let lostAnswer = false;
      const r = await this.withRetries(
        () => this.client.delete(this.kind, ns, name, { dryRun: opts.dryRun, uid }),
        opts,
        async (e) => {
          // A delete whose answer was lost, and whose retry finds nothing or another object under
          // the name (OKG recreates a deleted GameServer at once), did delete ours.
          if (lostAnswer && (e.code === 'not-found' || isUidPreconditionFailure(e))) return { done: true, value: undefined };
          lostAnswer ||= ambiguous(e);
          return { done: false };
        },
      );
      if (r.ok) return { key, outcome: 'deleted', object, attempts: r.attempts };
      if (isUidPreconditionFailure(r.error)) {
        return {
          key,
          outcome: 'failed',
          object,
          attempts: r.attempts,
          error: {
            ...r.error,
            message: `${key}: was deleted since it was read; the object now under this name is a new one (uid ${uid} is gone), so it was not deleted`,
          },
        };
      }
      const cancelled = opts.signal?.aborted === true && isRetryable(r.error);
      return { key, outcome: cancelled ? 'cancelled' : 'failed', object, error: r.error, attempts: r.attempts };
    };
    return runPool(
      objects,
      opts.concurrency ?? 8,
      async (o) => report(await one(o)),
      (o) => report({ key: keyOf(o), outcome: 'cancelled', object: o, error: cancelledError(keyOf(o)), attempts: 0 }),
      opts.signal,
    );
  }
}
