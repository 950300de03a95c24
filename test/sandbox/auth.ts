// Bearer tokens: the admin may do anything, the viewer only read; anyone else is unauthenticated.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { unauthorized } from './status';

export type User = 'admin' | 'viewer';

export const READ_VERBS = new Set(['get', 'list', 'watch']);

export class Auth {
  readonly tokens = { admin: randomBytes(24).toString('hex'), viewer: randomBytes(24).toString('hex') };

  /** The user behind the request's bearer token; throws 401 otherwise. */
  authenticate(req: IncomingMessage): User {
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (m?.[1] === this.tokens.admin) return 'admin';
    if (m?.[1] === this.tokens.viewer) return 'viewer';
    throw unauthorized();
  }

  static allowed(user: User, verb: string): boolean {
    return user === 'admin' || READ_VERBS.has(verb);
  }
}
