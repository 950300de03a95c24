// A minimal HTTPS client for tests that talk to the sandbox directly (what kubectl does not show).
import { request } from 'node:https';
import type { Sandbox } from './index';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export interface CallOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Defaults to the admin token; null sends none. */
  token?: string | null;
  /** How long to wait for the answer before giving up (default 10 s). */
  timeoutMs?: number;
  /** On a new connection rather than a kept-alive one (which, cut by the server, first fails with a reset). */
  fresh?: boolean;
}

export function call(sb: Sandbox, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  const token = opts.token === undefined ? sb.tokens.admin : opts.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    headers['Content-Type'] = opts.contentType ?? 'application/json';
    // Node frames a DELETE body only when told its length.
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const timeout = opts.timeoutMs ?? 10_000;
    const req = request(new URL(path, sb.url), { method, headers, ca: sb.caPem, timeout, ...(opts.fresh ? { agent: false } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${timeout} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface WatchEvent {
  type: string;
  object: any;
}

/**
 * Opens a watch and collects its events until the server ends the stream, the connection
 * breaks, or `stop` is called; `ended` resolves with every event and how the stream ended.
 */
export function openWatch(sb: Sandbox, path: string): { events: WatchEvent[]; ended: Promise<{ events: WatchEvent[]; how: 'end' | 'error' }>; stop(): void } {
  const events: WatchEvent[] = [];
  let stop = () => {};
  const ended = new Promise<{ events: WatchEvent[]; how: 'end' | 'error' }>((resolve) => {
    const req = request(new URL(path, sb.url), { headers: { Authorization: `Bearer ${sb.tokens.admin}`, Accept: 'application/json' }, ca: sb.caPem }, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const line = buf.slice(0, i).trim();
          buf = buf.slice(i + 1);
          if (line) events.push(JSON.parse(line));
        }
      });
      res.on('end', () => resolve({ events, how: 'end' }));
      res.on('error', () => resolve({ events, how: 'error' }));
      res.on('aborted', () => resolve({ events, how: 'error' }));
    });
    req.on('error', () => resolve({ events, how: 'error' }));
    req.end();
    stop = () => req.destroy();
  });
  return { events, ended, stop: () => stop() };
}
