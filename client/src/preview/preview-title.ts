// The preview's title, and how its tab is told apart from other tabs: the multi-file diff editor
// is not exposed to extensions as a tab input, so its tab is known by its label.
import * as l10n from '@vscode/l10n';

/** What every preview's title starts with; a function, so it is in the window's language. */
const prefix = (): string => l10n.t('OKG preview: ');

/** e.g. `OKG preview: idle.kgpatch on the matches of old.kgfilter (6 GameServers in prod)`. */
export function previewTitle(what: string, count: number, noun: string, context: string): string {
  return `${prefix()}${what} (${l10n.t('{0} {1} in {2}', count, noun, context)})`;
}

/** VS Code labels a multi-file diff tab with its title, then the number of files in brackets. */
export function isPreviewTab(label: string, title: string): boolean {
  return label === title || label.startsWith(`${title} (`);
}

/** Any preview's tab, this one's or an earlier one's. */
export function isAnyPreviewTab(label: string): boolean {
  return label.startsWith(prefix());
}
