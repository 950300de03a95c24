// A GameServer's pod (same name and namespace) and its container logs: the container names, and a
// followed log delivered as text chunks until the server ends it, it drops, or the caller aborts.
import type { KubeConfig } from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { ClusterFailure } from './api';
import { getCoreJson, openCore } from './core-request';
import { toClusterError, type ClusterError, type ErrorContext } from './errors';
import { nameProblem, namespaceProblem } from './names';

export interface PodRef {
  namespace: string;
  name: string;
}

/** How a followed log ended: the server closed it (the container stopped), the connection dropped, or the caller aborted. */
export type LogEnd = { end: 'closed' } | { end: 'dropped'; error: ClusterError } | { end: 'aborted' };

export interface FollowOptions {
  container: string;
  /** The last lines to send first; 0: only what is written from now on. */
  tailLines: number;
  onText(text: string): void;
  signal: AbortSignal;
}

function context(kc: KubeConfig, pod: PodRef): ErrorContext {
  return { context: kc.getCurrentContext(), server: kc.getCurrentCluster()?.server, verb: 'get', namespace: pod.namespace, name: pod.name };
}

/** The pod's path, refused (never encoded) when the namespace or name could not be one. */
function podPath(pod: PodRef): string {
  const problem = namespaceProblem(pod.namespace) ?? nameProblem(pod.name);
  if (problem) throw new ClusterFailure({ code: 'invalid-name', message: `${pod.namespace}/${pod.name}: ${problem}` });
  return `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`;
}

/** The names of the pod's containers, in order (init containers aside). */
export async function podContainers(kc: KubeConfig, pod: PodRef, signal?: AbortSignal): Promise<string[]> {
  const body = (await getCoreJson(kc, podPath(pod), {}, context(kc, pod), signal)) as { spec?: { containers?: unknown } };
  const containers = Array.isArray(body?.spec?.containers) ? (body.spec.containers as { name?: unknown }[]) : [];
  const names = containers.map((c) => c?.name).filter((n): n is string => typeof n === 'string');
  if (names.length === 0) throw new ClusterFailure({ code: 'unknown', message: l10n.t('{0}/{1}: the pod has no containers', pod.namespace, pod.name) });
  return names;
}

/**
 * Follows the log of `opts.container`: the last `tailLines` lines, then every new one, each chunk
 * to `onText` as it arrives. Throws a ClusterFailure when the log cannot be opened (no such pod,
 * a container still waiting, ...); once open, resolves to how it ended.
 */
export async function followPodLog(kc: KubeConfig, pod: PodRef, opts: FollowOptions): Promise<LogEnd> {
  const query = { container: opts.container, follow: 'true', tailLines: String(opts.tailLines) };
  const res = await openCore(kc, `${podPath(pod)}/log`, query, context(kc, pod), opts.signal);
  res.setEncoding('utf8');
  return new Promise<LogEnd>((resolve) => {
    let settled = false;
    const settle = (end: LogEnd) => {
      if (settled) return;
      settled = true;
      resolve(end);
    };
    res.on('data', (chunk: string) => {
      if (!opts.signal.aborted) opts.onText(chunk);
    });
    res.on('end', () => settle(opts.signal.aborted ? { end: 'aborted' } : { end: 'closed' }));
    res.on('error', (e) => settle(opts.signal.aborted ? { end: 'aborted' } : { end: 'dropped', error: toClusterError(e, context(kc, pod)) }));
    res.on('close', () => settle(opts.signal.aborted ? { end: 'aborted' } : res.complete ? { end: 'closed' } : { end: 'dropped', error: dropped(pod) }));
  });
}

const dropped = (pod: PodRef): ClusterError => ({ code: 'unreachable', message: l10n.t('{0}/{1}: the log stream was cut', pod.namespace, pod.name) });
