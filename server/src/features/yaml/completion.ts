// Completion in GameServerSet / GameServer YAML from our schemas: the keys of the object at the cursor
// (with descriptions), values where the schema knows them (enums, booleans, reserved opsState values),
// and a snippet for a whole service quality.
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { completionSiteAt, type CompletionSite } from '../../engine/manifest';
import { OPS_STATES } from '../../engine/okg';
import { describeType, schemaAtPointer, schemaKeys, type JsonSchema } from '../../engine/schemas';
import { LineIndex } from '../../engine/text';
import { item } from '../snippet';
import { opsStateMeaning } from './ops-states';
import { mayHoldOkg, tooLargeForYaml } from './text';

function isServiceQualityItem(site: CompletionSite): boolean {
  const p = site.path;
  return p.length === 3 && p[0] === 'spec' && p[1] === 'serviceQualities' && site.present.length === 0;
}

function serviceQualitySnippet(range: Range, pad: string): CompletionItem {
  const states = OPS_STATES.join(',');
  const body = [
    'name: ${1:healthy}',
    'containerName: ${2:game}',
    'permanent: ${3|false,true|}',
    'exec:',
    '  command: ["/bin/sh", "-c", "${4:/probe.sh}"]',
    'serviceQualityAction:',
    '  - state: true',
    `    opsState: \${5|${states}|}`,
    '  - state: false',
    `    opsState: \${6|${states}|}`,
  ];
  return item({
    label: 'service quality (exec probe)',
    kind: CompletionItemKind.Snippet,
    range,
    newText: body.map((line, i) => (i === 0 ? line : pad + line)).join('\n'),
    snippet: true,
    detail: 'a whole serviceQualities entry',
    documentation:
      'A probe run in one container of every pod, and the actions its outcome triggers. Catch-all actions (no `result`) go first: every matching action applies, in order.',
    sortText: '0',
  });
}

function keyItem(name: string, schema: JsonSchema, required: boolean, range: Range, pad: string): CompletionItem {
  const child = `\n${pad}  `;
  const isObject = schema.type === 'object';
  const isArray = schema.type === 'array';
  const newText = isObject ? `${name}:${child}$0` : isArray ? `${name}:${child}- $0` : `${name}: $0`;
  return item({
    label: name,
    kind: CompletionItemKind.Property,
    range,
    newText,
    snippet: true,
    detail: `${describeType(schema)}${required ? ' · required' : ''}`,
    documentation: schema.description,
    sortText: `${required ? '1' : '2'}${name}`,
    suggestAgain: !isObject && !isArray && valueItems(schema, range).length > 0,
  });
}

function valueItems(schema: JsonSchema, range: Range): CompletionItem[] {
  const values: { value: string; doc?: string; detail: string }[] = [];
  for (const v of schema.enum ?? []) values.push({ value: String(v), detail: 'allowed value' });
  for (const v of schema['x-okg-reserved'] ?? []) values.push({ value: v, doc: opsStateMeaning(v), detail: 'reserved opsState value' });
  if (schema.type === 'boolean') values.push({ value: 'true', detail: 'boolean' }, { value: 'false', detail: 'boolean' });
  return values.map((v, i) =>
    item({
      label: v.value,
      kind: CompletionItemKind.Value,
      range,
      newText: v.value,
      snippet: false,
      detail: v.detail,
      documentation: v.doc,
      sortText: String(i).padStart(3, '0'),
    }),
  );
}

export function yamlCompletion(text: string, position: Position): CompletionItem[] {
  if (!mayHoldOkg(text) || tooLargeForYaml(text)) return [];
  const lines = new LineIndex(text);
  const site = completionSiteAt(text, lines.offsetAt(position));
  if (!site) return [];
  const range = { start: lines.positionAt(site.replace.start), end: lines.positionAt(site.replace.end) };
  const schema = schemaAtPointer(site.kind, site.path.map(String));
  if (!schema) return [];
  if (site.at === 'value' || !schema.properties) return valueItems(schema, range);
  const pad = ' '.repeat(site.indentExtra);
  const present = new Set(site.present);
  const keys = schemaKeys(schema)
    .filter((k) => !present.has(k.name))
    .map((k) => keyItem(k.name, k.schema, k.required, range, pad));
  return isServiceQualityItem(site) ? [serviceQualitySnippet(range, pad), ...keys] : keys;
}
