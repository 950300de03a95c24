// Durations as Go writes them, since kgctl replaces a Go tool in pipelines: time.ParseDuration's
// syntax in (`90s`, `5m`, `1h30m`, `1.5h`, `250ms`) and time.Duration.String's form out (`5m0s`).

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const WHOLE = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** Milliseconds (rounded to whole ones), or undefined when `text` is not a Go duration. A sign is not accepted: kgctl has no use for one. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (!WHOLE.test(text)) return undefined;
  let ms = 0;
  for (const m of text.matchAll(PART)) ms += Number(m[1]) * UNIT_MS[m[2]];
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

/** `ms` as Go prints a Duration: `0s`, `250ms`, `1.5s`, `5m0s`, `1h30m0s`. */
export function formatDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  if (whole === 0) return '0s';
  if (whole < 1_000) return `${whole}ms`;
  const h = Math.floor(whole / 3_600_000);
  const m = Math.floor((whole % 3_600_000) / 60_000);
  const s = `${(whole % 60_000) / 1_000}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  return m > 0 ? `${m}m${s}` : s;
}
