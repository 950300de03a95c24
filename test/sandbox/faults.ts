// Fault injection: latency, per-verb error rates, conflicts, watch cuts, lost answers and a
// black hole, changeable at run time.
import { ApiError, conflict, injected } from './status';
import type { Rng } from './rng';

export type Verb = 'list' | 'get' | 'create' | 'update' | 'patch' | 'delete' | 'watch';

/** The verbs whose answer can be lost (a watch's answer is a stream; dropped watches cut those). */
export type AnsweredVerb = Exclude<Verb, 'watch'>;

export const VERBS: readonly Verb[] = ['list', 'get', 'create', 'update', 'patch', 'delete', 'watch'];

export interface InjectedError {
  status: 500 | 503 | 429;
  rate: number;
  retryAfterSeconds?: number;
}

export interface Faults {
  /** Added before every response. */
  latencyMs: number;
  errors: Partial<Record<Verb, InjectedError>>;
  /** Fraction of writes (update, patch, delete) answered 409 Conflict. */
  conflictRate: number;
  /** Watches are cut after this long. */
  dropWatchesAfterMs?: number;
  /**
   * Fraction of requests of each verb that are carried out (a write is applied) and then not
   * answered: the client cannot tell whether its write happened.
   */
  loseAnswers: Partial<Record<AnsweredVerb, number>>;
  /** How an answer is lost: `reset` cuts the connection at once; `silence` never answers (the client times out). */
  loseAnswersBy: 'reset' | 'silence';
  /**
   * The API goes silent as behind a dead network path: new requests are accepted and never
   * answered, and open watches get nothing more (they stay silent even after it is turned off).
   * Turning it off cuts the requests it held, so their clients retry; new ones are served again.
   */
  blackhole?: boolean;
}

export const noFaults = (): Faults => ({ latencyMs: 0, errors: {}, conflictRate: 0, loseAnswers: {}, loseAnswersBy: 'reset' });

export class FaultInjector {
  private current: Faults = noFaults();

  constructor(private readonly rng: Rng) {}

  /** Replaces the named settings (`errors` and `loseAnswers` as a whole); the ones not given keep their value. */
  set(f: Partial<Faults>): void {
    this.current = {
      ...this.current,
      ...f,
      errors: f.errors ? { ...f.errors } : this.current.errors,
      loseAnswers: f.loseAnswers ? { ...f.loseAnswers } : this.current.loseAnswers,
    };
  }

  /** A copy of the settings in force. */
  get settings(): Faults {
    return structuredClone(this.current);
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  get blackhole(): boolean {
    return this.current.blackhole === true;
  }

  get dropWatchesAfterMs(): number | undefined {
    return this.current.dropWatchesAfterMs;
  }

  /** The injected error for this request, if the dice say so. */
  errorFor(verb: Verb, plural: string, group: string, name: string | undefined): ApiError | undefined {
    const e = this.current.errors[verb];
    if (e && e.rate > 0 && this.rng() < e.rate) return injected(e.status, e.retryAfterSeconds);
    // A create cannot conflict with a newer version of itself, so only changes of existing objects do.
    const isChange = verb === 'update' || verb === 'patch' || verb === 'delete';
    if (isChange && this.current.conflictRate > 0 && this.rng() < this.current.conflictRate) {
      return conflict(plural, group, name ?? '');
    }
    return undefined;
  }

  /** How this request's answer is to be lost, if the dice say so. */
  loseAnswer(verb: Verb): Faults['loseAnswersBy'] | undefined {
    if (verb === 'watch') return undefined;
    const rate = this.current.loseAnswers[verb] ?? 0;
    return rate > 0 && this.rng() < rate ? this.current.loseAnswersBy : undefined;
  }
}
