// Loads the built engine bundle with the source's types, for tests and benchmarks of what ships.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Engine = typeof import('../server/src/engine/index');

export function loadEngine(): Engine {
  const require = createRequire(__filename);
  return require(join(__dirname, '..', 'dist', 'engine.js')) as Engine;
}
