// Secrets in a kubeconfig never reach a message: userinfo and query of the server URL, tokens,
// passwords, and whatever a credential plugin prints. Every error path is provoked with
// secret-bearing kubeconfigs, through kgctl (stdout and stderr) and through the cluster layer
// (the ClusterError of a request and of a watch, kubeconfig refusals and warnings).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { ClusterClient, ClusterFailure } from '../../client/src/cluster/api';
import { kubeConfigFor, loadKubeConfig } from '../../client/src/cluster/kubeconfig';
import { redactText, redactUrl } from '../../client/src/cluster/redact';
import { startSandbox, type Sandbox } from '../sandbox';
import { buildKgctl, runKgctlProcess } from '../cli/kgctl-run';
import { execVariant, plugin, printCredential, variant } from './kubeconfig-files';

/** Every secret planted below holds this marker, so one search finds any of them. */
const MARK = 'S3CR3T';

interface Case {
  name: string;
  file: string;
  /** kgctl's exit status. */
  exit: number;
  /** What the message must still say, so that redaction is not mistaken for success. */
  says: RegExp;
}

function leaks(text: string): string[] {
  return [...new Set(text.match(new RegExp(`[^\\s"]*${MARK}[^\\s"]*`, 'g')) ?? [])];
}

/** Everything the cluster layer says for `file`: refusal, warnings, a list's error, a watch's error. */
async function clusterLayerText(file: string): Promise<string> {
  const out: string[] = [];
  const l = loadKubeConfig({ kubeconfig: file });
  if (!l.ok) return l.error.message;
  const r = kubeConfigFor(l.config, l.config.currentContext ?? '', { execTimeoutMs: 5_000 });
  if (!r.ok) return r.error.message;
  out.push(...r.warnings);
  const c = new ClusterClient(r.kc, { requestTimeoutMs: 1_500 });
  out.push(c.server ?? '');
  try {
    await c.listPage('GameServer', 'default');
  } catch (e) {
    assert.ok(e instanceof ClusterFailure, `a described failure, not ${String(e)}`);
    out.push(e.error.message, e.error.detail ?? '');
  }
  const watchError = await new Promise<string>((resolve) => {
    void c.watch(
      'GameServer',
      'default',
      '0',
      () => undefined,
      (err) => resolve(err?.message ?? ''),
      { headersTimeoutMs: 1_500, timeoutSeconds: 1 },
    );
  });
  out.push(watchError);
  c.dispose();
  return out.join('\n');
}

