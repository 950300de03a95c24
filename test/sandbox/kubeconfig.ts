// Writes a kubeconfig for the sandbox: context okg-sandbox (admin) and okg-sandbox-viewer.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from '#yaml';

export function kubeconfigText(url: string, caPem: string, tokens: { admin: string; viewer: string }, namespace = 'default'): string {
  const cluster = 'okg-sandbox';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    clusters: [{ name: cluster, cluster: { server: url, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [
      { name: 'okg-sandbox-admin', user: { token: tokens.admin } },
      { name: 'okg-sandbox-viewer', user: { token: tokens.viewer } },
    ],
    contexts: [
      { name: 'okg-sandbox', context: { cluster, user: 'okg-sandbox-admin', namespace } },
      { name: 'okg-sandbox-viewer', context: { cluster, user: 'okg-sandbox-viewer', namespace } },
    ],
    'current-context': 'okg-sandbox',
  });
}

/** The file holds tokens: readable by its owner only. */
export function writeKubeconfig(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}
