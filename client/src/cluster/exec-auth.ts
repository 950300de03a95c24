// Credential plugins (a kubeconfig user's `exec`), run as kubectl runs them, with what client-node
// 1.4.0 lacks: a time limit, one run per credential (not one per request), and one-line errors
// that say which plugin of which user failed and how. A plugin's output is never shown: its
// stdout is the credential, and its stderr may echo it.
import { spawn } from 'node:child_process';
import type { Cluster, KubeConfig, User } from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { CredentialError } from './errors';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];
type RequestOptions = Parameters<Authenticator['applyAuthentication']>[1];

/** The `exec` section of a kubeconfig user, as kubectl reads it. */
export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion: string;
  installHint?: string;
  provideClusterInfo?: boolean;
}

export const EXEC_API_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];

/** A plugin that has not finished after this long is stopped (kubectl waits for ever). */
export const DEFAULT_EXEC_TIMEOUT_MS = 30_000;

/** A credential this close to its expiry is not used: it could expire while the request is in flight. */
const EXPIRY_MARGIN_MS = 10_000;
/** More than this on stdout is not a credential. */
const MAX_OUTPUT_BYTES = 1 << 20;

interface Credential {
  token?: string;
  cert?: string;
  key?: string;
  /** Epoch ms; undefined when the plugin gave no expiry: then it is kept for the life of the process. */
  expiresAt?: number;
}

type Entry = { pending: Promise<Credential> } | { value: Credential };

// Per process, keyed by the whole plugin call: a reconnect (a new KubeConfig) reuses the credential.
const cache = new Map<string, Entry>();

function describe(exec: ExecConfig, user: string): string {
  return l10n.t('the credential plugin "{0}" of user "{1}"', exec.command, user);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function parseCredential(stdout: string, exec: ExecConfig, who: string): Credential {
  let v: unknown;
  try {
    v = JSON.parse(stdout);
  } catch {
    throw new CredentialError(l10n.t('{0} printed something that is not JSON; an ExecCredential was expected', who));
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new CredentialError(l10n.t('{0} printed JSON that is not an ExecCredential object', who));
  }
  const o = v as { kind?: unknown; apiVersion?: unknown; status?: unknown };
  if (o.kind !== 'ExecCredential') {
    throw new CredentialError(l10n.t('{0} printed JSON of kind {1}, not an ExecCredential', who, JSON.stringify(o.kind ?? null)));
  }
  if (o.apiVersion !== exec.apiVersion) {
    const asked = exec.apiVersion;
    throw new CredentialError(l10n.t('{0} answered in apiVersion {1}, but the kubeconfig asks for {2}', who, JSON.stringify(o.apiVersion ?? null), asked));
  }
  if (typeof o.status !== 'object' || o.status === null) throw new CredentialError(l10n.t('{0} printed an ExecCredential without a status', who));
  const s = o.status as Record<string, unknown>;
  const str = (k: string) => (typeof s[k] === 'string' && s[k] !== '' ? (s[k] as string) : undefined);
  const token = str('token');
  const cert = str('clientCertificateData');
  const key = str('clientKeyData');
  if (!token && !(cert && key)) {
    throw new CredentialError(
      l10n.t('{0} printed an ExecCredential with neither status.token nor both status.clientCertificateData and status.clientKeyData', who),
    );
  }
  if ((cert === undefined) !== (key === undefined)) {
    throw new CredentialError(l10n.t('{0} printed only one of status.clientCertificateData and status.clientKeyData; both are needed', who));
  }
  let expiresAt: number | undefined;
  if (s.expirationTimestamp !== undefined) {
    expiresAt = typeof s.expirationTimestamp === 'string' ? Date.parse(s.expirationTimestamp) : NaN;
    if (Number.isNaN(expiresAt)) throw new CredentialError(l10n.t('{0} printed a status.expirationTimestamp that is not an RFC 3339 time', who));
  }
  return { token, cert, key, expiresAt };
}

function execInfo(exec: ExecConfig, cluster: Cluster | null): string {
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo && cluster) {
    spec.cluster = {
      server: cluster.server,
      'tls-server-name': cluster.tlsServerName,
      'insecure-skip-tls-verify': cluster.skipTLSVerify,
      'certificate-authority-data': cluster.caData,
      'proxy-url': cluster.proxyUrl,
    };
  }
  return JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec });
}

