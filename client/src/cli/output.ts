// kgctl's stdout: one JSON document (kruisegamectl's shapes) or a table.
import type { ClusterError, KubeStatus } from '../cluster/errors';
import type { ApplyResult, DeleteResult } from '../cluster/patch-runner';
import type { KubeObject, ResourceKind } from '../cluster/resources';
import { errStatus, reasonOf } from './status';
import { objectTable, renderTable } from './table';

/**
 * A result's `err`: null on success, else kruisegamectl's `{ErrStatus}` (see status.ts) with
 * kgctl's plain `message`, `reason` and `code` (the HTTP status, null when no answer came) beside it.
 */
export interface ResultError {
  ErrStatus: KubeStatus;
  message: string;
  reason: string;
  code: number | null;
}

export function resultError(e: ClusterError | undefined, kind: ResourceKind, obj: KubeObject): ResultError | null {
  if (!e) return null;
  return { ErrStatus: errStatus(e, kind, obj), message: e.message, reason: reasonOf(e), code: e.status ?? null };
}

export function json(doc: unknown, pretty: boolean): string {
  return JSON.stringify(doc, null, pretty ? 4 : undefined) + '\n';
}

export function updateDocument(kind: ResourceKind, results: readonly ApplyResult[]): unknown[] {
  const [obj, updated] = kind === 'GameServer' ? ['gs', 'updatedGs'] : ['gss', 'updatedGss'];
  return results.map((r) => ({ [obj]: r.before, [updated]: r.after ?? null, err: resultError(r.error, kind, r.before) }));
}

export function deleteDocument(kind: ResourceKind, results: readonly DeleteResult[]): unknown[] {
  const obj = kind === 'GameServer' ? 'gs' : 'gss';
  return results.map((r) => ({ [obj]: r.object, err: resultError(r.error, kind, r.object) }));
}

export function listOutput(kind: ResourceKind, objects: readonly KubeObject[], format: 'json' | 'table', pretty: boolean): string {
  return format === 'table' ? objectTable(kind, objects) : json(objects, pretty);
}

/** One row per object: what happened to it, and why when it failed. */
export function resultsTable(rows: readonly { object: KubeObject; result: string; error?: ClusterError }[]): string {
  if (rows.length === 0) return 'No resources found.\n';
  return renderTable(
    ['NAMESPACE', 'NAME', 'RESULT', 'MESSAGE'],
    rows.map((r) => [r.object.metadata.namespace ?? '', r.object.metadata.name, r.result, r.error?.message ?? '']),
  );
}
