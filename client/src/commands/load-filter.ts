// A .kgfilter document compiled for its kind (`*.gss.kgfilter` filters GameServerSets).
import * as vscode from 'vscode';
import { compileFilter, type CompiledFilter } from '../../../server/src/engine';
import type { ActiveFilter } from '../views/game-server-tree';
import { fileLabel } from './documents';
import { kindOfFile, type ResourceKind } from './resource-kind';

export interface LoadedFilter {
  doc: vscode.TextDocument;
  kind: ResourceKind;
  compiled: CompiledFilter;
  /** An empty filter (no clause, comments only) selects every object, as kruise-game-api reads it. */
  isEmpty: boolean;
}

export async function loadFilter(uri: vscode.Uri): Promise<LoadedFilter> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return compileDocument(doc);
}

export function compileDocument(doc: vscode.TextDocument): LoadedFilter {
  const kind = kindOfFile(doc.uri.path);
  const compiled = compileFilter(doc.getText(), kind);
  return { doc, kind, compiled, isEmpty: compiled.problems.some((p) => p.code === 'empty-filter') };
}

export function asActiveFilter(f: LoadedFilter): ActiveFilter {
  return { uri: f.doc.uri, label: fileLabel(f.doc.uri), kind: f.kind, isEmpty: f.isEmpty, matches: f.compiled.matches };
}
