// A kubeconfig user's `tokenFile`, which client-node 1.4.0 ignores (it reads `token-file`), so that
// such a user was sent without credentials and got a puzzling 401. Read as client-go reads it: the
// file is read again after a minute, so a rotated token (a projected service account) is picked up.
import { readFileSync } from 'node:fs';
import type { KubeConfig, User } from '@kubernetes/client-node';
import * as l10n from '@vscode/l10n';
import { CredentialError } from './errors';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];
type RequestOptions = Parameters<Authenticator['applyAuthentication']>[1];

const REREAD_MS = 60_000;

/** The token in `file`, or why `file` cannot serve as the token file of `user`. */
export function readTokenFile(file: string, user: string): { token: string } | { problem: string } {
  try {
    const token = readFileSync(file, 'utf8').trim();
    return token === '' ? { problem: l10n.t('the tokenFile {0} of user "{1}" is empty', file, user) } : { token };
  } catch (e) {
    return { problem: l10n.t('the tokenFile {0} of user "{1}" cannot be read: {2}', file, user, readFailure(e)) };
  }
}

/** Why a file could not be read, in words (the errno code when there are none for it). */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return l10n.t('no such file');
  if (code === 'EACCES') return l10n.t('permission denied');
  if (code === 'EISDIR') return l10n.t('it is a folder');
  return code ?? l10n.t('read error');
}

export class TokenFileAuthenticator implements Authenticator {
  private token: string | undefined;
  private readAt = 0;

  constructor(
    private readonly userName: string,
    private readonly file: string,
  ) {}

  isAuthProvider(user: User): boolean {
    return user.name === this.userName;
  }

  async applyAuthentication(_user: User, opts: RequestOptions): Promise<void> {
    const now = Date.now();
    if (this.token === undefined || now - this.readAt > REREAD_MS) {
      const read = readTokenFile(this.file, this.userName);
      if ('problem' in read) throw new CredentialError(read.problem);
      this.token = read.token;
      this.readAt = now;
    }
    const o = opts as { headers?: Record<string, unknown> };
    o.headers = { ...o.headers, Authorization: `Bearer ${this.token}` };
  }
}
