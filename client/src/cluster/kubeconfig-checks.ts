// Checks of the cluster and user entries a context uses, made before anything is sent, so that a
// mistake reads as one line naming the entry, the field and the file, instead of what the TLS
// stack or client-node would say later ("error:0480006C:PEM routines::no start line", "You need
// to define an absolute base url", or a 401 for a token that was never sent).
import { readFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import type { Cluster, User } from '@kubernetes/client-node';
import { EXEC_API_VERSIONS } from './exec-auth';
import { redactUrl } from './redact';
import { readTokenFile } from './token-file';

export interface EntryChecks {
  /** The first problem found, in words; nothing may be sent while there is one. */
  problem?: string;
  /** Settings that work but weaken security, each to be shown once. */
  warnings: string[];
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'read error');
}

/** The bytes of a `file` / `data` pair (file wins, as in client-node), or why they cannot be had. */
function material(file: string | undefined, data: string | undefined, field: string): { bytes?: Buffer; problem?: string; source: string } {
  if (file) {
    try {
      return { bytes: readFileSync(file), source: `${field} ${file}` };
    } catch (e) {
      return { problem: `cannot be read: ${readProblem(e)}`, source: `${field} ${file}` };
    }
  }
  if (data) return { bytes: Buffer.from(data, 'base64'), source: `${field}-data` };
  return { source: field };
}

function certificatesProblem(bytes: Buffer): string | undefined {
  const blocks = bytes.toString('utf8').match(PEM_CERT) ?? [];
  if (blocks.length === 0) return 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)';
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch {
      return 'holds a PEM certificate that does not parse';
    }
  }
  return undefined;
}

function clusterChecks(cluster: Cluster, where: string, warnings: string[]): string | undefined {
  const shown = JSON.stringify(redactUrl(cluster.server));
  let url: URL | undefined;
  try {
    url = new URL(cluster.server);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return `${where}: server ${shown} is not an absolute http(s) URL; write it as https://host:port`;
  }
  if (url.protocol === 'http:') {
    // client-node sends plain HTTP only with this flag set, and otherwise fails at the first request.
    if (!cluster.skipTLSVerify) return `${where}: server ${shown} is plain HTTP, which is only used with insecure-skip-tls-verify: true`;
    warnings.push(`${where} uses plain HTTP (${shown}): nothing sent to it is encrypted, credentials included`);
    return undefined;
  }
  if (cluster.skipTLSVerify) {
    warnings.push(
      `${where} sets insecure-skip-tls-verify: the API server's certificate is not checked, so anyone on the network path can pose as the cluster and read the credentials sent to it`,
    );
    return undefined;
  }
  const ca = material(cluster.caFile, cluster.caData, 'certificate-authority');
  if (ca.problem) return `${where}: ${ca.source} ${ca.problem}`;
  const bad = ca.bytes && certificatesProblem(ca.bytes);
  return bad ? `${where}: ${ca.source} ${bad}` : undefined;
}

function clientCertProblem(user: User, where: string): string | undefined {
  const cert = material(user.certFile, user.certData, 'client-certificate');
  const key = material(user.keyFile, user.keyData, 'client-key');
  for (const m of [cert, key]) if (m.problem) return `${where}: ${m.source} ${m.problem}`;
  if (!cert.bytes && !key.bytes) return undefined;
  if (!cert.bytes || !key.bytes) return `${where}: ${cert.bytes ? key.source : cert.source} is missing; a client certificate needs both client-certificate and client-key`;
  const certBad = certificatesProblem(cert.bytes);
  if (certBad) return `${where}: ${cert.source} ${certBad}`;
  try {
    createPrivateKey(key.bytes);
  } catch {
    return `${where}: ${key.source} holds no private key in PEM form`;
  }
  try {
    createSecureContext({ cert: cert.bytes, key: key.bytes });
  } catch {
    return `${where}: ${key.source} is not the key of ${cert.source}`;
  }
  return undefined;
}

function execProblem(exec: Record<string, unknown>, where: string): string | undefined {
  if (typeof exec.command !== 'string' || exec.command === '') return `${where}: exec has no command`;
  if (typeof exec.apiVersion !== 'string' || !EXEC_API_VERSIONS.includes(exec.apiVersion)) {
    return `${where}: exec.apiVersion must be one of ${EXEC_API_VERSIONS.join(', ')} (as kubectl requires), not ${JSON.stringify(exec.apiVersion ?? null)}`;
  }
  if (exec.args !== undefined && !(Array.isArray(exec.args) && exec.args.every((a) => typeof a === 'string'))) return `${where}: exec.args must be a list of strings`;
  const env = exec.env;
  if (env !== undefined && !(Array.isArray(env) && env.every((e) => typeof e?.name === 'string' && typeof e?.value === 'string'))) {
    return `${where}: exec.env must be a list of {name, value} strings`;
  }
  if (exec.interactiveMode === 'Always') {
    return `${where}: the credential plugin needs a terminal (exec.interactiveMode: Always), which kgctl and the OKG extension do not give it; log in with it in a terminal first`;
  }
  return undefined;
}

/** Checks what `context` uses: its cluster (server, CA, TLS verification) and its user's credentials. */
export function checkEntries(context: string, cluster: Cluster, user: User | null, tokenFile: string | undefined): EntryChecks {
  const warnings: string[] = [];
  const clusterProblem = clusterChecks(cluster, `cluster "${cluster.name}" (context "${context}")`, warnings);
  if (clusterProblem) return { problem: clusterProblem, warnings };
  if (!user) return { warnings };
  const where = `user "${user.name}" (context "${context}")`;
  const problem =
    clientCertProblem(user, where) ??
    (user.exec ? execProblem(user.exec as Record<string, unknown>, where) : undefined) ??
    (tokenFile && !user.token && !user.exec ? tokenFileProblem(tokenFile, user.name) : undefined);
  return { problem, warnings };
}

function tokenFileProblem(file: string, user: string): string | undefined {
  const read = readTokenFile(file, user);
  return 'problem' in read ? read.problem : undefined;
}
