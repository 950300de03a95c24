// Test helpers: kubeconfig variants written to temp files (bad token, other server, no CA), and
// credential plugins as small shell scripts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

type Raw = {
  clusters: { cluster: Record<string, unknown> }[];
  users: { user: Record<string, unknown> }[];
};

/** A copy of `source` changed by `edit`, in a new temp directory. */
export function variant(source: string, edit: (raw: Raw) => void): string {
  const raw = parse(readFileSync(source, 'utf8')) as Raw;
  edit(raw);
  const file = join(mkdtempSync(join(tmpdir(), 'kgctl-kcv-')), 'config');
  writeFileSync(file, stringify(raw), { mode: 0o600 });
  return file;
}

/** A kubeconfig for a plain-HTTP server (client-node allows http only with skip-TLS-verify). */
export function httpConfig(url: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kgctl-kch-')), 'config');
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'plain',
      clusters: [{ name: 'plain', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
      users: [{ name: 'plain', user: { token: 'anything' } }],
      contexts: [{ name: 'plain', context: { cluster: 'plain', user: 'plain' } }],
    }),
  );
  return file;
}

/**
 * A credential plugin: a shell script in a new temp directory, run as `sh` runs it. Each run
 * appends a line to `runs` (so a test counts them) before `body` runs.
 */
export function plugin(body: string): { command: string; runs: string; count(): number } {
  const dir = mkdtempSync(join(tmpdir(), 'kgctl-plugin-'));
  const command = join(dir, 'plugin.sh');
  const runs = join(dir, 'runs');
  writeFileSync(runs, '');
  writeFileSync(command, `#!/bin/sh\necho run >> '${runs}'\n${body}\n`, { mode: 0o700 });
  return { command, runs, count: () => readFileSync(runs, 'utf8').split('\n').filter(Boolean).length };
}

/** The shell line that prints an ExecCredential holding `token` (and an expiry, when given). */
export function printCredential(token: string, expirationTimestamp?: string): string {
  const status = expirationTimestamp ? { token, expirationTimestamp } : { token };
  return `cat <<'EOF'\n${JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status })}\nEOF`;
}

/** A copy of `source` whose users all get their credentials from `command` (their token removed). */
export function execVariant(source: string, command: string, extra: Record<string, unknown> = {}): string {
  return variant(source, (raw) => {
    for (const u of raw.users) {
      delete u.user.token;
      u.user.exec = { apiVersion: 'client.authentication.k8s.io/v1', command, ...extra };
    }
  });
}
