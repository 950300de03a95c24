// Every command of the extension, registered in one place.
import * as vscode from 'vscode';
import { registerApplyPatch } from './apply-patch';
import { registerClearFilter } from './clear-filter';
import { registerCopyAsKgctlCommands } from './copy-as-kgctl-commands';
import { registerCopyAsKruisegamectl } from './copy-as-kruisegamectl';
import { registerCopyName } from './copy-name';
import type { Deps } from './deps';
import { registerGetStarted } from './get-started';
import { registerNewDocuments } from './new-document';
import { registerOpenYaml } from './open-yaml';
import { registerRefresh } from './refresh';
import { registerRevertEntry } from './revert-entry';
import { registerRunFilter } from './run-filter';
import { registerSelectContext } from './select-context';
import { registerScaleGameServerSet } from './scale-game-server-set';
import { registerSetOpsState } from './set-ops-state';
import { registerShowAllNamespaces } from './show-all-namespaces';
import { registerShowEvents } from './show-events';
import { registerShowLog } from './show-log';
import { registerShowLogs } from './show-logs';
import { registerShowMore } from './show-more';
import { registerShowOverview } from './show-overview';

export function registerCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    registerRunFilter(deps),
    registerClearFilter(deps),
    registerApplyPatch(deps),
    registerRefresh(deps),
    registerSelectContext(deps),
    registerOpenYaml(),
    registerSetOpsState(deps),
    registerScaleGameServerSet(deps),
    registerCopyName(),
    registerCopyAsKruisegamectl(deps),
    registerShowLog(deps),
    registerShowLogs(deps),
    registerShowEvents(deps),
    registerShowMore(deps),
    registerShowAllNamespaces(deps),
    registerShowOverview(deps),
    registerRevertEntry(deps),
    registerCopyAsKgctlCommands(deps),
    registerNewDocuments(),
    registerGetStarted(),
  );
}
