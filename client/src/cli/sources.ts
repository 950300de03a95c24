// Reads filter and patch arguments (inline text or @file) and --input lists.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isKubeObject, type KubeObject, type ResourceKind } from '../cluster/resources';
import { UsageOrSetupError, type Io } from './io';

export interface Source {
  /** What messages call it: the file name, or `filter` / `patch` for inline text. */
  name: string;
  text: string;
}

/** `@path` reads the file (relative to the working directory); anything else is the text itself. */
export async function readSpec(arg: string, inlineName: string, io: Io): Promise<Source> {
  if (!arg.startsWith('@')) return { name: inlineName, text: arg };
  const path = arg.slice(1);
  if (path === '') throw new UsageOrSetupError(`${inlineName}: @ must be followed by a file name`);
  try {
    return { name: path, text: await readFile(resolve(io.cwd, path), 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageOrSetupError(`cannot read ${inlineName} file ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read error')}`);
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
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageOrSetupError(`cannot read --input ${arg}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read error')}`);
  }
  const name = arg === '-' ? 'stdin' : arg;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new UsageOrSetupError(`--input ${name} is not JSON (${(e as Error).message}); produce it with kubectl get ... -o json`);
  }
  const items: unknown[] = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && Array.isArray((doc as { items?: unknown }).items)
      ? (doc as { items: unknown[] }).items
      : [doc];
  const objects = items.filter(isKubeObject);
  if (objects.length !== items.length) throw new UsageOrSetupError(`--input ${name}: ${items.length - objects.length} item(s) are not Kubernetes objects (no metadata.name)`);
  const mine = objects.filter((o) => o.kind === undefined || o.kind === kind);
  if (mine.length < objects.length) io.stderr(`kgctl: --input ${name}: skipped ${objects.length - mine.length} object(s) that are not ${kind}s\n`);
  return mine;
}
