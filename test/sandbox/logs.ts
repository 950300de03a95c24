// What the containers of a GameServer's pod write, made up from the pod and the clock so the same
// second always reads the same: a few start-up lines when the container starts, then one line a
// second (the game: a heartbeat with its player count; the sidecar: what it shipped). A container
// restarted by an in-place update ran before too: `previous` reads that run, which ends with its
// shutdown. Only the latest MAX_HISTORY seconds are kept, as kubelet rotates container logs.
export const MAX_HISTORY = 10_000;
const MAX_PLAYERS = 64;

export interface LogLine {
  /** When it was written, epoch ms. */
  at: number;
  text: string;
}

export interface ContainerRun {
  pod: string;
  container: string;
  /** Whether it is the pod's first container (the game server), not a sidecar. */
  game: boolean;
  image: string;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms; undefined while it runs. */
  endedAt?: number;
}

/** FNV-1a: the same pod, container and second always give the same number. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The line `run` writes at whole second `second` (epoch seconds) after its start. */
export function tickLine(run: ContainerRun, second: number): string {
  const h = hash(`${run.pod}/${run.container}/${second}`);
  if (!run.game) return `level=info msg="shipped logs" lines=${h % 400} bytes=${(h % 400) * 97} destination=collector.logging:24224`;
  const players = (hash(`${run.pod}/${Math.floor(second / 30)}`) + (h % 3)) % (MAX_PLAYERS + 1);
  return `level=info msg="heartbeat" players=${players}/${MAX_PLAYERS} tick=${second} rtt_ms=${12 + (h % 40)}`;
}

function startLines(run: ContainerRun): string[] {
  if (!run.game) return [`level=info msg="log agent starting" image=${run.image}`, 'level=info msg="tailing /var/log/game/*.log"'];
  return [
    `level=info msg="starting game server" pod=${run.pod} image=${run.image}`,
    'level=info msg="listening" address=0.0.0.0:7777/UDP',
    'level=info msg="registered with OKG, waiting for players"',
  ];
}

/** Everything `run` wrote up to `now` (epoch ms), the last `tail` lines only when given. */
export function history(run: ContainerRun, now: number, tail?: number): LogLine[] {
  const end = Math.min(now, run.endedAt ?? now);
  const first = Math.floor(run.startedAt / 1000) + 1;
  const last = Math.floor(end / 1000);
  const ticks = Math.max(0, last - first + 1);
  const kept = Math.min(ticks, MAX_HISTORY, tail ?? Infinity);
  const lines: LogLine[] = [];
  if (ticks === kept) for (const text of startLines(run)) lines.push({ at: run.startedAt, text });
  for (let s = last - kept + 1; s <= last; s++) lines.push({ at: s * 1000, text: tickLine(run, s) });
  if (run.endedAt !== undefined && run.endedAt <= now)
    lines.push({ at: run.endedAt, text: 'level=info msg="received SIGTERM, shutting down" reason="in-place update"' });
  return tail === undefined ? lines : lines.slice(Math.max(0, lines.length - tail));
}

/** RFC 3339 with nanoseconds, as kubelet prefixes each line under `timestamps=true`. */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export const formatLine = (line: LogLine, timestamps: boolean): string => (timestamps ? `${logTimestamp(line.at)} ${line.text}\n` : `${line.text}\n`);
