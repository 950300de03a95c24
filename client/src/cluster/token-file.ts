// A kubeconfig user's `tokenFile`, which client-node 1.4.0 ignores (it reads `token-file`), so that
// such a user was sent without credentials and got a puzzling 401. Read as client-go reads it: the
// file is read again after a minute, so a rotated token (a projected service account) is picked up.
import { readFileSync } from 'node:fs';
import type { KubeConfig, User } from '@kubernetes/client-node';
import { CredentialError } from './errors';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];
type RequestOptions = Parameters<Authenticator['applyAuthentication']>[1];

const REREAD_MS = 60_000;

/** The token in `file`, or why `file` cannot serve as the token file of `user`. */
export function readTokenFile(file: string, user: string): { token: string } | { problem: string } {
  try {
    const token = readFileSync(file, 'utf8').trim();
    return token === '' ? { problem: `the tokenFile ${file} of user "${user}" is empty` } : { token };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: `the tokenFile ${file} of user "${user}" cannot be read: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'read error')}` };
  }
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
