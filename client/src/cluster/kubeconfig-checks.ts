// Checks of the cluster and user entries a context uses, made before anything is sent, so that a
// mistake reads as one line naming the entry, the field and the file, instead of what the TLS
// stack or client-node would say later ("error:0480006C:PEM routines::no start line", "You need
// to define an absolute base url", or a 401 for a token that was never sent).
import { readFileSync } from 'node:fs';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import type { Cluster, User } from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { EXEC_API_VERSIONS } from './exec-auth';
import { redactUrl } from './redact';
import { readFailure, readTokenFile } from './token-file';

export interface EntryChecks {
  /** The first problem found, in words; nothing may be sent while there is one. */
  problem?: string;
  /** Settings that work but weaken security, each to be shown once. */
  warnings: string[];
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The bytes of a `file` / `data` pair (file wins, as in client-node), or why they cannot be had. */
function material(file: string | undefined, data: string | undefined, field: string): { bytes?: Buffer; unreadable?: string; source: string } {
  if (file) {
    try {
      return { bytes: readFileSync(file), source: `${field} ${file}` };
    } catch (e) {
      return { unreadable: readFailure(e), source: `${field} ${file}` };
    }
  }
  if (data) return { bytes: Buffer.from(data, 'base64'), source: `${field}-data` };
  return { source: field };
}

function unreadableProblem(where: string, m: { unreadable?: string; source: string }): string | undefined {
  return m.unreadable === undefined ? undefined : l10n.t('{0}: {1} cannot be read: {2}', where, m.source, m.unreadable);
}

function certificatesProblem(bytes: Buffer, where: string, source: string): string | undefined {
  const blocks = bytes.toString('utf8').match(PEM_CERT) ?? [];
  if (blocks.length === 0) return l10n.t('{0}: {1} holds no PEM certificate (-----BEGIN CERTIFICATE-----)', where, source);
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch {
      return l10n.t('{0}: {1} holds a PEM certificate that does not parse', where, source);
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
    return l10n.t('{0}: server {1} is not an absolute http(s) URL; write it as https://host:port', where, shown);
  }
  if (url.protocol === 'http:') {
    // client-node sends plain HTTP only with this flag set, and otherwise fails at the first request.
    if (!cluster.skipTLSVerify) return l10n.t('{0}: server {1} is plain HTTP, which is only used with insecure-skip-tls-verify: true', where, shown);
    warnings.push(l10n.t('{0} uses plain HTTP ({1}): nothing sent to it is encrypted, credentials included', where, shown));
    return undefined;
  }
  if (cluster.skipTLSVerify) {
    warnings.push(
      l10n.t(
        "{0} sets insecure-skip-tls-verify: the API server's certificate is not checked, " +
          'so anyone on the network path can pose as the cluster and read the credentials sent to it',
        where,
      ),
    );
    return undefined;
  }
  const ca = material(cluster.caFile, cluster.caData, 'certificate-authority');
  return unreadableProblem(where, ca) ?? (ca.bytes && certificatesProblem(ca.bytes, where, ca.source));
}

function clientCertProblem(user: User, where: string): string | undefined {
  const cert = material(user.certFile, user.certData, 'client-certificate');
  const key = material(user.keyFile, user.keyData, 'client-key');
  const unreadable = unreadableProblem(where, cert) ?? unreadableProblem(where, key);
  if (unreadable) return unreadable;
  if (!cert.bytes && !key.bytes) return undefined;
  if (!cert.bytes || !key.bytes) {
    return l10n.t('{0}: {1} is missing; a client certificate needs both client-certificate and client-key', where, cert.bytes ? key.source : cert.source);
  }
  const certBad = certificatesProblem(cert.bytes, where, cert.source);
  if (certBad) return certBad;
  try {
    createPrivateKey(key.bytes);
  } catch {
    return l10n.t('{0}: {1} holds no private key in PEM form', where, key.source);
  }
  try {
    createSecureContext({ cert: cert.bytes, key: key.bytes });
  } catch {
    return l10n.t('{0}: {1} is not the key of {2}', where, key.source, cert.source);
  }
  return undefined;
}

function execProblem(exec: Record<string, unknown>, where: string): string | undefined {
  if (typeof exec.command !== 'string' || exec.command === '') return l10n.t('{0}: exec has no command', where);
  if (typeof exec.apiVersion !== 'string' || !EXEC_API_VERSIONS.includes(exec.apiVersion)) {
    return l10n.t(
      '{0}: exec.apiVersion must be one of {1} (as kubectl requires), not {2}',
      where,
      EXEC_API_VERSIONS.join(', '),
      JSON.stringify(exec.apiVersion ?? null),
    );
  }
  if (exec.args !== undefined && !(Array.isArray(exec.args) && exec.args.every((a) => typeof a === 'string'))) {
    return l10n.t('{0}: exec.args must be a list of strings', where);
  }
  const env = exec.env;
  if (env !== undefined && !(Array.isArray(env) && env.every((e) => typeof e?.name === 'string' && typeof e?.value === 'string'))) {
    return l10n.t('{0}: exec.env must be a list of name/value strings', where);
  }
  if (exec.interactiveMode === 'Always') {
    return l10n.t(
      '{0}: the credential plugin needs a terminal (exec.interactiveMode: Always), which kgctl and the OKG extension do not give it; ' +
        'log in with it in a terminal first',
      where,
    );
  }
  return undefined;
}

/** Checks what `context` uses: its cluster (server, CA, TLS verification) and its user's credentials. */
export function checkEntries(context: string, cluster: Cluster, user: User | null, tokenFile: string | undefined): EntryChecks {
  const warnings: string[] = [];
  const clusterProblem = clusterChecks(cluster, l10n.t('cluster "{0}" (context "{1}")', cluster.name, context), warnings);
  if (clusterProblem) return { problem: clusterProblem, warnings };
  if (!user) return { warnings };
  const where = l10n.t('user "{0}" (context "{1}")', user.name, context);
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
