// Every command of the extension, registered in one place.
import * as vscode from 'vscode';
import { registerApplyPatch } from './applyPatch';
import { registerClearFilter } from './clearFilter';
import { registerCopyAsKgctlCommands } from './copyAsKgctlCommands';
import { registerCopyAsKruisegamectl } from './copyAsKruisegamectl';
import { registerCopyName } from './copyName';
import type { Deps } from './deps';
import { registerGetStarted } from './getStarted';
import { registerNewDocuments } from './newDocument';
import { registerOpenYaml } from './openYaml';
import { registerRefresh } from './refresh';
import { registerRevertEntry } from './revertEntry';
import { registerRunFilter } from './runFilter';
import { registerSelectContext } from './selectContext';
import { registerScaleGameServerSet } from './scaleGameServerSet';
import { registerSetOpsState } from './setOpsState';
import { registerShowAllNamespaces } from './showAllNamespaces';
import { registerShowEvents } from './showEvents';
import { registerShowLog } from './showLog';
import { registerShowLogs } from './showLogs';
import { registerShowMore } from './showMore';
import { registerShowOverview } from './showOverview';

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
