// Reads filter and patch arguments (inline text or @file) and --input lists.
import { readFile } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import { resolve } from 'node:path';
import { isKubeObject, type KubeObject, type ResourceKind } from '../cluster/resources';
import { UsageOrSetupError, type Io } from './io';

export interface Source {
  /** What messages call it: the file name, or `filter` / `patch` for inline text. */
  name: string;
  text: string;
}

/** Why a file could not be read, in words. */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? l10n.t('no such file') : (code ?? l10n.t('read error'));
}

/** `@path` reads the file (relative to the working directory); anything else is the text itself. */
export async function readSpec(arg: string, inlineName: string, io: Io): Promise<Source> {
  if (!arg.startsWith('@')) return { name: inlineName, text: arg };
  const path = arg.slice(1);
  if (path === '') throw new UsageOrSetupError(l10n.t('{0}: @ must be followed by a file name', inlineName));
  try {
    return { name: path, text: await readFile(resolve(io.cwd, path), 'utf8') };
  } catch (e) {
    throw new UsageOrSetupError(l10n.t('cannot read {0} file {1}: {2}', inlineName, path, readFailure(e)));
  }
}

/**
 * The objects of a `kubectl get -o json` answer: a List (or XList) with items, one object, or a
 * JSON array (kgctl's own list output). Objects of the other kind are left out, with a warning.
 */
export async function readInput(arg: string, kind: ResourceKind, io: Io): Promise<KubeObject[]> {
  let text: string;
  try {
    text = arg === '-' ? await io.readStdin() : await readFile(resolve(io.cwd, arg), 'utf8');
  } catch (e) {
    throw new UsageOrSetupError(l10n.t('cannot read --input {0}: {1}', arg, readFailure(e)));
  }
  const name = arg === '-' ? l10n.t('stdin') : arg;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageOrSetupError(l10n.t('--input {0} is not JSON ({1}); produce it with kubectl get ... -o json', name, (e as Error).message));
  }
  const items: unknown[] = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && Array.isArray((doc as { items?: unknown }).items)
      ? (doc as { items: unknown[] }).items
      : [doc];
  const objects = items.filter(isKubeObject);
  if (objects.length !== items.length) {
    throw new UsageOrSetupError(l10n.t('--input {0}: {1} item(s) are not Kubernetes objects (no metadata.name)', name, items.length - objects.length));
  }
  const mine = objects.filter((o) => o.kind === undefined || o.kind === kind);
  if (mine.length < objects.length) {
    io.stderr(`kgctl: ${l10n.t('--input {0}: skipped {1} object(s) that are not {2}s', name, objects.length - mine.length, kind)}\n`);
  }
  return mine;
}
