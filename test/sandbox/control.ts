// A loopback HTTP endpoint to inspect and change a running sandbox from another process:
//   GET  /faults                      the fault settings in force
//   POST /faults {...}                changes them (the Faults fields; see fault-settings.ts)
//   POST /drop-watches                cuts every open watch now
//   POST /expire-history              every older resourceVersion gets 410 Gone from now on
//   GET  /objects?kind=&namespace=    the stored objects
//   POST /mutate {kind, namespace, name, ops}   changes an object as a controller would (JSON Patch ops)
//   GET  /requests                    the request log
//   POST /suspend                     the API stops listening and cuts every connection (ECONNREFUSED), as if killed
//   POST /resume                      it listens again on the same port, with the state as it is now
// Answers are JSON; a bad request is a 400 {error}.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyPatch, type PatchOp } from '../../server/src/engine';
import { checkFaults } from './fault-settings';
import type { Sandbox } from './index';
import type { Kind } from './store';

export interface SandboxControl {
  url: string;
  close(): Promise<void>;
}

class BadRequest extends Error {}

/** Runs `fn`; what it throws is the caller's mistake. */
function fromInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new BadRequest(e instanceof Error ? e.message : String(e));
  }
}

function replaceContents(obj: Record<string, unknown>, patched: Record<string, unknown>): void {
  for (const key of Object.keys(obj)) delete obj[key];
  // As data, so that a member named __proto__ stays a member.
  for (const [key, value] of Object.entries(patched)) Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

const KINDS: readonly Kind[] = ['GameServer', 'GameServerSet'];

function kindOf(v: unknown): Kind {
  if (!KINDS.includes(v as Kind)) throw new BadRequest(`kind must be one of ${KINDS.join(', ')}, got ${JSON.stringify(v)}`);
  return v as Kind;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += (chunk as Buffer).toString('utf8');
  try {
    return JSON.parse(text || '{}');
  } catch (e) {
    throw new BadRequest(`the body is not JSON: ${(e as Error).message}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function answer(sandbox: Sandbox, req: IncomingMessage, url: URL): Promise<unknown> {
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /faults':
      return sandbox.faults();
    case 'POST /faults': {
      const body = await readJson(req);
      sandbox.setFaults(fromInput(() => checkFaults(body)));
      return sandbox.faults();
    }
    case 'POST /drop-watches':
      sandbox.dropWatches();
      return {};
    case 'POST /expire-history':
      sandbox.expireHistory();
      return {};
    case 'GET /objects':
      return sandbox.objects(kindOf(url.searchParams.get('kind')), url.searchParams.get('namespace') ?? undefined);
    case 'GET /requests':
      return sandbox.requests();
    case 'POST /suspend':
      await sandbox.suspend();
      return {};
    case 'POST /resume':
      await sandbox.resume();
      return {};
    case 'POST /mutate': {
      const { kind, namespace, name, ops } = (await readJson(req)) as { kind?: unknown; namespace?: unknown; name?: unknown; ops?: unknown };
      const k = kindOf(kind);
      if (typeof namespace !== 'string' || typeof name !== 'string' || !Array.isArray(ops)) {
        throw new BadRequest('mutate needs {kind, namespace, name, ops: [JSON Patch operations]}');
      }
      // mutate changes the stored object in place; the engine returns a patched copy, whole or not at all.
      return fromInput(() => sandbox.mutate(k, namespace, name, (obj) => replaceContents(obj, applyPatch(obj, ops as PatchOp[]))));
    }
    default:
      throw new BadRequest(`no route ${route}`);
  }
}

/** Serves the control endpoint on 127.0.0.1 (`port` 0, the default, lets the OS choose). */
export async function startSandboxControl(sandbox: Sandbox, opts: { port?: number } = {}): Promise<SandboxControl> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    answer(sandbox, req, url).then(
      (body) => send(res, 200, body),
      (e: unknown) => send(res, e instanceof BadRequest ? 400 : 500, { error: e instanceof Error ? e.message : String(e) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
