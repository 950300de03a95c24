// gameServerTemplate's pod template (metadata, spec) against the core/v1 PodTemplateSpec schema of the
// kubernetes-models package (types, enums, required fields), and against client-node's field lists for
// unknown keys (pod-template-fields.ts). The API server stores this subtree unchecked, and the controller drops what
// it does not know, so mistakes surface only later, as workload or pod events nobody reads (docs/okg-facts.md, gameServerTemplate).
import type { ErrorObject } from 'ajv';
import * as l10n from '@vscode/l10n';
import { asArray, asObject, finding, type Check, type CheckContext, type Finding } from './finding';
import { pointerSegments, showPath } from './paths';
import { unknownPodTemplateFields, type UnknownField } from './pod-template-fields';

type PodTemplateModule = typeof import('kubernetes-models/v1/PodTemplateSpec');
let model: PodTemplateModule['PodTemplateSpec'] | undefined;

/** Loaded on the first GameServerSet with a template, so the server starts without it. */
function podTemplateSpec(): PodTemplateModule['PodTemplateSpec'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  model ??= (require('kubernetes-models/v1/PodTemplateSpec') as PodTemplateModule).PodTemplateSpec;
  return model;
}

const TEMPLATE = ['spec', 'gameServerTemplate'] as const;
const later = (): string => l10n.t('the API server stores it unchecked, and pod creation fails later with an error only in the workload events');

function validationErrors(template: Record<string, unknown>): ErrorObject[] {
  const data: Record<string, unknown> = {};
  if ('metadata' in template) data.metadata = template.metadata;
  if ('spec' in template) data.spec = template.spec;
  try {
    new (podTemplateSpec())(data).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: unknown }).errors;
    return Array.isArray(errors) ? (errors as ErrorObject[]) : [];
  }
}

type PodTemplateCode = 'pod-template-enum' | 'pod-template-type' | 'pod-template-format' | 'pod-template-oneOf' | 'pod-template-invalid';

/** The code of an ajv keyword the messages above do not cover; the PodTemplateSpec model uses only these two besides them. */
function keywordCode(keyword: string): PodTemplateCode {
  if (keyword === 'format') return 'pod-template-format';
  return keyword === 'oneOf' ? 'pod-template-oneOf' : 'pod-template-invalid';
}

/** The problem with the value at `shown` (a path), as a code and a message. */
function describe(errors: ErrorObject[], shown: string): { code: PodTemplateCode; text: string } {
  const enumError = errors.find((e) => e.keyword === 'enum');
  if (enumError) {
    const allowed = (enumError.params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
    return { code: 'pod-template-enum', text: l10n.t('`{0}` must be one of {1}: {2}.', shown, allowed, later()) };
  }
  if (errors.some((e) => e.keyword === 'format' && e.params.format === 'quantity')) {
    return { code: 'pod-template-type', text: l10n.t('`{0}` must be a quantity such as `500m`, `2` or `1Gi`: {1}.', shown, later()) };
  }
  const types = [...new Set(errors.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)))];
  if (types.length)
    return {
      code: 'pod-template-type',
      text: l10n.t(
        '`{0}` must be {1}: {2}.',
        shown,
        types.reduce((a, b) => l10n.t('{0} or {1}', a, b)),
        later(),
      ),
    };
  const what = errors[0].message ?? l10n.t('is invalid');
  return { code: keywordCode(errors[0].keyword), text: l10n.t('`{0}` {1}: {2}.', shown, what, later()) };
}

function unknownFieldFinding(ctx: CheckContext, u: UnknownField): Finding {
  const at = [...TEMPLATE, ...u.at];
  const message = u.replacement
    ? l10n.t(
        '`{0}` is not a field of `{1}` (a Kubernetes {2}): ' +
          'did you mean `{3}`? As written, the API server stores the template unchecked and the controller drops unknown keys silently, ' +
          'so this setting never reaches the pods.',
        u.key,
        showPath(at),
        u.model,
        u.replacement,
      )
    : l10n.t(
        '`{0}` is not a field of `{1}` (a Kubernetes {2}): ' +
          'the API server stores the template unchecked and the controller drops unknown keys silently, so this setting never reaches the pods.',
        u.key,
        showPath(at),
        u.model,
      );
  return finding('error', 'pod-template-unknown-field', message, ctx.span([...at, u.key], 'key'), u.replacement ? { replacement: u.replacement } : undefined);
}

/** The API server requires an image in every container of a pod; the OpenAPI schema does not say so. */
function missingImages(ctx: CheckContext, template: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const spec = asObject(template.spec);
  for (const list of ['containers', 'initContainers']) {
    asArray(spec?.[list]).forEach((c, i) => {
      const container = asObject(c);
      if (!container || (typeof container.image === 'string' && container.image.trim() !== '')) return;
      const at = [...TEMPLATE, 'spec', list, i];
      out.push(
        finding(
          'error',
          'pod-template-image-missing',
          l10n.t('Container {0} has no `image`: {1}.', typeof container.name === 'string' ? `\`${container.name}\`` : String(i), later()),
          ctx.span(typeof container.name === 'string' ? [...at, 'name'] : at, 'value'),
        ),
      );
    });
  }
  return out;
}

export const checkPodTemplate: Check = (ctx) => {
  const template = asObject(asObject(asObject(ctx.value.spec)?.gameServerTemplate));
  if (ctx.kind !== 'GameServerSet' || !template) return [];
  const unknown = unknownPodTemplateFields(template);
  const out = unknown.map((u) => unknownFieldFinding(ctx, u));
  // A misspelt required field (`contianers`) is reported once, as the unknown key with its replacement.
  const misspelt = new Set(unknown.flatMap((u) => (u.replacement ? [showPath([...u.at, u.replacement])] : [])));
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of validationErrors(template)) {
    if (e.keyword === 'required') {
      const at = [...pointerSegments(e.instancePath), String(e.params.missingProperty)];
      if (!misspelt.has(showPath(at))) {
        const message = l10n.t('`{0}` is required: {1}.', showPath([...TEMPLATE, ...at]), later());
        out.push(finding('error', 'pod-template-required', message, ctx.span([...TEMPLATE, ...at.slice(0, -1)], 'key')));
      }
      continue;
    }
    const group = byPath.get(e.instancePath) ?? [];
    group.push(e);
    byPath.set(e.instancePath, group);
  }
  for (const [instancePath, errors] of byPath) {
    const path = [...TEMPLATE, ...pointerSegments(instancePath)];
    const { code, text } = describe(errors, showPath(path));
    out.push(finding('error', code, text, ctx.span(path, 'value')));
  }
  out.push(...missingImages(ctx, template));
  return out;
};
