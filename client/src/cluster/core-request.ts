// A GET of a core/v1 path (a pod, its log, events) with the kubeconfig's credentials and TLS, as a
// response stream. client-node 1.4.0's Log class drops the body of an error answer (the API
// server's reason, such as which containers a pod has) and turns network errors into a bare 500,
// so logs and events go through node's own request with the same credentials instead.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { toClusterError, type ErrorContext } from './errors';
import { ClusterFailure } from './api';

const MAX_ERROR_BODY = 64 * 1024;

async function errorBody(res: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of res) {
    if (text.length < MAX_ERROR_BODY) text += String(chunk);
  }
  return text;
}

/**
 * The response to GET `path` (with `query`) once it answered 200; otherwise a ClusterFailure whose
 * message names `ectx`'s object and the server's reason. `signal` cuts the request at any point.
 */
export async function openCore(
  kc: KubeConfig,
  path: string,
  query: Record<string, string>,
  ectx: ErrorContext,
  signal?: AbortSignal,
): Promise<IncomingMessage> {
  const server = kc.getCurrentCluster()?.server;
  if (!server)
    throw new ClusterFailure({
      code: 'kubeconfig',
      message: l10n.t("{0}/{1}: the kubeconfig's context has no cluster", ectx.namespace ?? '', ectx.name ?? ''),
    });
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const opts: RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(opts);
  } catch (e) {
    throw new ClusterFailure(toClusterError(e, ectx));
  }
  const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(url, { ...opts, method: 'GET', headers: { ...opts.headers, Accept: 'application/json, */*' }, signal }, resolve);
    req.on('error', reject);
    req.end();
  }).catch((e: unknown) => {
    throw new ClusterFailure(toClusterError(e, ectx));
  });
  if (res.statusCode === 200) return res;
  const body = await errorBody(res).catch(() => '');
  throw new ClusterFailure(toClusterError(new ApiException(res.statusCode ?? 0, 'error', body, {}), ectx));
}

/** GET `path` and read the answer as JSON, within `timeoutMs`. */
export async function getCoreJson(
  kc: KubeConfig,
  path: string,
  query: Record<string, string>,
  ectx: ErrorContext,
  signal?: AbortSignal,
  timeoutMs = 30_000,
): Promise<unknown> {
  const limit = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, limit]) : limit;
  const res = await openCore(kc, path, query, ectx, combined);
  let text = '';
  try {
    for await (const chunk of res) text += String(chunk);
  } catch (e) {
    throw new ClusterFailure(toClusterError(e, ectx));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ClusterFailure({ code: 'unknown', message: l10n.t("{0}/{1}: the API server's answer is not JSON", ectx.namespace ?? '', ectx.name ?? '') });
  }
}
