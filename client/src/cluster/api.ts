// The few API calls this project makes, over client-node's CustomObjectsApi and Watch, with a
// per-request timeout, cancellation, connection reuse, and errors already put into words.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import * as l10n from '@vscode/l10n';
import { CustomObjectsApi, Observable, Watch, type KubeConfig, type RequestContext, type ResponseContext } from '@kubernetes/client-node';
import { toClusterError, type ClusterError, type ErrorContext, type Verb } from './errors';
import { forgetExecCredential } from './exec-auth';
import { collectionPath, RESOURCES, type KubeObject, type ResourceKind } from './resources';
import { serverOf } from './kubeconfig';
import { nameProblem, namespaceProblem } from './names';
import { apiServerJson } from '../../../server/src/engine';

/** A failed request, with its error already described for the user. */
export class ClusterFailure extends Error {
  constructor(readonly error: ClusterError) {
    super(error.message);
  }
}

export function asClusterError(e: unknown): ClusterError {
  if (e instanceof ClusterFailure) return e.error;
  return toClusterError(e, {});
}

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

export interface ListPage {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ClusterClientOptions {
  /** Each request's time limit; a watch has none (it is kept alive by its own checks). */
  requestTimeoutMs?: number;
  /**
   * The only verbs this client may send; any other request is refused before it is sent. kgctl
   * sets it from the table its RBAC output is printed from, so the two cannot drift apart.
   */
  verbs?: readonly Verb[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchOptions {
  /** Asks the server to end the watch cleanly after this many seconds (done(null)). */
  timeoutSeconds?: number;
  /**
   * How long to wait for the response headers before cutting the request; done then gets a
   * timeout error. Without it a server that accepts the connection and never answers holds the
   * watch forever (client-node 1.4.0 sets no limit of its own).
   */
  headersTimeoutMs?: number;
  /** Aborting ends the watch at any point, before the answer too; done is not called. */
  signal?: AbortSignal;
}

function sameBuffer(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
}

/**
 * Why the namespace or name of a request cannot go into its URL, or undefined. Refused rather
 * than encoded: "..", for one, is left as it is by encodeURIComponent and collapses the path.
 */
function targetError(ectx: ErrorContext, verbs: readonly Verb[] | undefined): ClusterError | undefined {
  if (verbs && ectx.verb && !verbs.includes(ectx.verb)) {
    const what = ectx.kind ? RESOURCES[ectx.kind].qualified : 'a resource';
    const message = `refused to ${ectx.verb} ${what}: this client may only ${verbs.join(', ')}; nothing was sent`;
    return { code: 'unknown', message };
  }
  const problem =
    (ectx.namespace === undefined ? undefined : namespaceProblem(ectx.namespace)) ?? (ectx.name === undefined ? undefined : nameProblem(ectx.name));
  if (problem === undefined) return undefined;
  const what = ectx.kind ? RESOURCES[ectx.kind].qualified : l10n.t('a request');
  return { code: 'invalid-name', message: l10n.t('refused to {0} {1}: {2}; nothing was sent', ectx.verb ?? l10n.t('send'), what, problem) };
}

export class ClusterClient {
  readonly context: string;
  /** The API server address for messages and logs: userinfo and query removed (redact.ts). */
  readonly server: string | undefined;
  private readonly api: CustomObjectsApi;
  private readonly timeoutMs: number;
  private readonly verbs: readonly Verb[] | undefined;
  private agent: HttpsAgent | undefined;

  constructor(
    readonly kc: KubeConfig,
    opts: ClusterClientOptions = {},
  ) {
    this.context = kc.getCurrentContext();
    this.server = serverOf(kc);
    this.api = kc.makeApiClient(CustomObjectsApi);
    this.timeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.verbs = opts.verbs;
  }

  errorContext(verb: Verb, kind: ResourceKind, namespace?: string, name?: string): ErrorContext {
    return { context: this.context, server: this.server, verb, kind, namespace, name };
  }

  /**
   * client-node 1.4.0 builds a new https.Agent for every request, so every request pays a new
   * TLS handshake. Requests are sent through one keep-alive agent instead, rebuilt only when the
   * TLS material (which exec credentials may rotate) changes.
   */
  private reuseAgent(ctx: RequestContext): void {
    const fresh = ctx.getAgent();
    if (!(fresh instanceof HttpsAgent)) return;
    const o: AgentOptions = fresh.options;
    const cur = this.agent?.options;
    const same =
      cur !== undefined &&
      sameBuffer(cur.ca, o.ca) &&
      sameBuffer(cur.cert, o.cert) &&
      sameBuffer(cur.key, o.key) &&
      cur.rejectUnauthorized === o.rejectUnauthorized &&
      cur.servername === o.servername;
    if (!same) {
      this.agent?.destroy();
      this.agent = new HttpsAgent({ ...o, keepAlive: true, maxSockets: 64 });
    }
    ctx.setAgent(this.agent as HttpsAgent);
  }

  /**
   * `jsonBody`: sent as the text the API server itself writes for it (apiServerJson). A JSON
   * Patch `test` compares a string as JSON text against the stored value's, which Go writes with
   * `<`, `>` and `&` escaped: JSON.stringify's text would fail a test of `a&b` against `a&b`.
   */
  private options(signal: AbortSignal | undefined, jsonBody?: unknown) {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    return {
      middleware: [
        {
          pre: (ctx: RequestContext) => {
            ctx.setSignal(combined);
            this.reuseAgent(ctx);
            if (jsonBody !== undefined) ctx.setBody(apiServerJson(jsonBody));
            return new Observable(Promise.resolve(ctx));
          },
          post: (rsp: ResponseContext) => new Observable(Promise.resolve(rsp)),
        },
      ],
      middlewareMergeStrategy: 'append' as const,
    };
  }

  /** A described error; a 401 also drops a credential plugin's cached credential, as kubectl does. */
  private describe(e: unknown, ectx: ErrorContext): ClusterError {
    const error = toClusterError(e, ectx);
    if (error.code === 'unauthorized') forgetExecCredential(this.kc);
    return error;
  }

  private async call<T>(
    ectx: ErrorContext,
    signal: AbortSignal | undefined,
    run: (o: ReturnType<ClusterClient['options']>) => Promise<T>,
    jsonBody?: unknown,
  ): Promise<T> {
    const refused = targetError(ectx, this.verbs);
    if (refused) throw new ClusterFailure(refused);
    try {
      return await run(this.options(signal, jsonBody));
    } catch (e) {
      if (signal?.aborted)
        throw new ClusterFailure({ code: 'cancelled', message: `${ectx.name ? `${ectx.namespace}/${ectx.name}: ` : ''}${l10n.t('cancelled')}` });
      throw new ClusterFailure(this.describe(e, ectx));
    }
  }

  /** One page of a list: one namespace, or all namespaces when `namespace` is undefined. */
  async listPage(
    kind: ResourceKind,
    namespace: string | undefined,
    page: { limit?: number; continue?: string; fieldSelector?: string } & RequestOptions = {},
  ): Promise<ListPage> {
    const r = RESOURCES[kind];
    const base = { group: r.group, version: r.version, plural: r.plural, limit: page.limit, _continue: page.continue, fieldSelector: page.fieldSelector };
    const list = await this.call(this.errorContext('list', kind, namespace), page.signal, (o) =>
      namespace === undefined ? this.api.listClusterCustomObject(base, o) : this.api.listNamespacedCustomObject({ ...base, namespace }, o),
    );
    const items: KubeObject[] = Array.isArray(list?.items) ? list.items : [];
    // List items carry no kind; give them one so every object in this project is self-describing.
    for (const it of items) {
      it.apiVersion ??= `${r.group}/${r.version}`;
      it.kind ??= kind;
    }
    const cont = list?.metadata?.continue;
    return { items, resourceVersion: String(list?.metadata?.resourceVersion ?? ''), continue: cont ? String(cont) : undefined };
  }

  async get(kind: ResourceKind, namespace: string, name: string, o: RequestOptions = {}): Promise<KubeObject> {
    const r = RESOURCES[kind];
    return this.call(this.errorContext('get', kind, namespace, name), o.signal, (opt) =>
      this.api.getNamespacedCustomObject({ group: r.group, version: r.version, plural: r.plural, namespace, name }, opt),
    );
  }

  /** A JSON Patch (client-node's default patch content type), optionally as a server-side dry run. */
  async patch(
    kind: ResourceKind,
    namespace: string,
    name: string,
    ops: readonly JsonPatchOp[],
    o: RequestOptions & { dryRun?: boolean } = {},
  ): Promise<KubeObject> {
    const r = RESOURCES[kind];
    return this.call(
      this.errorContext('patch', kind, namespace, name),
      o.signal,
      (opt) =>
        this.api.patchNamespacedCustomObject(
          { group: r.group, version: r.version, plural: r.plural, namespace, name, body: ops, dryRun: o.dryRun ? 'All' : undefined },
          opt,
        ),
      ops,
    );
  }

  /** A delete, only of the object with `uid` when given (not one recreated under the same name since). */
  async delete(kind: ResourceKind, namespace: string, name: string, o: RequestOptions & { dryRun?: boolean; uid?: string } = {}): Promise<unknown> {
    const r = RESOURCES[kind];
    return this.call(this.errorContext('delete', kind, namespace, name), o.signal, (opt) =>
      this.api.deleteNamespacedCustomObject(
        {
          group: r.group,
          version: r.version,
          plural: r.plural,
          namespace,
          name,
          dryRun: o.dryRun ? 'All' : undefined,
          body: o.uid ? { preconditions: { uid: o.uid } } : undefined,
        },
        opt,
      ),
    );
  }

  /**
   * Starts a watch. `done` is called once: with null when the server ends the stream, with the
   * described error otherwise, and not at all after `abort()` or `o.signal` (an abort is not an
   * error). The promise resolves once the server answered (or the attempt failed).
   */
  async watch(
    kind: ResourceKind,
    namespace: string | undefined,
    resourceVersion: string,
    onEvent: (type: WatchEventType, obj: unknown) => void,
    done: (err: ClusterError | null) => void,
    o: WatchOptions = {},
  ): Promise<{ abort(): void }> {
    const ectx = this.errorContext('watch', kind, namespace);
    const refused = targetError(ectx, this.verbs);
    if (refused) {
      done(refused);
      return { abort: () => undefined };
    }
    let finished = false;
    let timedOut = false;
    let agent: HttpAgent | undefined;
    let ctrl: AbortController | undefined;
    let headersTimer: NodeJS.Timeout | undefined;
    const abort = () => {
      if (finished) return;
      finished = true;
      clearTimeout(headersTimer);
      o.signal?.removeEventListener('abort', abort);
      ctrl?.abort();
      agent?.destroy();
    };
    if (o.signal?.aborted) return { abort };
    o.signal?.addEventListener('abort', abort, { once: true });
    // client-node's Watch builds one agent per request and hands out its AbortController only
    // once the response headers arrived: holding on to the agent is the only way to cut a request
    // that a black-holed server accepted and never answers.
    const config = Object.create(this.kc) as KubeConfig;
    config.applyToFetchOptions = async (opts) => {
      const init = await this.kc.applyToFetchOptions(opts);
      if (!(init.agent instanceof HttpAgent)) return init;
      const own = (agent = init.agent);
      if (finished) own.destroy();
      // Timed from here, not from the call: getting credentials (an exec plugin) may take a while.
      else if (o.headersTimeoutMs !== undefined) {
        headersTimer = setTimeout(() => {
          timedOut = true;
          own.destroy();
        }, o.headersTimeoutMs);
      }
      return init;
    };
    const ended = (err: unknown) => {
      clearTimeout(headersTimer);
      if (finished) return;
      finished = true;
      o.signal?.removeEventListener('abort', abort);
      agent?.destroy();
      if (timedOut) {
        done({
          code: 'timeout',
          message: l10n.t(
            'the API server{0} did not answer a watch within {1} ms (context "{2}")',
            this.server ? l10n.t(' at {0}', this.server) : '',
            String(o.headersTimeoutMs),
            String(this.context),
          ),
        });
      } else done(err ? this.describe(err, ectx) : null);
    };
    try {
      ctrl = await new Watch(config).watch(
        collectionPath(kind, namespace),
        { resourceVersion, allowWatchBookmarks: true, timeoutSeconds: o.timeoutSeconds },
        (type, obj) => {
          if (!finished) onEvent(type as WatchEventType, obj);
        },
        ended,
      );
    } catch (e) {
      // Getting the credentials (a credential plugin, a token file) failed before any request:
      // client-node's Watch rejects then instead of calling done.
      ended(e);
      return { abort };
    }
    clearTimeout(headersTimer);
    if (finished) ctrl.abort();
    return { abort };
  }

  /** Closes pooled connections. */
  dispose(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }
}
