// Previews and applies one JSON Patch to many objects, and deletes many objects.
//
// preview: a server-side dry run per object, giving the object before and after.
// apply:   the patch behind a guard of `test` ops (patch-landed.ts): the object is written only if
//          its spec, the places the patch touches and the values a filter chose it by still are
//          as previewed. Status churn the filter does not care about never blocks a write; a
//          retry of a write that landed always fails its guard, so 429s, 5xx, conflicts and
//          timeouts are retried safely and nothing is written twice.
// delete:  with `preconditions.uid`, so a retry never deletes the object OKG recreated under the
//          same name after the first attempt did delete ours.
// Every object gets exactly one result, in input order, and a result never says more than is
// known: when an answer was lost and the object cannot tell whether our write landed, the result
// says it may have been applied.
import * as l10n from '@vscode/l10n';
import { DEFAULT_CONCURRENCY } from '../defaults';
import { ClusterFailure, type ClusterClient, type JsonPatchOp } from './api';
import { isRetryable, isUidPreconditionFailure, type ClusterError } from './errors';
import { expectedAfter, failedGuardTest, guardTestFailing, landedVerdict, sameIdentity, writeGuard, type Guard, type GuardTest } from './patch-landed';
import { runPool } from './pool';
import { Backoff, sleep, type BackoffOptions } from './retry';
import { keyOf, type KubeObject, type ResourceKind } from './resources';

export interface Preview {
  key: string;
  /** The object the dry run started from (the apply's guard holds it to these values). */
  before: KubeObject;
  /** The server's answer to the dry run. */
  after?: KubeObject;
  error?: ClusterError;
}

/**
 * changed: patched exactly once. changed-since-preview: not patched, the object changed.
 * may-have-been-applied: an answer was lost and the object cannot tell whether the patch landed.
 * failed / cancelled: not patched.
 */
export type ApplyOutcome = 'changed' | 'changed-since-preview' | 'may-have-been-applied' | 'failed' | 'cancelled';

export interface ApplyResult {
  key: string;
  outcome: ApplyOutcome;
  before: KubeObject;
  /** The object as the server returned it after the patch (outcome `changed`). */
  after?: KubeObject;
  error?: ClusterError;
  attempts: number;
}

export type DeleteOutcome = 'deleted' | 'may-have-been-deleted' | 'failed' | 'cancelled';

export interface DeleteResult {
  key: string;
  outcome: DeleteOutcome;
  object: KubeObject;
  error?: ClusterError;
  attempts: number;
}

// The default lives with the other settings' defaults (okg.apply.concurrency); re-exported for the runner's callers.
export { DEFAULT_CONCURRENCY };

export interface RunOptions<R> {
  /** Objects in flight at once (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Aborting stops new objects from starting; they are reported as cancelled. */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, result: R) => void;
  /** Tries per request, the first included (default 6). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
}

export interface MatchOptions {
  /**
   * Whether an object, as it is now, is still one to change (the filter). When a value a filter
   * reads changed since the preview, the object is read again and, if it still matches and its
   * spec is as previewed, written; without it such an object is reported changed-since-preview.
   */
  stillMatches?: (obj: KubeObject) => boolean;
}

/** One patch for every object, or each object's own (a revert puts back each object's own values). */
export type PatchOps = readonly JsonPatchOp[] | ((obj: KubeObject) => readonly JsonPatchOp[]);

const opsFor = (ops: PatchOps, obj: KubeObject): readonly JsonPatchOp[] => (typeof ops === 'function' ? ops(obj) : ops);

type RetryOptions = Pick<RunOptions<unknown>, 'signal' | 'maxAttempts' | 'backoff'>;

/** Tries against a moving filtered value before giving up on an object. */
const REBASES = 3;

/** A failure after which the server may have carried the request out. */
const ambiguous = (e: ClusterError) => e.code === 'timeout' || e.code === 'server-error' || e.code === 'unreachable';

function failure(e: unknown): ClusterError {
  return e instanceof ClusterFailure ? e.error : { code: 'unknown', message: String(e) };
}

