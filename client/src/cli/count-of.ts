// "1 GameServer", "3 GameServers": a count of objects of a kind, in the locale chosen (Chinese has
// no plural, English adds an s).
import * as l10n from '@vscode/l10n';
import type { ResourceKind } from '../cluster/resources';

export function countOf(n: number, kind: ResourceKind): string {
  return n === 1 ? l10n.t('1 {0}', kind) : l10n.t('{0} {1}s', n, kind);
}
