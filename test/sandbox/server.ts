// The HTTPS server: latency, authentication, authorization, injected faults, routing, the request log,
// and stopping and listening again on the same port (suspend and resume).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Auth, type User } from './auth';
import type { Certs } from './certs';
import type { Backend, ResourceRequest } from './context';
import { discoveryDocument } from './discovery';
import type { Verb } from './faults';
import { loseAnswer, lostStatus, sendError, sendJson } from './http';
import { GROUP } from './kinds';
import { serveCore } from './pods-and-events';
import { create, get, list, patch, remove, update } from './objects';
import { serveOpenApi } from './openapi';
import { route, verbOf, type Route } from './routes';
import { getScale, writeScale } from './scale';
import { ApiError, forbidden, methodNotAllowed, pageNotFound } from './status';
import { wantsTable } from './table';
import { watch } from './watch';

export interface LoggedRequest {
  verb: string;
  path: string;
  /** The status answered; ABANDONED when the client went away before any answer. */
  status: number;
  /** The request was carried out but its answer (of this status) was lost on purpose (faults.loseAnswers). */
  lost?: true;
}

/** Logged for a request whose client went away before it was answered (nginx's "client closed request"). */
export const ABANDONED = 499;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ApiServer {
  readonly log: LoggedRequest[] = [];
  readonly server: Server;
  /** Every open connection, raw and TLS, so suspend() can cut even one still shaking hands. */
  private readonly sockets = new Set<Socket>();
  /** Requests the black hole swallowed, unanswered. */
  private readonly held = new Set<ServerResponse>();

  constructor(
    private readonly backend: Backend,
    readonly auth: Auth,
    certs: Certs,
  ) {
    this.server = createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => void this.handle(req, res));
    const track = (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    };
    this.server.on('connection', track);
    this.server.on('secureConnection', track);
  }

  /** Listens on 127.0.0.1 (`port` 0: any free port); resolves to the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const failed = (e: Error) => reject(e);
      this.server.once('error', failed);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', failed);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops listening and cuts every connection, as when the API process dies; clients get ECONNREFUSED until listen() again. */
  async stop(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  /** How many requests the black hole holds unanswered now. */
  get heldCount(): number {
    return this.held.size;
  }

  /** Cuts the requests the black hole held, so their clients see the connection die and retry. */
  releaseHeld(): void {
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const method = req.method ?? 'GET';
    const r = route(url.pathname);
    const isWatch = ['true', '1'].includes(url.searchParams.get('watch') ?? '');
    const verb = (r && verbOf(method, r, isWatch)) ?? method.toLowerCase();
    let gone = false;
    res.on('finish', () => this.log.push({ verb, path: url.pathname, status: res.statusCode }));
    res.on('close', () => {
      if (res.writableFinished) return;
      const lost = lostStatus(res);
      if (lost !== undefined) this.log.push({ verb, path: url.pathname, status: lost, lost: true });
      else this.log.push({ verb, path: url.pathname, status: res.headersSent ? res.statusCode : ABANDONED });
      gone = true;
    });
    if (this.backend.faults.blackhole) {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    try {
      const latency = this.backend.faults.latencyMs;
      if (latency > 0) await sleep(latency);
      // A request abandoned while it waited is not carried out: its client never learns the outcome.
      if (gone) return;
      const lose = r?.type === 'resource' ? this.backend.faults.loseAnswer(verb as Verb) : undefined;
      if (lose) loseAnswer(res, lose);
      await this.dispatch(req, res, url, r, method, isWatch);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(500, 'InternalError', `Internal error occurred: ${(e as Error).message}`);
      if (!res.headersSent) sendError(res, err);
      else res.destroy();
    }
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse, url: URL, r: Route | undefined, method: string, isWatch: boolean): Promise<void> {
    if (r?.type === 'public') {
      sendJson(res, 200, discoveryDocument(r.path, '') ?? 'ok');
      return;
    }
    const user = this.auth.authenticate(req);
    if (!r) throw pageNotFound();
    const verb = verbOf(method, r, isWatch);
    if (!verb) throw methodNotAllowed(method);
    if (r.type === 'openapi') {
      serveOpenApi(req, res, r.path);
      return;
    }
    if (r.type === 'discovery') {
      sendJson(res, 200, discoveryDocument(r.path, `${req.socket.localAddress}:${req.socket.localPort}`));
      return;
    }
    if (r.type === 'namespaces') {
      const table = wantsTable(req.headers.accept);
      const b = this.backend;
      sendJson(res, 200, r.name ? b.namespaces.get(r.name, table) : b.namespaces.list(b.store.resourceVersion, table));
      return;
    }
    if (r.type === 'core') {
      const injected = this.backend.faults.errorFor(verb as Verb, r.resource, '', r.name);
      if (injected) throw injected;
      serveCore(this.backend, r, req, res, url, verb);
      return;
    }
    this.authorize(user, verb, r);
    const injected = this.backend.faults.errorFor(verb as Verb, r.res.plural, GROUP, r.name);
    if (injected) throw injected;
    const rr: ResourceRequest = {
      req,
      res,
      url,
      resource: r.res,
      verb,
      ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
      ...(r.name !== undefined ? { name: r.name } : {}),
      ...(r.sub ? { sub: r.sub } : {}),
    };
    await this.serve(rr);
  }

  private authorize(user: User, verb: string, r: Extract<Route, { type: 'resource' }>): void {
    if (Auth.allowed(user, verb)) return;
    throw forbidden(user, verb, r.res.plural, r.sub, GROUP, r.namespace, r.name);
  }

  private async serve(r: ResourceRequest): Promise<void> {
    const b = this.backend;
    if (r.sub === 'scale') return r.verb === 'get' ? getScale(b, r) : writeScale(b, r);
    switch (r.verb) {
      case 'list':
        return list(b, r);
      case 'watch':
        return watch(b, r);
      case 'get':
        return get(b, r);
      case 'create':
        return create(b, r);
      case 'update':
        return update(b, r);
      case 'patch':
        return patch(b, r);
      case 'delete':
        return remove(b, r);
      default:
        throw methodNotAllowed(r.req.method ?? '');
    }
  }
}
