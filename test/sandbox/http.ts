// Request and response plumbing shared by the handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from './status';

const MAX_BODY = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'BadRequest', 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`the body of the request could not be decoded as JSON: ${(e as Error).message}`);
  }
}

/** Responses whose answer is to be lost, and how; `status` is what the handler meant to send. */
const losing = new WeakMap<ServerResponse, { by: 'reset' | 'silence'; status?: number }>();

/** The handler still runs to its end (a write is applied); its answer never leaves. */
export function loseAnswer(res: ServerResponse, by: 'reset' | 'silence'): void {
  losing.set(res, { by });
}

/** The status of an answer that was lost, if this response's was. */
export const lostStatus = (res: ServerResponse): number | undefined => losing.get(res)?.status;

export function sendJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  const lost = losing.get(res);
  if (lost) {
    lost.status = code;
    // `silence` keeps the connection open without a word until the client gives up.
    if (lost.by === 'reset') res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError): void {
  const retry = err.details?.retryAfterSeconds;
  sendJson(res, err.code, err.toStatus(), retry !== undefined ? { 'Retry-After': String(retry) } : {});
}

/** The media type of a Content-Type header, without parameters. */
export const mediaType = (header: string | undefined): string => (header ?? '').split(';')[0]!.trim().toLowerCase();
