// Credential plugins (a user's `exec`) and token files, against the sandbox: one plugin run per
// credential (until its expiry, and again after a 401), a time limit, and one-line errors naming
// the plugin, the user and what went wrong; broken kubeconfig entries refused before any request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterClient, ClusterFailure } from '../../client/src/cluster/api';
import type { ClusterError } from '../../client/src/cluster/errors';
import { kubeConfigFor, loadKubeConfig } from '../../client/src/cluster/kubeconfig';
import { listObjects } from '../../client/src/cluster/list';
import { startSandbox, type Sandbox } from '../sandbox';
import { execVariant, httpConfig, plugin, printCredential, variant } from './kubeconfig-files';

function connect(file: string, execTimeoutMs?: number): ClusterClient {
  const r = kubeConfigFor(loaded(file), 'okg-sandbox', { execTimeoutMs });
  if (!r.ok) throw new Error(`kubeConfigFor: ${r.error.message}`);
  return new ClusterClient(r.kc, { requestTimeoutMs: 20_000 });
}

function loaded(file: string) {
  const l = loadKubeConfig({ kubeconfig: file });
  if (!l.ok) throw new Error(`load: ${l.error.message}`);
  return l.config;
}

/** The message kubeConfigFor refuses the context with. */
function refusal(file: string): string {
  const r = kubeConfigFor(loaded(file), 'okg-sandbox');
  if (r.ok) throw new Error('expected the context to be refused, it was accepted');
  return r.error.message;
}

async function failureOf(p: Promise<unknown>): Promise<ClusterError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ClusterFailure) return e.error;
    throw new Error(`threw something else: ${String(e)}`);
  }
  throw new Error('expected a failure, got success');
}

const FUTURE = new Date(Date.now() + 3_600_000).toISOString();
const PAST = new Date(Date.now() - 60_000).toISOString();

