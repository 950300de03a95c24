// Test helper for the YAML check pool's suites: large files whose every document is new, the problems
// one thread finds in them, and stand-in worker scripts that fail in a chosen way.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkChunk, splitDocuments } from '../server/src/engine/internal';
import { gameServerSetsYaml } from './bench/lsp-fixtures';

let files = 0;

/** 20 GameServerSets (81 KB), each text new, with a near-miss opsState in every third probe. */
export function fleetYaml(tag: string): string {
  let n = 0;
  const text = gameServerSetsYaml((i) => `${tag} ${files++} ${i}`);
  return text.replaceAll('opsState: Maintaining', (m) => (n++ % 3 === 0 ? 'opsState: Maintaning' : m));
}

/** Each problem as `offset code message`, sorted: what the server's thread alone finds, chunk by chunk. */
export function oneThreadProblems(text: string): string[] {
  return splitDocuments(text)
    .flatMap((c) => checkChunk(c.text).map((f) => `${c.start + f.start} ${f.code} ${f.message}`))
    .sort();
}

/** Diagnostics of `text` in the form oneThreadProblems gives. */
export function asProblems(text: string, diagnostics: readonly Diagnostic[]): string[] {
  const doc = TextDocument.create('file:///fleet.yaml', 'yaml', 1, text);
  return diagnostics.map((d) => `${doc.offsetAt(d.range.start)} ${String(d.code)} ${d.message}`).sort();
}

/** A worker script in a temp folder, for a stand-in that fails in a chosen way. */
export function workerScript(name: string, source: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'okg-pool-')), name);
  writeFileSync(file, source);
  return file;
}
