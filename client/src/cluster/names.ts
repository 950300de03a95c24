// What Kubernetes accepts as a namespace and as an object name. A value goes into a URL path only
// after it passed these checks: "..", "a/b" or "%2e%2e" would otherwise turn a namespaced path
// into another one (a request for namespace ".." collapses to the cluster-wide collection).
import * as l10n from '@vscode/l10n';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The value as typed, quoted so that empty, spaced or control characters are visible. */
function quoted(value: string): string {
  return JSON.stringify(value);
}

/** Why `value` is not a namespace (a DNS-1123 label), or undefined when it is one. */
export function namespaceProblem(value: string): string | undefined {
  if (value.length <= 63 && LABEL.test(value)) return undefined;
  return l10n.t(
    "{0} is not a valid namespace: a namespace is 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
    quoted(value),
  );
}

/** Why `value` is not an object name (a DNS-1123 subdomain), or undefined when it is one. */
export function nameProblem(value: string): string | undefined {
  if (value.length <= 253 && SUBDOMAIN.test(value)) return undefined;
  return l10n.t(
    "{0} is not a valid object name: a name is 1 to 253 lowercase letters, digits, '-' and '.', each " +
      'dot-separated part starting and ending with a letter or digit',
    quoted(value),
  );
}

/** The first problem among `values`, or undefined when every one is a namespace. */
export function namespacesProblem(values: readonly string[]): string | undefined {
  for (const v of values) {
    const p = namespaceProblem(v);
    if (p) return p;
  }
  return undefined;
}

/**
 * The `okg.namespaces` setting as read from the editor (any JSON a settings file holds): a list of
 * namespaces, or why it cannot be used. A workspace may set it, so nothing in it is trusted.
 */
export function namespacesSetting(value: unknown): { ok: true; namespaces: string[] } | { ok: false; problem: string } {
  if (value === undefined || value === null) return { ok: true, namespaces: [] };
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    return { ok: false, problem: l10n.t('it must be a list of namespace names') };
  const problem = namespacesProblem(value);
  return problem ? { ok: false, problem } : { ok: true, namespaces: [...new Set(value)] };
}
