// GameServerSet / GameServer YAML features over the engine's manifest checks; server.ts routes `yaml`
// documents here. Every other YAML document gets nothing from them.
export { yamlCodeActions } from './code-actions';
export { yamlCompletion } from './completion';
export { CheckPool } from './check-pool';
export { yamlChunksToCheck, yamlDiagnostics } from './diagnostics';
export { yamlHover } from './hover';
