// Fault settings from outside the process: checked JSON (the control endpoint) and command-line
// flags (`npm run sandbox`), both ending as the same `Partial<Faults>`.
import Ajv, { type ErrorObject } from 'ajv';
import { VERBS, type Faults, type InjectedError } from './faults';

const rate = { type: 'number', minimum: 0, maximum: 1 };
const ms = { type: 'number', minimum: 0 };

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    latencyMs: ms,
    errors: {
      type: 'object',
      propertyNames: { enum: VERBS },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['status', 'rate'],
        properties: { status: { enum: [500, 503, 429] }, rate, retryAfterSeconds: ms },
      },
    },
    conflictRate: rate,
    // null stops cutting watches.
    dropWatchesAfterMs: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }] },
    loseAnswers: { type: 'object', propertyNames: { enum: VERBS.filter((v) => v !== 'watch') }, additionalProperties: rate },
    loseAnswersBy: { enum: ['reset', 'silence'] },
    blackhole: { type: 'boolean' },
  },
};

const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

function describe(e: ErrorObject): string {
  const where = e.instancePath || 'the settings';
  const allowed = 'allowedValues' in e.params ? (e.params.allowedValues as unknown[]).join(', ') : '';
  if (e.propertyName !== undefined) return `${where}: unknown key "${e.propertyName}" (one of ${allowed})`;
  if (e.keyword === 'additionalProperties') return `${where}: unknown setting "${String(e.params.additionalProperty)}"`;
  if (e.keyword === 'enum') return `${where} must be one of ${allowed}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** `value` as fault settings, or an Error naming every setting that is wrong. */
export function checkFaults(value: unknown): Partial<Faults> {
  if (!validate(value)) {
    throw new Error(
      `bad fault settings: ${(validate.errors ?? [])
        .filter((e) => e.keyword !== 'propertyNames')
        .map(describe)
        .join('; ')}`,
    );
  }
  const f = { ...(value as Partial<Faults> & { dropWatchesAfterMs?: number | null }) };
  if (f.dropWatchesAfterMs === null) f.dropWatchesAfterMs = undefined;
  return f as Partial<Faults>;
}

export interface FaultFlags {
  latency?: string;
  error?: string[];
  'conflict-rate'?: string;
  'drop-watches-after'?: string;
  'lose-answers'?: string[];
  'lose-answers-by'?: string;
  blackhole?: boolean;
}

export const FAULT_FLAG_OPTIONS = {
  latency: { type: 'string' },
  error: { type: 'string', multiple: true },
  'conflict-rate': { type: 'string' },
  'drop-watches-after': { type: 'string' },
  'lose-answers': { type: 'string', multiple: true },
  'lose-answers-by': { type: 'string' },
  blackhole: { type: 'boolean' },
} as const;

export const FAULT_FLAGS_USAGE =
  '[--latency MS] [--error VERB=STATUS:RATE[:RETRY_AFTER_S]]... [--conflict-rate R] [--drop-watches-after MS] [--lose-answers VERB=RATE]... [--lose-answers-by reset|silence] [--blackhole]';

function num(flag: string, v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`--${flag}: ${JSON.stringify(v)} is not a number`);
  return n;
}

/** `VERB=REST` of a repeatable flag. */
function verbAnd(flag: string, v: string): [string, string] {
  const eq = v.indexOf('=');
  if (eq <= 0) throw new Error(`--${flag}: expected VERB=..., got ${JSON.stringify(v)}`);
  return [v.slice(0, eq), v.slice(eq + 1)];
}

/** Fault settings from flags (only the flags given), checked as the control endpoint checks JSON. */
export function faultsFromFlags(flags: FaultFlags): Partial<Faults> {
  const f: Record<string, unknown> = {};
  if (flags.latency !== undefined) f.latencyMs = num('latency', flags.latency);
  if (flags['conflict-rate'] !== undefined) f.conflictRate = num('conflict-rate', flags['conflict-rate']);
  if (flags['drop-watches-after'] !== undefined) f.dropWatchesAfterMs = num('drop-watches-after', flags['drop-watches-after']);
  if (flags['lose-answers-by'] !== undefined) f.loseAnswersBy = flags['lose-answers-by'];
  if (flags.blackhole) f.blackhole = true;
  if (flags.error?.length) {
    const errors: Record<string, InjectedError> = {};
    for (const v of flags.error) {
      const [verb, rest] = verbAnd('error', v);
      const [status, r, retry, ...extra] = rest.split(':');
      if (status === undefined || r === undefined || extra.length)
        throw new Error(`--error: expected VERB=STATUS:RATE[:RETRY_AFTER_S], got ${JSON.stringify(v)}`);
      errors[verb] = {
        status: num('error', status) as InjectedError['status'],
        rate: num('error', r),
        ...(retry !== undefined ? { retryAfterSeconds: num('error', retry) } : {}),
      };
    }
    f.errors = errors;
  }
  if (flags['lose-answers']?.length) {
    const lose: Record<string, number> = {};
    for (const v of flags['lose-answers']) {
      const [verb, r] = verbAnd('lose-answers', v);
      lose[verb] = num('lose-answers', r);
    }
    f.loseAnswers = lose;
  }
  return checkFaults(f);
}
