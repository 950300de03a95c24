// The titles of every quick fix the server offers, in one place so that they are worded alike and
// translated together. `shown` values are already written as they read in the file (JSON or YAML).
// Fixed titles are getters, so each is read in the locale chosen at initialize, not at module load.
import * as l10n from '@vscode/l10n';

export const FIX_TITLES = {
  changeTo: (shown: string) => l10n.t('Change to {0}', shown),
  renameKey: (from: string, to: string) => l10n.t('Rename `{0}` to `{1}`', from, to),
  swapBounds: (shown: string) => l10n.t('Swap the bounds: {0}', shown),
  writeAs: (shown: string) => l10n.t('Write it as {0}', shown),
  get wrapInArray() {
    return l10n.t('Wrap it in [ ]');
  },
  get oneElementPerField() {
    return l10n.t('Make each field its own element of the array');
  },
  get combineWithAnd() {
    return l10n.t('Combine the clauses with "$and"');
  },
  splitAndElement: (count: number) => l10n.t('Split into {0} elements of "$and" (same meaning: "$and" needs every element to match)', count),
  get geAndNeInAnd() {
    return l10n.t('Rewrite as "$ge" and "$ne" in "$and"');
  },
  get geAndNeClauses() {
    return l10n.t('Rewrite as "$ge" and "$ne" clauses');
  },
  geNext: (next: number, field: string) => l10n.t('Rewrite as "$ge": {0} ({1} is an integer)', next, field),
  removeEarlierDuplicate: (key: string) => l10n.t('Remove this "{0}" (only the last one is read)', key),
  removeUnusedMember: (member: string, op: string) => l10n.t('Remove "{0}" ({1} does not use it)', member, op),
  addLine: (line: string) => l10n.t('Add `{0}`', line),
};
