// Test helpers: kubeconfig variants written to temp files (bad token, other server, no CA).
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