function runPlugin(exec: ExecConfig, user: string, cluster: Cluster | null, timeoutMs: number): Promise<Credential> {
  const who = describe(exec, user);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const e of exec.env ?? []) env[e.name] = e.value;
  env.KUBERNETES_EXEC_INFO = execInfo(exec, cluster);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    // No stdin (never interactive); stderr is dropped unread, so it can reach no message.
    const child = spawn(exec.command, exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      settle(() => reject(new CredentialError(l10n.t('{0} did not finish within {1} s and was stopped', who, timeoutMs / 1000))));
      // A plugin's own children may keep the pipe open: stop reading rather than wait for them.
      child.stdout.destroy();
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_OUTPUT_BYTES) chunks.push(c);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      settle(() => {
        if (e.code === 'ENOENT') {
          const missing = l10n.t(
            "{0} was not found: it is not installed, or its folder is not on PATH (a command without '/' is looked up on PATH, as kubectl does).",
            who,
          );
          const hint = exec.installHint ? ` ${l10n.t('Install hint: {0}', oneLine(exec.installHint))}` : '';
          reject(new CredentialError(missing + hint));
        } else if (e.code === 'EACCES') reject(new CredentialError(l10n.t('{0} cannot be run: permission denied (is it executable?)', who)));
        else reject(new CredentialError(l10n.t('{0} could not be started ({1})', who, e.code ?? 'error')));
      });
    });
    child.on('close', (code, signal) => {
      settle(() => {
        if (code !== 0) {
          const shown = l10n.t('its output is not shown as it may hold credentials: run the command yourself to see it');
          const how = signal
            ? l10n.t('{0} was killed by {1}; {2}', who, signal, shown)
            : l10n.t('{0} failed with exit status {1}; {2}', who, String(code), shown);
          reject(new CredentialError(how));
          return;
        }
        if (size > MAX_OUTPUT_BYTES) {
          return reject(new CredentialError(l10n.t('{0} printed more than {1} bytes; an ExecCredential was expected', who, MAX_OUTPUT_BYTES)));
        }
        try {
          resolve(parseCredential(Buffer.concat(chunks).toString('utf8'), exec, who));
        } catch (e) {
          reject(e);
        }
      });
    });
  });
}

function fresh(c: Credential, now: number): boolean {
  return c.expiresAt === undefined || c.expiresAt - EXPIRY_MARGIN_MS > now;
}

/** Authenticates one kubeconfig user through its credential plugin; installed by kubeconfig.ts. */
export class ExecAuthenticator implements Authenticator {
  private readonly key: string;

  constructor(
    private readonly userName: string,
    private readonly exec: ExecConfig,
    private readonly cluster: Cluster | null,
    private readonly timeoutMs = DEFAULT_EXEC_TIMEOUT_MS,
  ) {
    const { command, args, env, apiVersion, provideClusterInfo } = exec;
    this.key = JSON.stringify([command, args, env, apiVersion, provideClusterInfo ? cluster?.server : undefined]);
  }

  isAuthProvider(user: User): boolean {
    return user.name === this.userName;
  }

  async applyAuthentication(_user: User, opts: RequestOptions): Promise<void> {
    const c = await this.credential();
    const o = opts as { cert?: string; key?: string; headers?: Record<string, unknown> };
    if (c.cert && c.key) {
      o.cert = c.cert;
      o.key = c.key;
    }
    if (c.token) o.headers = { ...o.headers, Authorization: `Bearer ${c.token}` };
  }

  /** Drops the cached credential, so that the next request runs the plugin again (after a 401). */
  forget(): void {
    const hit = cache.get(this.key);
    if (hit && 'value' in hit) cache.delete(this.key);
  }

  private credential(): Promise<Credential> {
    const hit = cache.get(this.key);
    if (hit && 'pending' in hit) return hit.pending;
    if (hit && fresh(hit.value, Date.now())) return Promise.resolve(hit.value);
    const pending = runPlugin(this.exec, this.userName, this.cluster, this.timeoutMs).then(
      (value) => {
        cache.set(this.key, { value });
        return value;
      },
      (e: unknown) => {
        cache.delete(this.key);
        throw e;
      },
    );
    cache.set(this.key, { pending });
    return pending;
  }
}

// The authenticator installed in each KubeConfig, so that a 401 can drop the credential it used.
const installed = new WeakMap<KubeConfig, ExecAuthenticator>();

/**
 * Makes `kc` get the credentials of `user` through ExecAuthenticator. client-node's own exec
 * authenticator is consulted before any added one, so `kc` must hold `user` without its `exec`.
 */
export function installExecAuth(kc: KubeConfig, user: string, exec: ExecConfig, cluster: Cluster | null, timeoutMs?: number): void {
  const auth = new ExecAuthenticator(user, exec, cluster, timeoutMs);
  kc.addAuthenticator(auth);
  installed.set(kc, auth);
}

/** After a 401: the next request of `kc` runs the credential plugin again, as kubectl does. */
export function forgetExecCredential(kc: KubeConfig): void {
  installed.get(kc)?.forget();
}
