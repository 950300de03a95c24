// Every command of the extension, registered in one place.
import * as vscode from 'vscode';
import { registerApplyPatch } from './applyPatch';
import { registerClearFilter } from './clearFilter';
import { registerCopyAsKruisegamectl } from './copyAsKruisegamectl';
import { registerCopyName } from './copyName';
import type { Deps } from './deps';
import { registerGetStarted } from './getStarted';
import { registerNewDocuments } from './newDocument';
import { registerOpenYaml } from './openYaml';
import { registerRefresh } from './refresh';
import { registerRunFilter } from './runFilter';
import { registerSelectContext } from './selectContext';
import { registerSetOpsState } from './setOpsState';
import { registerShowAllNamespaces } from './showAllNamespaces';
import { registerShowLog } from './showLog';
import { registerShowMore } from './showMore';

export function registerCommands(deps: Deps): vscode.Disposable {
  return vscode.Disposable.from(
    registerRunFilter(deps),
    registerClearFilter(deps),
    registerApplyPatch(deps),
    registerRefresh(deps),
    registerSelectContext(deps),
    registerOpenYaml(),
    registerSetOpsState(deps),
    registerCopyName(),
    registerCopyAsKruisegamectl(deps),
    registerShowLog(deps),
    registerShowMore(deps),
    registerShowAllNamespaces(deps),
    registerNewDocuments(),
    registerGetStarted(),
  );
}