function cancelledError(key: string): ClusterError {
  return { code: 'cancelled', message: l10n.t('{0}: cancelled before it was sent', key) };
}

const conflictError = (e: ClusterError | undefined, message: string): ClusterError => ({ ...e, code: 'conflict', status: 409, reason: 'Conflict', message });

/** Why the guard stopped a write, in the user's words. */
function changedSinceMessage(key: string, t: GuardTest, noLongerMatches: boolean): string {
  const rest = 'so it was not patched; read it again (preview or rerun) to act on the current object';
  const path = t.op.path;
  if (path === '/metadata/uid')
    return `${key}: was deleted and recreated since it was read, so the object now under this name was not patched; read it again to act on it`;
  if (path === '/metadata/generation') return `${key}: its spec changed since it was read (generation ${String(t.op.value)}), ${rest}`;
  if (path === '/metadata/resourceVersion') return `${key}: changed since it was read (resourceVersion ${String(t.op.value)}), ${rest}`;
  if (t.role === 'read') {
    return noLongerMatches
      ? `${key}: ${path} changed since it was read and the object no longer matches the filter, ${rest}`
      : `${key}: ${path}, which the filter reads, changed since it was read, ${rest}`;
  }
  return `${key}: ${path} changed since it was read, ${rest}`;
}

export class PatchRunner {
  constructor(
    private readonly client: ClusterClient,
    readonly kind: ResourceKind,
  ) {}

  /**
   * Runs `send` until it succeeds, fails for good, or runs out of attempts; retryable failures
   * wait with backoff (at least as long as a 429's Retry-After). `lost` is true when a failure
   * on the way may hide a request the server carried out.
   */
  private async withRetries<T>(
    send: () => Promise<T>,
    opts: RetryOptions,
    final?: (e: ClusterError) => boolean,
  ): Promise<{ ok: true; value: T; attempts: number; lost: boolean } | { ok: false; error: ClusterError; attempts: number; lost: boolean }> {
    const max = opts.maxAttempts ?? 6;
    const backoff = new Backoff({ initialMs: 100, maxMs: 5_000, ...opts.backoff });
    let lost = false;
    for (let attempt = 1; ; attempt++) {
      try {
        return { ok: true, value: await send(), attempts: attempt, lost };
      } catch (e) {
        const error = failure(e);
        lost ||= ambiguous(error);
        if (!isRetryable(error) || final?.(error) || attempt >= max || opts.signal?.aborted) return { ok: false, error, attempts: attempt, lost };
        const wait = Math.max(backoff.next(), error.retryAfterMs ?? 0);
        if (!(await sleep(wait, opts.signal))) return { ok: false, error, attempts: attempt, lost };
      }
    }
  }

  private read(obj: KubeObject, opts: RetryOptions) {
    return this.withRetries(() => this.client.get(this.kind, obj.metadata.namespace ?? '', obj.metadata.name, { signal: opts.signal }), opts);
  }

