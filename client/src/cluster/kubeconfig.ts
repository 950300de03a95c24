// Reads kubeconfig the way kubectl does, and keeps the user's choice of context and namespaces
// in memory only: nothing here ever writes to a kubeconfig file.
//
// client-node's loadFromDefault takes the LAST file's current-context and throws on duplicate
// names; kubectl takes the first of each. So the files are merged here.
import { existsSync, readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, basename } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { parseDocument } from '#yaml';
import type { ClusterError } from './errors';
import { installExecAuth, type ExecConfig } from './exec-auth';
import { checkEntries } from './kubeconfig-checks';
import { redactUrl } from './redact';
import { TokenFileAuthenticator } from './token-file';

/** Which context, and which namespaces (one, several, or every one) the user is looking at. */
export interface ClusterTarget {
  context: string;
  namespaces: string[] | 'all';
}

export interface LoadOptions {
  /** An explicit file (`--kubeconfig`): only that file is read, and it must exist. */
  kubeconfig?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Prefix for the service-account files, for tests of the in-cluster case. */
  inClusterRoot?: string;
}

export interface LoadedKubeConfig {
  kc: KubeConfig;
  /** The files that were read, in precedence order; empty for in-cluster. */
  files: string[];
  currentContext: string | undefined;
  /** Each user's `tokenFile` (absolute), which client-node does not keep. */
  tokenFiles: ReadonlyMap<string, string>;
}

export interface ConnectOptions {
  /** How long a credential plugin may run (DEFAULT_EXEC_TIMEOUT_MS when not given). */
  execTimeoutMs?: number;
}

export type LoadResult = { ok: true; config: LoadedKubeConfig } | { ok: false; error: ClusterError };

type Named = { name: string; [k: string]: unknown };
type RawConfig = { clusters: Named[]; users: Named[]; contexts: Named[]; currentContext?: string };

const SERVICE_ACCOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function fail(message: string): { ok: false; error: ClusterError } {
  return { ok: false, error: { code: 'kubeconfig', message } };
}

function absolutize(root: string, v: unknown): unknown {
  return typeof v === 'string' && v !== '' && !isAbsolute(v) ? join(root, v) : v;
}

/** Relative file references are relative to the file that holds them (as kubectl resolves them). */
function resolvePaths(entries: Named[], section: 'cluster' | 'user', root: string): void {
  for (const e of entries) {
    const body = e[section];
    if (typeof body !== 'object' || body === null) continue;
    const b = body as Record<string, unknown>;
    if (section === 'cluster') {
      b['certificate-authority'] = absolutize(root, b['certificate-authority']);
      continue;
    }
    for (const k of ['client-certificate', 'client-key', 'tokenFile']) b[k] = absolutize(root, b[k]);
    const exec = b.exec as Record<string, unknown> | undefined;
    // An exec command given as a bare name is looked up on PATH; only paths are made absolute.
    if (exec && typeof exec.command === 'string' && exec.command !== basename(exec.command)) {
      exec.command = absolutize(root, exec.command);
    }
  }
}

function namedList(v: unknown, section: string, file: string): Named[] | string {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return l10n.t('{0}: "{1}" must be a list', file, section);
  const out: Named[] = [];
  for (const [i, e] of v.entries()) {
    if (typeof e !== 'object' || e === null || typeof (e as Named).name !== 'string') {
      return l10n.t('{0}: {1}[{2}] has no name', file, section, i);
    }
    out.push(e as Named);
  }
  return out;
}

function readFile(file: string): RawConfig | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return l10n.t('cannot read kubeconfig {0}: {1}', file, code === 'ENOENT' ? l10n.t('no such file') : (code ?? l10n.t('read error')));
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    // The parser's message quotes the source line, which may hold a token: give the position only.
    const err = doc.errors[0];
    const pos = err.linePos?.[0];
    return l10n.t('invalid kubeconfig {0}: not valid YAML ({1})', pos ? `${file}:${pos.line}:${pos.col}` : file, err.code);
  }
  const js: unknown = doc.toJS();
  if (js === null || js === undefined) return { clusters: [], users: [], contexts: [] };
  if (typeof js !== 'object' || Array.isArray(js)) return l10n.t('invalid kubeconfig {0}: not a mapping', file);
  const o = js as Record<string, unknown>;
  const clusters = namedList(o.clusters, 'clusters', file);
  const users = namedList(o.users, 'users', file);
  const contexts = namedList(o.contexts, 'contexts', file);
  for (const l of [clusters, users, contexts]) if (typeof l === 'string') return l;
  const root = dirname(file);
  resolvePaths(clusters as Named[], 'cluster', root);
  resolvePaths(users as Named[], 'user', root);
  const cc = o['current-context'];
  return {
    clusters: clusters as Named[],
    users: users as Named[],
    contexts: contexts as Named[],
    currentContext: typeof cc === 'string' && cc !== '' ? cc : undefined,
  };
}

/** kubectl's merge: the first file that names an entry (or sets current-context) wins. */
function mergeConfigs(configs: RawConfig[]): RawConfig {
  const merged: RawConfig = { clusters: [], users: [], contexts: [] };
  for (const c of configs) {
    for (const section of ['clusters', 'users', 'contexts'] as const) {
      const seen = new Set(merged[section].map((e) => e.name));
      for (const e of c[section]) if (!seen.has(e.name)) merged[section].push(e);
    }
    merged.currentContext ??= c.currentContext;
  }
  return merged;
}

