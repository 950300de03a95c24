// When an apply needs more than a click: many objects, every object, or servers being killed.
import * as l10n from '@vscode/l10n';
import { DEFAULT_CONFIRM_THRESHOLD, MAX_CONCURRENCY } from '../defaults';

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
}

export interface ConfirmInput {
  count: number;
  threshold: number;
  /** The filter selects every object (an empty filter, as kruise-game-api reads it). */
  filterIsEmpty: boolean;
  ops: readonly JsonPatchOp[];
  /** GameServers the change makes OKG delete (a scale down): what is typed then, not the objects written. */
  deletes?: number;
}

/** `typeCount`: the number to type (the objects, or the GameServers a scale deletes) and why. */
export type Confirmation = { kind: 'click' } | { kind: 'typeCount'; count: number; reasons: string[] };

function valueSetsKill(path: string, value: unknown): boolean {
  if (path === '/spec/opsState') return value === 'Kill';
  if (value === null || typeof value !== 'object') return false;
  // A whole object written above /spec/opsState, e.g. `replace /spec` with `{opsState: Kill}`.
  const rest = '/spec/opsState'.startsWith(`${path}/`) ? '/spec/opsState'.slice(path.length + 1).split('/') : undefined;
  if (!rest) return false;
  let cur: unknown = value;
  for (const key of rest) {
    if (cur === null || typeof cur !== 'object') return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur === 'Kill';
}

/** Whether the patch writes `Kill` into spec.opsState (which deletes the server and its players). */
export function patchSetsKill(ops: readonly JsonPatchOp[]): boolean {
  return ops.some((o) => (o.op === 'add' || o.op === 'replace') && valueSetsKill(o.path, o.value));
}

export function confirmationFor(input: ConfirmInput): Confirmation {
  const reasons: string[] = [];
  if (input.count > input.threshold) reasons.push(l10n.t('more than {0} objects', input.threshold));
  if (input.filterIsEmpty) reasons.push(l10n.t('the filter is empty, so it matches every object'));
  if (patchSetsKill(input.ops)) reasons.push(l10n.t('the patch sets opsState to Kill'));
  const deletes = input.deletes ?? 0;
  // Servers and their players go: as with Kill, a click is not enough, and the count typed is theirs.
  if (deletes > 0) reasons.push(l10n.t('OKG will delete {0} GameServers', deletes));
  if (!reasons.length) return { kind: 'click' };
  return { kind: 'typeCount', count: deletes > 0 ? deletes : input.count, reasons };
}

/** The input box accepts exactly the count, so a stray Enter never confirms. */
export function typedCountError(typed: string, count: number): string | undefined {
  return typed.trim() === String(count) ? undefined : l10n.t('Type {0} to confirm', count);
}

/** One setting as `WorkspaceConfiguration.inspect()` gives it: each level's value, unchecked JSON. */
export interface SettingLevels {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

function wholeNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * `okg.apply.confirmThreshold`: the user's own value (user settings, else the default) is a
 * ceiling that a workspace or folder cannot raise; they may only lower it (ask more often). A
 * repository's settings can thus never remove the type-the-count step. Values that are not whole
 * numbers of 0 or more are ignored at their level.
 */
export function confirmThreshold(levels: SettingLevels): number {
  const user = wholeNumber(levels.globalValue) ?? wholeNumber(levels.defaultValue) ?? DEFAULT_CONFIRM_THRESHOLD;
  const local = [levels.workspaceValue, levels.workspaceFolderValue].map(wholeNumber).filter((v): v is number => v !== undefined);
  return Math.min(user, ...local);
}

/**
 * `okg.apply.concurrency`: the most specific level that holds a whole number (folder, workspace,
 * user, default), kept within 1..64 whoever set it; undefined leaves the patch runner's own
 * default. An untrusted workspace's values never get here: package.json lists the setting in
 * restrictedConfigurations, so VS Code ignores them.
 */
export function applyConcurrency(levels: SettingLevels): number | undefined {
  const pick = [levels.workspaceFolderValue, levels.workspaceValue, levels.globalValue, levels.defaultValue].map(wholeNumber).find((v) => v !== undefined);
  return pick === undefined ? undefined : Math.min(MAX_CONCURRENCY, Math.max(1, pick));
}
