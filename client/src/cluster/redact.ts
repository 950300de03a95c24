// Removes credentials from text before it reaches a message, a log line or a notification.
// Kubeconfigs carry secrets in places users do not think of as secret: userinfo and query of a
// server URL (`https://user:pass@host`, `?token=...`), and what a credential plugin prints.
// Messages never include a plugin's output at all (see exec-auth.ts); this module handles the
// secrets that can ride inside text we did not write (library and server messages, URLs).

export const REDACTED = '[redacted]';

// A URL with a scheme, up to whitespace or a character that commonly closes a quoted URL.
const URL_IN_TEXT = /\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s"'<>`]+/g;
// `Authorization: Bearer abc`, `Basic dXNlcjpwYXNz`, and the same in JSON or header dumps.
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)[A-Za-z0-9\-._~+/=:]+/gi;
// key=value / key: value pairs whose value is a credential, outside URLs too.
const SECRET_PAIR = /\b(token|access_token|id_token|refresh_token|password|passwd|secret|client_secret|api_key|apikey)(["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi;

/** A URL with its userinfo and query replaced (`https://[redacted]@host:6443/?[redacted]`). */
export function redactUrl(url: string): string {
  // Cut by hand rather than with URL(): a server value that is not a valid URL must not slip through.
  const hash = url.indexOf('#');
  let rest = hash >= 0 ? url.slice(0, hash) : url;
  const fragment = hash >= 0 ? `#${REDACTED}` : '';
  const q = rest.indexOf('?');
  const query = q >= 0 ? `?${REDACTED}` : '';
  if (q >= 0) rest = rest.slice(0, q);
  const scheme = rest.indexOf('://');
  const authorityStart = scheme >= 0 ? scheme + 3 : 0;
  const slash = rest.indexOf('/', authorityStart);
  const authorityEnd = slash >= 0 ? slash : rest.length;
  const at = rest.lastIndexOf('@', authorityEnd - 1);
  if (at >= authorityStart) rest = `${rest.slice(0, authorityStart)}${REDACTED}${rest.slice(at)}`;
  return rest + query + fragment;
}

/** `text` with the credentials this module knows how to spot replaced by [redacted]. */
export function redactText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (u) => redactUrl(u))
    .replace(AUTH_SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
    .replace(SECRET_PAIR, (m, key: string, sep: string) => (m.endsWith(REDACTED) ? m : `${key}${sep}${REDACTED}`));
}