  /**
   * A dry run per object, from the object as given, or as it is now if it changed since. With
   * `fresh`, each object is read from the server first and the given ones only name what to
   * preview: a compact cache copy must not be the diff's "before" nor the apply's guard. With
   * `stillMatches`, an object read again that no longer matches is not previewed.
   */
  async preview(objects: readonly KubeObject[], patch: PatchOps, opts: RunOptions<Preview> & MatchOptions & { fresh?: boolean } = {}): Promise<Preview[]> {
    let done = 0;
    const one = async (obj: KubeObject): Promise<Preview> => {
      const key = keyOf(obj);
      const ops = opsFor(patch, obj);
      const ns = obj.metadata.namespace ?? '';
      const name = obj.metadata.name;
      let before = obj;
      let reread = opts.fresh === true;
      let error: ClusterError | undefined;
      for (let round = 0; round < 3; round++) {
        if (reread) {
          const read = await this.read(obj, opts);
          if (!read.ok) return { key, before, error: read.error };
          before = read.value;
          if (opts.stillMatches && !opts.stillMatches(before)) {
            return {
              key,
              before,
              error: conflictError(undefined, `${key}: no longer matches the filter (it changed since it was listed), so it was left out`),
            };
          }
        }
        const guard = writeGuard(this.kind, before, ops);
        const r = await this.withRetries(
          () => this.client.patch(this.kind, ns, name, [...guard.ops, ...ops], { dryRun: true, signal: opts.signal }),
          opts,
          (e) => failedGuardTest(e, guard) !== undefined,
        );
        if (r.ok) return { key, before, after: r.value };
        error = r.error;
        if (!failedGuardTest(r.error, guard)) break;
        // The copy we were given is stale: preview from the object as it is now.
        reread = true;
        error = conflictError(r.error, `${key}: kept changing while it was being previewed; preview again`);
      }
      return { key, before, error };
    };
    return runPool(
      objects,
      opts.concurrency ?? DEFAULT_CONCURRENCY,
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
   * Applies `ops` to each previewed object behind its guard. A preview's `after` (the dry-run
   * result), when given, tells a landed retry from someone else's change.
   */
  async apply(
    previews: readonly Pick<Preview, 'before' | 'error' | 'after'>[],
    patch: PatchOps,
    opts: RunOptions<ApplyResult> & MatchOptions = {},
  ): Promise<ApplyResult[]> {
    let done = 0;
    const report = (r: ApplyResult) => {
      opts.onProgress?.(++done, previews.length, r);
      return r;
    };
    return runPool(
      previews,
      opts.concurrency ?? DEFAULT_CONCURRENCY,
      async (p) => report(await this.applyOne(p, opsFor(patch, p.before), opts)),
      (p) => report({ key: keyOf(p.before), outcome: 'cancelled', before: p.before, error: cancelledError(keyOf(p.before)), attempts: 0 }),
      opts.signal,
    );
  }

  private async applyOne(
    p: Pick<Preview, 'before' | 'error' | 'after'>,
    ops: readonly JsonPatchOp[],
    opts: RunOptions<ApplyResult> & MatchOptions,
  ): Promise<ApplyResult> {
    const before = p.before;
    const key = keyOf(before);
    // An object that changed while it was previewed (or no longer matches) was not patched because of that.
    if (p.error) return { key, outcome: p.error.code === 'conflict' ? 'changed-since-preview' : 'failed', before, error: p.error, attempts: 0 };
    const ns = before.metadata.namespace ?? '';
    const name = before.metadata.name;
    const expected = p.after ?? expectedAfter(before, ops);
    let guard: Guard = writeGuard(this.kind, before, ops);
    let attempts = 0;
    let lost = false;
    const result = (outcome: ApplyOutcome, extra: Partial<ApplyResult> = {}): ApplyResult => ({ key, outcome, before, attempts, ...extra });
    const mayHaveBeenApplied = (e: ClusterError, changedSince: boolean): ApplyResult => {
      const own = `${key}: `;
      const last = e.message.startsWith(own) ? e.message.slice(own.length) : e.message;
      const message = changedSince
        ? l10n.t(
            '{0}: the answer was lost and the object has changed since it was read, so the patch may have been applied; ' +
              'check the object before running again',
            key,
          )
        : l10n.t('{0}: the answer was lost ({1}), so the patch may have been applied; check the object before running again', key, last);
      return result('may-have-been-applied', { error: { ...e, reason: 'MayHaveBeenApplied', message } });
    };
    /**
     * After a lost answer: what the object says about our write (undefined when it cannot be
     * read). Read even after a cancel: the report must not guess.
     */
    const verdict = async () => {
      if (!expected) return undefined;
      const now = await this.read(before, { ...opts, signal: undefined });
      return now.ok ? { kind: landedVerdict(before, expected, now.value, ops), now: now.value } : undefined;
    };

    for (let rebases = 0; ;) {
      // No signal on the write itself: aborting a sent request would leave it unknown whether
      // the server applied it. Cancelling stops new objects and pending retries.
      const sent = guard;
      const r = await this.withRetries(
        () => this.client.patch(this.kind, ns, name, [...sent.ops, ...ops]),
        opts,
        (e) => failedGuardTest(e, sent) !== undefined,
      );
      attempts += r.attempts;
      lost ||= r.lost;
      if (r.ok) return result('changed', { after: r.value });
      let tripped = failedGuardTest(r.error, guard);
      let fresh: KubeObject | undefined;
      if (lost) {
        // An earlier try may have landed: the object tells, or we say we do not know.
        const v = await verdict();
        if (v?.kind === 'ours') return result('changed', { after: v.now });
        if (v?.kind === 'replaced')
          return result('changed-since-preview', {
            error: conflictError(r.error, changedSinceMessage(key, { op: { op: 'test', path: '/metadata/uid' }, role: 'identity' }, false)),
          });
        if (v?.kind !== 'absent') return mayHaveBeenApplied(r.error, tripped !== undefined);
        fresh = v.now;
        // Ours did not land. When the last answer was lost too, the object says what its guard
        // would have answered: a value that moved is then handled as if the 422 had come back.
        tripped ??= guardTestFailing(guard, fresh);
      }
      if (!tripped) {
        if (opts.signal?.aborted && isRetryable(r.error)) {
          return result('cancelled', {
            error: { ...r.error, code: 'cancelled', message: l10n.t('{0}: cancelled while retrying ({1})', key, r.error.message) },
          });
        }
        return result('failed', { error: r.error });
      }
      // Nothing of ours landed. A filtered value moved: if the object still matches and is
      // otherwise as previewed, write it with the guard taken from the object as it is now.
      if (tripped.role === 'read' && opts.stillMatches && rebases < REBASES && !opts.signal?.aborted) {
        if (!fresh) {
          const now = await this.read(before, opts);
          if (!now.ok) return result('failed', { error: now.error });
          fresh = now.value;
        }
        const next = writeGuard(this.kind, fresh, ops);
        const matches = opts.stillMatches(fresh);
        if (matches && sameIdentity(guard, next)) {
          guard = next;
          rebases++;
          continue;
        }
        if (!matches) return result('changed-since-preview', { error: conflictError(r.error, changedSinceMessage(key, tripped, true)) });
      }
      return result('changed-since-preview', { error: conflictError(r.error, changedSinceMessage(key, tripped, false)) });
    }
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
      const r = await this.withRetries(() => this.client.delete(this.kind, ns, name, { dryRun: opts.dryRun, uid }), opts);
      if (r.ok) return { key, outcome: 'deleted', object, attempts: r.attempts };
      // A delete whose answer was lost, and whose retry (or a read now) finds nothing or another
      // object under the name (OKG recreates a deleted GameServer at once), did delete ours.
      let gone = r.lost && (r.error.code === 'not-found' || isUidPreconditionFailure(r.error));
      if (r.lost && !gone && !opts.dryRun) {
        const now = await this.read(object, opts);
        if (now.ok && now.value.metadata.uid === uid) return { key, outcome: 'failed', object, error: r.error, attempts: r.attempts };
        gone = now.ok || now.error.code === 'not-found';
        if (!gone) {
          const message = `${key}: the answer was lost (${r.error.message}), so it may have been deleted; check before running again`;
          return { key, outcome: 'may-have-been-deleted', object, attempts: r.attempts, error: { ...r.error, reason: 'MayHaveBeenDeleted', message } };
        }
      }
      if (gone) return { key, outcome: 'deleted', object, attempts: r.attempts };
      if (isUidPreconditionFailure(r.error)) {
        return {
          key,
          outcome: 'failed',
          object,
          attempts: r.attempts,
          error: {
            ...r.error,
            message: l10n.t(
              '{0}: was deleted since it was read; the object now under this name is a new one (uid {1} is gone), so it was not deleted',
              key,
              String(uid),
            ),
          },
        };
      }
      const cancelled = opts.signal?.aborted === true && isRetryable(r.error);
      return { key, outcome: cancelled ? 'cancelled' : 'failed', object, error: r.error, attempts: r.attempts };
    };
    return runPool(
      objects,
      opts.concurrency ?? DEFAULT_CONCURRENCY,
      async (o) => report(await one(o)),
      (o) => report({ key: keyOf(o), outcome: 'cancelled', object: o, error: cancelledError(keyOf(o)), attempts: 0 }),
      opts.signal,
    );
  }
}
