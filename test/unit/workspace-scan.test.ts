// The workspace scan for GameServerSet images: bounded in files, bytes and parse time, serving the
// event loop between documents, and cancellable.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SCAN_LIMITS, scanFolders, type ScanLimits } from '../../server/src/features/workspace-images';

const FILES = 12;
const SETS_PER_FILE = 5;

function gameServerSet(file: number, set: number): string {
  return `apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: set-${file}-${set}
spec:
  replicas: 1
  gameServerTemplate:
    spec:
      containers:
        - name: game
          image: registry.example.com/game:${file}.${set}
`;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'okg-scan-unit-'));
  mkdirSync(join(dir, 'deploy'));
  for (let f = 0; f < FILES; f++) {
    writeFileSync(
      join(dir, 'deploy', `sets-${String(f).padStart(2, '0')}.yaml`),
      Array.from({ length: SETS_PER_FILE }, (_, s) => gameServerSet(f, s)).join('---\n'),
    );
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

const limits = (over: Partial<ScanLimits>): ScanLimits => ({ ...DEFAULT_SCAN_LIMITS, ...over });

describe('workspace scan', () => {
  test('reads every file within the limits, and serves the event loop between documents', async () => {
    let ticks = 0;
    let done = false;
    const tick = (): void => {
      ticks++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    const result = await scanFolders([dir]);
    done = true;
    assert.equal(result.stoppedBy, undefined);
    assert.equal(result.files, FILES);
    assert.equal([...result.images.values()].flat().length, FILES * SETS_PER_FILE, 'one image per GameServerSet');
    assert.ok(ticks >= FILES * SETS_PER_FILE, `other work ran ${ticks} times during a scan of ${FILES * SETS_PER_FILE} documents`);
  });

  test('a new scan cancels the old one: it stops at its next document, with what it had', async () => {
    const controller = new AbortController();
    const scanning = scanFolders([dir], { signal: controller.signal });
    setImmediate(() => controller.abort());
    const result = await scanning;
    assert.equal(result.stoppedBy, 'cancelled');
    assert.ok(result.images.size < FILES, `stopped before reading every file (${result.images.size} of ${FILES})`);
  });

  test('stops at the total bytes it may read', async () => {
    const result = await scanFolders([dir], { limits: limits({ maxTotalBytes: 3 * gameServerSet(0, 0).length * SETS_PER_FILE }) });
    assert.equal(result.stoppedBy, 'bytes');
    assert.ok(result.files >= 1 && result.files < 4, `${result.files} files read`);
    assert.ok(result.bytes <= 3 * gameServerSet(0, 0).length * SETS_PER_FILE + 100);
  });

  test('stops when its parse time is spent', async () => {
    const result = await scanFolders([dir], { limits: limits({ maxParseMs: 0 }) });
    assert.equal(result.stoppedBy, 'time');
    assert.equal(result.images.size, 0);
  });

  test('stops at the number of files it may read', async () => {
    const result = await scanFolders([dir], { limits: limits({ maxFiles: 2 }) });
    assert.equal(result.stoppedBy, 'files');
    assert.equal(result.files, 2);
    assert.equal(result.images.size, 2);
  });

  test('skips a document larger than one parse step may be', async () => {
    const result = await scanFolders([dir], { limits: limits({ maxDocumentChars: 100 }) });
    assert.equal(result.stoppedBy, undefined);
    assert.equal(result.images.size, 0, 'every GameServerSet here is longer than 100 characters');
  });
});
