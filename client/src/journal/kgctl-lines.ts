// A journal entry as kgctl commands that make the same change again: one line per namespace and
// distinct patch, the objects chosen by name. The patch is what the apply did to each object (the
// recorded places and their new values), not the ops as written, so `test`s that held then and
// appends that would append twice are not replayed.
import * as l10n from '@vscode/l10n';
import { shellQuote } from '../commands/kruisegamectl-command';
import { DEFAULT_CONFIRM_THRESHOLD } from '../defaults';
import { setPlaceOp, type JournalEntry } from './entry';

/** Comment lines are safe to paste: a shell ignores them, and they hold no newline. */
const comment = (text: string) => `# ${text.replace(/[\r\n]+/g, ' ')}`;

export function kgctlLines(entry: JournalEntry): string[] {
  const lines = [comment(`${entry.time} ${entry.context}: ${entry.what}`)];
  const groups = new Map<string, { namespace: string; patch: string; names: string[] }>();
  for (const o of entry.objects) {
    if (o.outcome !== 'changed' || !o.changes?.length) continue;
    if (o.changes.some((c) => c.redacted)) {
      lines.push(comment(l10n.t('{0}/{1}: left out, the journal does not keep the values it was given', o.namespace, o.name)));
      continue;
    }
    const patch = JSON.stringify(o.changes.map((c) => setPlaceOp(c, 'after')));
    const key = JSON.stringify([o.namespace, patch]);
    const group = groups.get(key) ?? {
      namespace: o.namespace,
      patch,
      names: [],
    };
    group.names.push(o.name);
    groups.set(key, group);
  }
  const kind = entry.kind === 'GameServerSet' ? 'gss' : 'gs';
  for (const g of groups.values()) {
    const filter = JSON.stringify(g.names.length === 1 ? { name: g.names[0] } : { name: { $in: g.names } });
    const args = ['kgctl', '--context', shellQuote(entry.context), '-r', kind, '-n', shellQuote(g.namespace)];
    args.push('-f', shellQuote(filter), '-j', shellQuote(g.patch));
    if (g.names.length > DEFAULT_CONFIRM_THRESHOLD) args.push('--yes');
    lines.push(args.join(' '));
  }
  if (groups.size === 0) lines.push(comment(l10n.t('Nothing to reproduce: the apply changed no object.')));
  return lines;
}
