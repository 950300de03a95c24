// The titles of every quick fix the server offers, in one place so that they are worded alike and
// translated together. `shown` values are already written as they read in the file (JSON or YAML).
export const FIX_TITLES = {
  changeTo: (shown: string) => `Change to ${shown}`,
  renameKey: (from: string, to: string) => `Rename \`${from}\` to \`${to}\``,
  swapBounds: (shown: string) => `Swap the bounds: ${shown}`,
  writeAs: (shown: string) => `Write it as ${shown}`,
  wrapInArray: 'Wrap it in [ ]',
  oneElementPerField: 'Make each field its own element of the array',
  combineWithAnd: 'Combine the clauses with "$and"',
  splitAndElement: (count: number) => `Split into ${count} elements of "$and" (same meaning: "$and" needs every element to match)`,
  geAndNeInAnd: 'Rewrite as "$ge" and "$ne" in "$and"',
  geAndNeClauses: 'Rewrite as "$ge" and "$ne" clauses',
  geNext: (next: number, field: string) => `Rewrite as "$ge": ${next} (${field} is an integer)`,
  removeEarlierDuplicate: (key: string) => `Remove this "${key}" (only the last one is read)`,
  removeUnusedMember: (member: string, op: string) => `Remove "${member}" (${op} does not use it)`,
  addLine: (line: string) => `Add \`${line}\``,
} as const;
