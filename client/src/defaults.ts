// Every default of an `okg.*` setting, in one place, without vscode: the extension reads the settings
// (settings.ts) and kgctl takes the same defaults for its flags. package.json declares the same values
// for the Settings UI; test/unit/settings-defaults.test.ts fails when the two drift apart.

/** Objects in flight at once when applying: at 10 ms a request, 10,000 objects in a few seconds. */
export const DEFAULT_CONCURRENCY = 32;
/** The most objects in flight, whoever set the value (package.json's `maximum`). */
export const MAX_CONCURRENCY = 64;
/** More objects than this need the count typed to confirm (kgctl: `--yes`). */
export const DEFAULT_CONFIRM_THRESHOLD = 10;

/** Each setting's default, by its full name, as package.json's `contributes.configuration` gives it. */
export const SETTING_DEFAULTS = {
  'okg.kubeconfig': '',
  'okg.namespaces': [],
  'okg.apply.concurrency': DEFAULT_CONCURRENCY,
  'okg.apply.confirmThreshold': DEFAULT_CONFIRM_THRESHOLD,
  /** Read by vscode-languageclient itself (the client's id is `okg`): the LSP messages in the output channel. */
  'okg.trace.server': 'off',
} as const;

export type SettingName = keyof typeof SETTING_DEFAULTS;