describe('secrets never reach a message', () => {
  let sb: Sandbox;
  let bin: string;
  let silent: Server;
  const held: Socket[] = [];
  let port: (s: Server) => number;
  const cases: Case[] = [];

  before(async () => {
    [sb, bin] = await Promise.all([startSandbox({ sets: 1, replicas: 2 }), buildKgctl()]);
    port = (s) => (s.address() as AddressInfo).port;
    // Accepts connections and never answers: the timeout path.
    silent = createNetServer((s) => void held.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const closed = createNetServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const closedPort = port(closed);
    await new Promise<void>((r) => closed.close(() => r()));
    const sandboxPort = new URL(sb.url).port;
    const server = (s: string) => (raw: any) => void (raw.clusters[0].cluster.server = s);
    const withToken = (t: string, edit?: (raw: any) => void) => (raw: any) => {
      for (const u of raw.users) u.user.token = t;
      edit?.(raw);
    };
    cases.push(
      {
        name: 'unreachable server with userinfo and query',
        file: variant(sb.kubeconfigPath, withToken(`${MARK}-tok-1`, server(`https://alice:${MARK}-ui-1@127.0.0.1:${closedPort}/?token=${MARK}-q-1`))),
        exit: 1,
        says: /cannot reach the Kubernetes API server at https:\/\/\[redacted\]@127\.0\.0\.1:\d+\/\?\[redacted\]/,
      },
      {
        name: '401 with userinfo in the server URL',
        file: variant(sb.kubeconfigPath, withToken(`${MARK}-tok-2`, server(`https://bob:${MARK}-ui-2@127.0.0.1:${sandboxPort}`))),
        exit: 1,
        says: /rejected the credentials/,
      },
      {
        name: 'OKG not installed: the message names the server, whose query holds a token',
        file: variant(sb.kubeconfigPath, server(`${sb.url}/?token=${MARK}-q-3`)),
        exit: 1,
        says: /OKG is not installed .* at https:\/\/127\.0\.0\.1:\d+\/\?\[redacted\]/,
      },
      {
        name: 'TLS failure with userinfo',
        file: variant(sb.kubeconfigPath, (raw) => {
          delete raw.clusters[0].cluster['certificate-authority-data'];
          raw.clusters[0].cluster.server = `https://carol:${MARK}-ui-4@127.0.0.1:${sandboxPort}`;
        }),
        exit: 1,
        says: /TLS failure talking to https:\/\/\[redacted\]@127\.0\.0\.1/,
      },
      {
        name: 'a server URL that is not absolute, with userinfo',
        file: variant(sb.kubeconfigPath, server(`erin:${MARK}-ui-6@127.0.0.1:6443`)),
        exit: 1,
        says: /server "\[redacted\]@127\.0\.0\.1:6443" is not an absolute http\(s\) URL/,
      },
      {
        name: 'a failing plugin that prints its token on stderr and stdout',
        file: execVariant(sb.kubeconfigPath, plugin(`echo "Bearer ${MARK}-ex-7" >&2; echo "token=${MARK}-ex-7b"; exit 1`).command),
        exit: 1,
        says: /failed with exit status 1/,
      },
      {
        name: 'a plugin printing broken JSON around a token',
        file: execVariant(sb.kubeconfigPath, plugin(`echo '{"status":{"token":"${MARK}-ex-8"'`).command),
        exit: 1,
        says: /not JSON/,
      },
      {
        name: "a plugin's token that the cluster rejects",
        file: execVariant(sb.kubeconfigPath, plugin(printCredential(`${MARK}-ex-9`)).command),
        exit: 1,
        says: /rejected the credentials/,
      },
      {
        name: 'basic auth with a password',
        file: variant(sb.kubeconfigPath, (raw) => {
          for (const u of raw.users) {
            delete u.user.token;
            u.user.username = 'frank';
            u.user.password = `${MARK}-pw-10`;
          }
        }),
        exit: 1,
        says: /rejected the credentials/,
      },
      {
        name: 'insecure-skip-tls-verify on a server URL with userinfo (works, with a warning)',
        file: variant(sb.kubeconfigPath, (raw) => {
          delete raw.clusters[0].cluster['certificate-authority-data'];
          raw.clusters[0].cluster['insecure-skip-tls-verify'] = true;
          raw.clusters[0].cluster.server = `https://gina:${MARK}-ui-11@127.0.0.1:${sandboxPort}`;
        }),
        exit: 0,
        says: /^kgctl: warning: cluster "okg-sandbox" \(context "okg-sandbox"\) sets insecure-skip-tls-verify/,
      },
    );
  });
  after(async () => {
    for (const s of held) s.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
    await sb.close();
  });

  it('kgctl: stdout and stderr hold no secret, and still say what went wrong', async () => {
    const runs = await Promise.all(cases.map((c) => runKgctlProcess(bin, ['-r', 'gs', '-n', 'default', '-k', c.file])));
    for (const [i, c] of cases.entries()) {
      const r = runs[i];
      assert.equal(r.code, c.exit, `${c.name}: exit ${r.code}; stderr: ${r.stderr}`);
      assert.deepEqual(leaks(r.stdout + r.stderr), [], `${c.name}: a secret was printed: ${r.stderr}`);
      assert.match(r.stderr, c.says, `${c.name}: ${r.stderr}`);
    }
    const warned = runs[cases.length - 1].stderr.split('\n').filter((l) => l.includes('insecure-skip-tls-verify'));
    assert.equal(warned.length, 1, `the insecure warning once: ${runs[cases.length - 1].stderr}`);
  });

  it('the cluster layer: refusals, warnings, request and watch errors hold no secret', async () => {
    for (const c of cases) {
      const text = await clusterLayerText(c.file);
      assert.deepEqual(leaks(text), [], `${c.name}: ${text}`);
    }
  });

  it('a request that times out names the server without its credentials', async () => {
    const file = variant(sb.kubeconfigPath, (raw) => {
      raw.clusters[0].cluster.server = `https://dave:${MARK}-ui-5@127.0.0.1:${port(silent)}/?access_token=${MARK}-q-5`;
    });
    const text = await clusterLayerText(file);
    assert.match(text, /the API server at https:\/\/\[redacted\]@127\.0\.0\.1:\d+\/\?\[redacted\] did not answer/, text);
    assert.deepEqual(leaks(text), [], text);
  });

  it('redaction of text from elsewhere: URLs, Bearer and Basic credentials, token=... pairs', () => {
    assert.equal(redactUrl('https://u:p@h:6443/x?token=t#f'), 'https://[redacted]@h:6443/x?[redacted]#[redacted]');
    assert.equal(redactUrl('https://h:6443'), 'https://h:6443', 'a plain URL is unchanged');
    const text = redactText(
      `request to https://u:${MARK}1@h/a?b=${MARK}2 failed; Authorization: Bearer ${MARK}3, Basic ${MARK}4; {"token": "${MARK}5"} password=${MARK}6`,
    );
    assert.deepEqual(leaks(text), [], text);
    assert.match(text, /request to https:\/\/\[redacted\]@h\/a\?\[redacted\] failed/, text);
  });
});
