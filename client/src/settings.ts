// The one reader of the extension's `okg.*` settings, typed; the defaults are in defaults.ts. Every
// setting that reaches the cluster is in package.json's restrictedConfigurations, so VS Code ignores an
// untrusted workspace's values for them (`okg.trace.server` is read by vscode-languageclient itself).
// `okg.kubeconfig` is machine-scoped: a path on this machine, never synced or set by a workspace. For
// the apply settings a workspace may ask for more confirmation, never less (commands/confirm-rules.ts
// reads each level).
import * as vscode from 'vscode';
import { applyConcurrency, confirmThreshold } from './commands/confirm-rules';
import { DEFAULT_CONCURRENCY } from './defaults';

export interface ApplySettings {
  /** Objects in flight at once, 1..MAX_CONCURRENCY. */
  concurrency: number;
  /** More objects than this need the count typed. */
  threshold: number;
}

/** `okg.kubeconfig`, trimmed; undefined when empty, so the kubeconfig is found as kubectl finds it. */
export function kubeconfigSetting(): string | undefined {
  const value = vscode.workspace.getConfiguration('okg').get<unknown>('kubeconfig');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `okg.namespaces` as a settings file holds it (any JSON): cluster/names.ts `namespacesSetting` checks it. */
export function namespacesSettingValue(): unknown {
  return vscode.workspace.getConfiguration('okg').get<unknown>('namespaces');
}

/** `okg.apply.concurrency` and `okg.apply.confirmThreshold`, each read level by level. */
export function applySettings(): ApplySettings {
  const c = vscode.workspace.getConfiguration('okg.apply');
  return {
    concurrency: applyConcurrency(c.inspect('concurrency') ?? {}) ?? DEFAULT_CONCURRENCY,
    threshold: confirmThreshold(c.inspect('confirmThreshold') ?? {}),
  };
}