describe('credential plugins and token files', { concurrency: 4 }, () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ sets: 4, replicas: 4, seed: 5 });
  });
  after(async () => {
    await sb.close();
  });

  it('one plugin run for a list and 15 concurrent patches, and none for a reconnect in the same process', async () => {
    const p = plugin(printCredential(sb.tokens.admin));
    const file = execVariant(sb.kubeconfigPath, p.command);
    const c = connect(file);
    const objects = (await listObjects(c, 'GameServer', 'all')).slice(0, 15);
    assert.equal(objects.length, 15, 'fifteen objects to patch');
    await Promise.all(
      objects.map((o) => c.patch('GameServer', o.metadata.namespace ?? '', o.metadata.name, [{ op: 'replace', path: '/spec/updatePriority', value: 3 }])),
    );
    c.dispose();
    assert.equal(p.count(), 1, `the plugin ran ${p.count()} times for 16 requests`);
    const again = connect(file);
    await listObjects(again, 'GameServer', ['default']);
    again.dispose();
    assert.equal(p.count(), 1, 'a new client (a reconnect) uses the cached credential');
  });

  it('a credential is kept until its expirationTimestamp: an expired one makes the next request run the plugin again', async () => {
    const future = plugin(printCredential(sb.tokens.admin, FUTURE));
    const c1 = connect(execVariant(sb.kubeconfigPath, future.command));
    await listObjects(c1, 'GameServer', ['default']);
    await listObjects(c1, 'GameServer', ['default']);
    c1.dispose();
    assert.equal(future.count(), 1, 'not yet expired: one run for two requests');
    const past = plugin(printCredential(sb.tokens.admin, PAST));
    const c2 = connect(execVariant(sb.kubeconfigPath, past.command));
    await listObjects(c2, 'GameServer', ['default']);
    await listObjects(c2, 'GameServer', ['default']);
    c2.dispose();
    assert.equal(past.count(), 2, 'already expired: a run per request');
  });

  it('after a 401 the plugin runs again on the next request, as kubectl does', async () => {
    const p = plugin(printCredential('revoked-token'));
    const c = connect(execVariant(sb.kubeconfigPath, p.command));
    const first = await failureOf(listObjects(c, 'GameServer', ['default']));
    assert.equal(first.code, 'unauthorized', first.message);
    await failureOf(listObjects(c, 'GameServer', ['default']));
    c.dispose();
    assert.equal(p.count(), 2, 'the rejected credential was not reused');
  });

  it('a plugin that does not finish is stopped at the time limit, with a message that says so', async () => {
    // `sleep` as a child of the shell: the pipe stays open after the shell is killed, and must not be waited for.
    const p = plugin(`sleep 25\n${printCredential(sb.tokens.admin)}`);
    const c = connect(execVariant(sb.kubeconfigPath, p.command), 300);
    const started = Date.now();
    const e = await failureOf(listObjects(c, 'GameServer', ['default']));
    const took = Date.now() - started;
    c.dispose();
    assert.equal(e.code, 'credentials', e.message);
    assert.match(
      e.message,
      new RegExp(`credential plugin "${p.command.replace(/[.]/g, '\\.')}" of user "okg-sandbox-admin" did not finish within 0\\.3 s and was stopped`),
      e.message,
    );
    assert.ok(took < 15_000, `gave up after ${took} ms, not after the plugin's 25 s`);
  });

  it('a missing command: one line naming it, with the PATH hint and the install hint', async () => {
    const c = connect(execVariant(sb.kubeconfigPath, 'no-such-plugin-xyz', { installHint: 'Install it with\n  brew install xyz' }));
    const e = await failureOf(listObjects(c, 'GameServer', ['default']));
    c.dispose();
    assert.equal(e.code, 'credentials', e.message);
    assert.match(
      e.message,
      /the credential plugin "no-such-plugin-xyz" of user "okg-sandbox-admin" was not found: .*PATH.*Install hint: Install it with brew install xyz/,
      e.message,
    );
    assert.ok(!e.message.includes('\n') && !e.message.includes('ENOENT'), `one line, no raw spawn error: ${e.message}`);
  });

  it('bad output, a failing plugin, a wrong apiVersion: one line each, and the output never shown', async () => {
    const cases: [string, RegExp][] = [
      ['echo "{not json secret-out-1"', /printed something that is not JSON; an ExecCredential was expected/],
      ['echo \'{"kind":"Other"}\'', /printed JSON of kind "Other", not an ExecCredential/],
      ['echo \'{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","status":{}}\'', /neither status\.token nor both/],
      [
        'echo \'{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","status":{"token":"x"}}\'',
        /answered in apiVersion "client\.authentication\.k8s\.io\/v1beta1", but the kubeconfig asks for client\.authentication\.k8s\.io\/v1/,
      ],
      ['echo secret-err-2 >&2; echo secret-out-3; exit 3', /failed with exit status 3; its output is not shown/],
    ];
    for (const [body, expected] of cases) {
      const p = plugin(body);
      const c = connect(execVariant(sb.kubeconfigPath, p.command));
      const e = await failureOf(listObjects(c, 'GameServer', ['default']));
      c.dispose();
      assert.equal(e.code, 'credentials', `${body}: ${e.message}`);
      assert.match(e.message, expected, `${body}: ${e.message}`);
      assert.match(e.message, /of user "okg-sandbox-admin"/, `names the user: ${e.message}`);
      assert.ok(!e.message.includes('\n') && !/secret-/.test(e.message), `one line, no plugin output: ${e.message}`);
    }
  });

  it('exec entries kubectl would refuse are refused before anything runs', () => {
    const p = plugin(printCredential(sb.tokens.admin));
    assert.match(
      refusal(execVariant(sb.kubeconfigPath, p.command, { apiVersion: undefined })),
      /user "okg-sandbox-admin" \(context "okg-sandbox"\): exec\.apiVersion must be one of .* not null/,
    );
    assert.match(refusal(execVariant(sb.kubeconfigPath, p.command, { interactiveMode: 'Always' })), /needs a terminal/);
    assert.equal(p.count(), 0, 'the plugin never ran');
  });

  it('tokenFile: used when present (client-node ignores it); a missing one is named, not a 401', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgctl-tf-'));
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, `${sb.tokens.admin}\n`);
    const withFile = (f: string) =>
      variant(sb.kubeconfigPath, (raw) => {
        for (const u of raw.users) {
          delete u.user.token;
          u.user.tokenFile = f;
        }
      });
    const c = connect(withFile(tokenFile));
    const items = await listObjects(c, 'GameServer', ['default']);
    c.dispose();
    assert.ok(items.length > 0, 'listed with the token from the file');
    const missing = join(dir, 'gone');
    assert.equal(refusal(withFile(missing)), `the tokenFile ${missing} of user "okg-sandbox-admin" cannot be read: no such file`);
  });

  it('a missing CA file, bad PEM data, a bad client key and a relative server: one line naming entry, field and file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kgctl-pem-'));
    const noCa = join(dir, 'ca.pem');
    const cases: [(raw: Parameters<Parameters<typeof variant>[1]>[0]) => void, RegExp][] = [
      (() => {
        const edit = (raw: any) => {
          delete raw.clusters[0].cluster['certificate-authority-data'];
          raw.clusters[0].cluster['certificate-authority'] = noCa;
        };
        return [
          edit,
          new RegExp(`^cluster "okg-sandbox" \\(context "okg-sandbox"\\): certificate-authority ${noCa.replace(/[.]/g, '\\.')} cannot be read: no such file$`),
        ];
      })(),
      [
        (raw: any) => void (raw.clusters[0].cluster['certificate-authority-data'] = Buffer.from('not a certificate').toString('base64')),
        /^cluster "okg-sandbox" \(context "okg-sandbox"\): certificate-authority-data holds no PEM certificate/,
      ],
      [
        (raw: any) => {
          raw.users[0].user['client-certificate-data'] = Buffer.from(sb.caPem).toString('base64');
          raw.users[0].user['client-key-data'] = Buffer.from('no key here').toString('base64');
        },
        /^user "okg-sandbox-admin" \(context "okg-sandbox"\): client-key-data holds no private key in PEM form$/,
      ],
      [
        (raw: any) => void (raw.clusters[0].cluster.server = '127.0.0.1:6443'),
        /^cluster "okg-sandbox" \(context "okg-sandbox"\): server "127\.0\.0\.1:6443" is not an absolute http\(s\) URL; write it as https:\/\/host:port$/,
      ],
    ];
    for (const [edit, expected] of cases) {
      const message = refusal(variant(sb.kubeconfigPath, edit));
      assert.match(message, expected, message);
      assert.ok(!/routines|absolute base url/i.test(message), `not the library's words: ${message}`);
    }
  });

  it('insecure-skip-tls-verify works, and comes with a warning to show once', async () => {
    const file = variant(sb.kubeconfigPath, (raw) => {
      delete raw.clusters[0].cluster['certificate-authority-data'];
      raw.clusters[0].cluster['insecure-skip-tls-verify'] = true;
    });
    const r = kubeConfigFor(loaded(file), 'okg-sandbox');
    assert.ok(r.ok, 'accepted');
    assert.equal(r.warnings.length, 1, `one warning: ${r.warnings.join(' | ')}`);
    assert.match(r.warnings[0], /^cluster "okg-sandbox" \(context "okg-sandbox"\) sets insecure-skip-tls-verify: the API server's certificate is not checked/);
    const c = new ClusterClient(r.kc);
    assert.ok((await listObjects(c, 'GameServer', ['default'])).length > 0, 'and the cluster answers');
    c.dispose();
    const safe = kubeConfigFor(loaded(sb.kubeconfigPath), 'okg-sandbox');
    assert.ok(safe.ok && safe.warnings.length === 0, 'a verified cluster has no warning');
    const plain = kubeConfigFor(loaded(httpConfig('http://127.0.0.1:1')), 'plain');
    assert.ok(
      plain.ok && plain.warnings.length === 1 && /uses plain HTTP \("http:\/\/127\.0\.0\.1:1"\): nothing sent to it is encrypted/.test(plain.warnings[0]),
      `plain HTTP warns: ${plain.ok && plain.warnings}`,
    );
    const unflagged = variant(sb.kubeconfigPath, (raw) => void (raw.clusters[0].cluster.server = 'http://127.0.0.1:1'));
    assert.match(refusal(unflagged), /server "http:\/\/127\.0\.0\.1:1" is plain HTTP, which is only used with insecure-skip-tls-verify: true/);
  });
});
