// Hover in GameServerSet / GameServer YAML: a key shows its schema type and description; a reserved
// opsState value shows what OKG does with it.
import { isScalar } from '#yaml';
import type { Hover, Position } from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { LineIndex } from '../../engine';
import { describeType, locateManifest, schemaAtPointer, type JsonSchema } from '../../engine/internal';
import { markdown } from '../snippet';
import { opsStateMeaning } from './ops-states';
import { schemaDescription } from '../schema-description';
import { MAX_YAML_DOCUMENT } from '../limits';
import { mayHoldOkg, tooLargeForYaml } from './text';
import { carrierHover, carrierNoteForOkg } from './carrier-hover';

function schemaText(name: string, schema: JsonSchema): string[] {
  const lines = [`**${name}** · \`${describeType(schema)}\``];
  if (schema.description) lines.push(schemaDescription(schema.description));
  if (schema.enum) lines.push(l10n.t('Allowed values: {0}', schema.enum.map((v) => `\`${String(v)}\``).join(', ')));
  if (schema['x-okg-reserved']) lines.push(l10n.t('Reserved values: {0}', schema['x-okg-reserved'].map((v) => `\`${v}\``).join(', ')));
  return lines;
}

/** The last key of a path with the indexes after it: `reserveGameServerIds[2]`. */
function lastName(path: readonly string[]): string {
  let i = path.length - 1;
  while (i > 0 && /^\d+$/.test(path[i])) i--;
  return (
    path[i] +
    path
      .slice(i + 1)
      .map((index) => `[${index}]`)
      .join('')
  );
}

export function yamlHover(text: string, position: Position): Hover | null {
  if (tooLargeForYaml(text)) return null;
  const lines = new LineIndex(text);
  const loc = mayHoldOkg(text) ? locateManifest(text, lines.offsetAt(position), MAX_YAML_DOCUMENT) : undefined;
  if (!loc) return carrierHover(text, position);
  // On a key or a scalar value only: between the entries of a map there is nothing to explain.
  if (loc.path.length === 0 || !loc.span || !isScalar(loc.node)) return null;
  const path = loc.path.map(String);
  const schema = schemaAtPointer(loc.kind, path);
  if (!schema || (!schema.description && !schema.enum)) return null;
  const range = { start: lines.positionAt(loc.span.start), end: lines.positionAt(loc.span.end) };
  const value = loc.onKey ? undefined : loc.node.value;
  const meaning = schema['x-okg-reserved'] && typeof value === 'string' ? opsStateMeaning(value) : undefined;
  if (meaning) return { contents: markdown([l10n.t('**{0}** (reserved opsState)', String(value)), meaning].join('\n\n')), range };
  return { contents: markdown([...schemaText(lastName(path), schema), ...carrierNoteForOkg(loc.kind, path)].join('\n\n')), range };
}