function toKubeConfig(raw: RawConfig): KubeConfig | string {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: raw.clusters,
        users: raw.users,
        contexts: raw.contexts,
        'current-context': raw.currentContext,
      }),
    );
  } catch (e) {
    // client-node's messages name the entry and field (e.g. "clusters[0].cluster.server is missing").
    return l10n.t('invalid kubeconfig: {0}', (e as Error).message);
  }
  return kc;
}

/** The files kubectl would read: `--kubeconfig`, else `$KUBECONFIG` (existing ones), else `~/.kube/config`. */
function kubeconfigFiles(opts: LoadOptions = {}): { files: string[]; explicit: boolean } {
  if (opts.kubeconfig) return { files: [opts.kubeconfig], explicit: true };
  const env = opts.env ?? process.env;
  const list = env.KUBECONFIG;
  if (list) {
    const files = [...new Set(list.split(delimiter).filter((f) => f !== ''))];
    return { files: files.filter((f) => existsSync(f)), explicit: false };
  }
  const home = opts.home ?? env.HOME ?? homedir();
  const file = join(home, '.kube', 'config');
  return { files: existsSync(file) ? [file] : [], explicit: false };
}

export function loadKubeConfig(opts: LoadOptions = {}): LoadResult {
  const { files } = kubeconfigFiles(opts);
  if (files.length === 0) {
    const root = opts.inClusterRoot ?? '';
    if (existsSync(`${root}${SERVICE_ACCOUNT}/token`)) {
      const env = opts.env ?? process.env;
      if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) {
        return fail(
          l10n.t('a service account is mounted but KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set, so the in-cluster API server is unknown'),
        );
      }
      const kc = new KubeConfig();
      kc.loadFromCluster(root);
      return { ok: true, config: { kc, files: [], currentContext: kc.getCurrentContext(), tokenFiles: new Map() } };
    }
    return fail(l10n.t('no kubeconfig found: set KUBECONFIG, create ~/.kube/config, or pass --kubeconfig'));
  }
  const raws: RawConfig[] = [];
  for (const f of files) {
    const r = readFile(f);
    if (typeof r === 'string') return fail(r);
    raws.push(r);
  }
  const merged = mergeConfigs(raws);
  const kc = toKubeConfig(merged);
  if (typeof kc === 'string') return fail(kc);
  const tokenFiles = new Map<string, string>();
  for (const u of merged.users) {
    const file = (u.user as Record<string, unknown> | undefined)?.tokenFile;
    if (typeof file === 'string' && file !== '') tokenFiles.set(u.name, file);
  }
  return { ok: true, config: { kc, files, currentContext: merged.currentContext, tokenFiles } };
}

export function contextNames(config: LoadedKubeConfig): string[] {
  return config.kc.getContexts().map((c) => c.name);
}

/** The context's own namespace, as kubectl uses when none is given. */
export function contextNamespace(config: LoadedKubeConfig, context: string): string {
  return config.kc.getContextObject(context)?.namespace ?? 'default';
}

/**
 * A KubeConfig whose current context is `context`, for API clients. It is a copy: the user's
 * current-context (in memory and on disk) is left alone. Its cluster and user entries are checked
 * first (kubeconfig-checks.ts); `warnings` are what works but is unsafe, for the caller to show once.
 * Credential plugins and token files are handled here, not by client-node (exec-auth.ts, token-file.ts).
 */
export function kubeConfigFor(
  config: LoadedKubeConfig,
  context: string,
  opts: ConnectOptions = {},
): { ok: true; kc: KubeConfig; warnings: string[] } | { ok: false; error: ClusterError } {
  const ctx = config.kc.getContextObject(context);
  if (!ctx) {
    const known = contextNames(config);
    return fail(
      known.length
        ? l10n.t('no context "{0}" in the kubeconfig (known: {1})', context, known.join(', '))
        : l10n.t('no context "{0}" in the kubeconfig', context),
    );
  }
  const cluster = config.kc.getCluster(ctx.cluster);
  if (!cluster) return fail(l10n.t('context "{0}" names cluster "{1}", which the kubeconfig does not define', context, ctx.cluster));
  const user = ctx.user ? config.kc.getUser(ctx.user) : null;
  if (ctx.user && !user) return fail(l10n.t('context "{0}" names user "{1}", which the kubeconfig does not define', context, ctx.user));
  const tokenFile = user ? config.tokenFiles.get(user.name) : undefined;
  const checked = checkEntries(context, cluster, user, tokenFile);
  if (checked.problem) return fail(checked.problem);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: config.kc.getClusters(),
    // client-node's own exec authenticator would be chosen over ours while the user has `exec`.
    users: config.kc.getUsers().map((u) => (u === user && u.exec ? { ...u, exec: undefined } : u)),
    contexts: config.kc.getContexts(),
    currentContext: context,
  });
  if (user?.exec) installExecAuth(kc, user.name, user.exec as ExecConfig, cluster, opts.execTimeoutMs);
  else if (user && tokenFile && !user.token) kc.addAuthenticator(new TokenFileAuthenticator(user.name, tokenFile));
  return { ok: true, kc, warnings: checked.warnings };
}

/** The API server address of the current context, for messages: without userinfo or query. */
export function serverOf(kc: KubeConfig): string | undefined {
  const server = kc.getCurrentCluster()?.server;
  return server === undefined ? undefined : redactUrl(server);
}
