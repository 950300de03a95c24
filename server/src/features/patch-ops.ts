// RFC 6902 operations as explained in completion and hover. The words are read when shown, in the
// locale chosen at initialize.
import * as l10n from '@vscode/l10n';
export interface PatchOpDoc {
  name: string;
  meaning: string;
  members: readonly ('path' | 'value' | 'from')[];
}

export const PATCH_OPS: readonly PatchOpDoc[] = [
  {
    name: 'add',
    get meaning() {
      return l10n.t('Adds the value at path; an existing object member is replaced, and `-` appends to an array.');
    },
    members: ['path', 'value'],
  },
  {
    name: 'remove',
    get meaning() {
      return l10n.t('Removes the value at path; fails when there is none.');
    },
    members: ['path'],
  },
  {
    name: 'replace',
    get meaning() {
      return l10n.t('Replaces the value at path; fails when there is none (use add for fields that may be unset).');
    },
    members: ['path', 'value'],
  },
  {
    name: 'move',
    get meaning() {
      return l10n.t('Removes the value at from and adds it at path.');
    },
    members: ['from', 'path'],
  },
  {
    name: 'copy',
    get meaning() {
      return l10n.t('Copies the value at from to path.');
    },
    members: ['from', 'path'],
  },
  {
    name: 'test',
    get meaning() {
      return l10n.t('Fails the whole patch unless the value at path equals value: a precondition.');
    },
    members: ['path', 'value'],
  },
];

/** Functions, so each is read in the locale chosen at initialize. */
export const MEMBER_DOCS: Record<string, () => string> = {
  op: () => l10n.t('The operation: add, remove, replace, move, copy or test.'),
  path: () => l10n.t('A JSON Pointer (RFC 6901) to the target location, such as /spec/opsState.'),
  value: () => l10n.t('The value to add, replace with, or test against.'),
  from: () => l10n.t('A JSON Pointer to the source location of move and copy.'),
};
