// Completion in GameServerSet / GameServer YAML from our schemas: the keys of the object at the cursor
// (with descriptions), values where the schema knows them (enums, booleans, reserved opsState values),
// a snippet for a whole service quality, and inside the pod template the Kubernetes model's keys.
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { LineIndex, OPS_STATES } from '../../engine';
import { completionSiteAt, describeType, schemaAtPointer, schemaKeys, type CompletionSite, type JsonSchema } from '../../engine/internal';
import { schemaDescription } from '../schema-description';
import { item } from '../snippet';
import { opsStateMeaning } from './ops-states';
import { podTemplateKeys, type KeyShape } from './pod-template-keys';
import { MAX_YAML_DOCUMENT } from '../limits';
import { mayHoldOkg, tooLargeForYaml } from './text';
import { carrierSnippets } from './carrier-snippets';

const SERVICE_QUALITIES = ['spec', 'serviceQualities'];
const POD_TEMPLATE = ['spec', 'gameServerTemplate'];

function startsWith(path: readonly (string | number)[], prefix: readonly string[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/** A key site in a new, still empty service quality: `- |`. */
function isServiceQualityItem(site: CompletionSite): boolean {
  return site.kind === 'GameServerSet' && site.path.length === 3 && startsWith(site.path, SERVICE_QUALITIES) && site.present.length === 0;
}

/** A line under `serviceQualities:` where the next item goes, before its `- ` is typed. */
function isServiceQualityList(site: CompletionSite): boolean {
  return site.kind === 'GameServerSet' && site.path.length === 2 && startsWith(site.path, SERVICE_QUALITIES);
}

/** The snippet of a whole service quality; with `dash`, it starts the list item too. */
function serviceQualitySnippet(range: Range, pad: string, dash: boolean): CompletionItem {
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
  const indent = dash ? `${pad}  ` : pad;
  return item({
    label: l10n.t('service quality (exec probe)'),
    kind: CompletionItemKind.Snippet,
    range,
    newText: (dash ? '- ' : '') + body.map((line, i) => (i === 0 ? line : indent + line)).join('\n'),
    snippet: true,
    detail: l10n.t('a whole serviceQualities entry'),
    documentation: l10n.t(
      'A probe run in one container of every pod, and the actions its outcome triggers. ' +
        'Catch-all actions (no `result`) go first: every matching action applies, in order.',
    ),
    sortText: '0',
  });
}

interface KeySpec {
  name: string;
  shape: KeyShape;
  detail: string;
  documentation?: string;
  required: boolean;
  /** True when value completion has something to offer once the key is in. */
  values: boolean;
}

function keyItem(key: KeySpec, range: Range, pad: string): CompletionItem {
  const child = `\n${pad}  `;
  const newText = key.shape === 'object' ? `${key.name}:${child}$0` : key.shape === 'array' ? `${key.name}:${child}- $0` : `${key.name}: $0`;
  return item({
    label: key.name,
    kind: CompletionItemKind.Property,
    range,
    newText,
    snippet: true,
    detail: key.detail,
    documentation: key.documentation,
    sortText: `${key.required ? '1' : '2'}${key.name}`,
    suggestAgain: key.values,
  });
}

function schemaKeySpecs(schema: JsonSchema): KeySpec[] {
  return schemaKeys(schema).map((k) => {
    const shape: KeyShape = k.schema.type === 'object' ? 'object' : k.schema.type === 'array' ? 'array' : 'scalar';
    return {
      name: k.name,
      shape,
      detail: k.required ? l10n.t('{0} · required', describeType(k.schema)) : describeType(k.schema),
      documentation: schemaDescription(k.schema.description),
      required: k.required,
      values: shape === 'scalar' && knownValues(k.schema).length > 0,
    };
  });
}

/** Inside the pod template, the Kubernetes model's fields that our schema does not describe. */
function podTemplateKeySpecs(site: CompletionSite, described: readonly KeySpec[]): KeySpec[] {
  if (site.kind !== 'GameServerSet' || !startsWith(site.path, POD_TEMPLATE)) return [];
  const found = podTemplateKeys(site.path.slice(POD_TEMPLATE.length));
  if (!found) return [];
  const known = new Set(described.map((k) => k.name));
  return found.keys
    .filter((k) => !known.has(k.name))
    .map((k) => ({ name: k.name, shape: k.shape, detail: `${k.type} · core/v1 ${found.model}`, required: false, values: false }));
}

interface Value {
  value: string;
  doc?: string;
  detail: string;
}

/** The values the schema knows: enums, reserved opsState values, booleans. */
function knownValues(schema: JsonSchema): Value[] {
  const values: Value[] = [];
  for (const v of schema.enum ?? []) values.push({ value: String(v), detail: l10n.t('allowed value') });
  for (const v of schema['x-okg-reserved'] ?? []) values.push({ value: v, doc: opsStateMeaning(v), detail: l10n.t('reserved opsState value') });
  if (schema.type === 'boolean') values.push({ value: 'true', detail: 'boolean' }, { value: 'false', detail: 'boolean' });
  return values;
}

/** `gap` goes before each value: a space when the cursor is right after the key's colon. */
function valueItems(schema: JsonSchema, range: Range, gap: string): CompletionItem[] {
  return knownValues(schema).map((v, i) =>
    item({
      label: v.value,
      kind: CompletionItemKind.Value,
      range,
      newText: gap + v.value,
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
  const site = completionSiteAt(text, lines.offsetAt(position), MAX_YAML_DOCUMENT);
  if (!site) return [];
  const range = { start: lines.positionAt(site.replace.start), end: lines.positionAt(site.replace.end) };
  const pad = ' '.repeat(site.indentExtra);
  if (site.at === 'key' && isServiceQualityList(site)) return [serviceQualitySnippet(range, pad, true)];
  const schema = schemaAtPointer(site.kind, site.path.map(String));
  if (site.at === 'value') {
    // Typed right after `key:`, a value needs the space YAML requires after the colon.
    const gap = text.charAt(site.replace.start - 1) === ':' ? ' ' : '';
    return schema ? valueItems(schema, range, gap) : [];
  }
  const described = schema?.properties ? schemaKeySpecs(schema) : [];
  const modelKeys = podTemplateKeySpecs(site, described);
  // A key site below a scalar key (`opsState:` then a new line): the value goes there.
  if (schema && !schema.properties && modelKeys.length === 0) return valueItems(schema, range, '');
  const present = new Set(site.present);
  const keys = [...described, ...modelKeys].filter((k) => !present.has(k.name)).map((k) => keyItem(k, range, pad));
  return isServiceQualityItem(site) ? [serviceQualitySnippet(range, pad, false), ...carrierSnippets(range, pad), ...keys] : keys;
}
