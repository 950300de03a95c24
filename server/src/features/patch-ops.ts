// RFC 6902 operations as explained in completion and hover.
export interface PatchOpDoc {
  name: string;
  meaning: string;
  members: readonly ('path' | 'value' | 'from')[];
}

export const PATCH_OPS: readonly PatchOpDoc[] = [
  { name: 'add', meaning: 'Adds the value at path; an existing object member is replaced, and `-` appends to an array.', members: ['path', 'value'] },
  { name: 'remove', meaning: 'Removes the value at path; fails when there is none.', members: ['path'] },
  { name: 'replace', meaning: 'Replaces the value at path; fails when there is none (use add for fields that may be unset).', members: ['path', 'value'] },
  { name: 'move', meaning: 'Removes the value at from and adds it at path.', members: ['from', 'path'] },
  { name: 'copy', meaning: 'Copies the value at from to path.', members: ['from', 'path'] },
  { name: 'test', meaning: 'Fails the whole patch unless the value at path equals value: a precondition.', members: ['path', 'value'] },
];

export const MEMBER_DOCS: Record<string, string> = {
  op: 'The operation: add, remove, replace, move, copy or test.',
  path: 'A JSON Pointer (RFC 6901) to the target location, such as /spec/opsState.',
  value: 'The value to add, replace with, or test against.',
  from: 'A JSON Pointer to the source location of move and copy.',
};
