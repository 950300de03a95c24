// What a test running inside VS Code needs from the launcher: the sandbox (through a loopback
// control endpoint and its kubeconfig), the fixture workspace, and waiting on a condition with a
// deadline instead of sleeping.
import * as vscode from 'vscode';
import type { OkgApi } from '../../../client/src/test-api';

export type SandboxKind = 'GameServer' | 'GameServerSet';

/** A JSON Patch operation applied to the stored object by the sandbox (RFC 6902). */
export interface SandboxPatchOp {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: unknown;
  from?: string;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through test/e2e/launch.mjs`);
  return value;
}

/** Path of the kubeconfig that points at the sandbox (also the server's KUBECONFIG). */
export function sandboxKubeconfig(): string {
  return requiredEnv('OKG_E2E_KUBECONFIG');
}

async function control<T>(path: string, body?: unknown): Promise<T> {
  const url = requiredEnv('OKG_E2E_CONTROL') + path;
  const res = await fetch(url, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`sandbox control ${path}: HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The objects the sandbox holds now (bypassing the extension's cache). */
export function sandboxObjects(kind: SandboxKind, namespace?: string): Promise<any[]> {
  const q = new URLSearchParams({ kind, ...(namespace ? { namespace } : {}) });
  return control<any[]>(`/objects?${q}`);
}

/** Changes one object in the sandbox as another client would (bumps resourceVersion, sends a watch event). */
export function sandboxMutate(kind: SandboxKind, namespace: string, name: string, ops: SandboxPatchOp[]): Promise<any> {
  return control<any>('/mutate', { kind, namespace, name, ops });
}

/** Changes the named fault settings (latency, errors per verb, conflict rate); the others keep their value, so `{ errors: {} }` clears the errors. */
export function sandboxFaults(faults: Record<string, unknown>): Promise<unknown> {
  return control<unknown>('/faults', faults);
}

/** The fixture workspace (a fresh temporary copy of test/e2e/workspace). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openFixture(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  return vscode.window.showTextDocument(doc);
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * `what` and the last value seen, so a failure says what never happened.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  describeLast?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describeLast ? `; last seen: ${describeLast()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension under test, activated. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension('okg-tools.okg-tools');
  if (!ext) throw new Error('extension okg-tools.okg-tools is not installed in this host');
  await ext.activate();
  return ext;
}

/** The extension's test API, connected to the sandbox and its first lists loaded. */
export async function connectedApi(): Promise<OkgApi> {
  const api = (await activeExtension()).exports as OkgApi;
  await api.connect();
  await waitFor(
    'the session to load from the sandbox',
    () => (api.clusterState() === 'ready' ? true : undefined),
    30_000,
    () => api.clusterState(),
  );
  return api;
}
