// gameServerTemplate's pod template (metadata, spec) against the core/v1 PodTemplateSpec schema of the
// kubernetes-models package. The API server stores this subtree unchecked, and the controller drops what
// it does not know, so mistakes surface only later, as workload or pod events nobody reads (okg-api §2.1).
import type { ErrorObject } from 'ajv';
import { nearMiss } from '../okg';
import { asArray, asObject, finding, type Check, type CheckContext, type Finding, type Segment } from './finding';
import { pointerSegments, showPath } from './paths';

type PodTemplateModule = typeof import('kubernetes-models/v1/PodTemplateSpec');
let model: PodTemplateModule['PodTemplateSpec'] | undefined;

/** Loaded on the first GameServerSet with a template, so the server starts without it. */
function podTemplateSpec(): PodTemplateModule['PodTemplateSpec'] {
  model ??= (require('kubernetes-models/v1/PodTemplateSpec') as PodTemplateModule).PodTemplateSpec;
  return model;
}

const TEMPLATE = ['spec', 'gameServerTemplate'] as const;
const LATER = 'the API server stores it unchecked, and pod creation fails later with an error only in the workload events';

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


function describe(errors: ErrorObject[]): { code: string; text: string } {
  const enumError = errors.find((e) => e.keyword === 'enum');
  if (enumError) {
    const allowed = (enumError.params.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
    return { code: 'pod-template-enum', text: `must be one of ${allowed}` };
  }
  if (errors.some((e) => e.keyword === 'format' && e.params.format === 'quantity')) {
    return { code: 'pod-template-type', text: 'must be a quantity such as `500m`, `2` or `1Gi`' };
  }
  const types = [...new Set(errors.filter((e) => e.keyword === 'type').map((e) => String(e.params.type)))];
  if (types.length) return { code: 'pod-template-type', text: `must be ${types.join(' or ')}` };
  return { code: `pod-template-${errors[0].keyword}`, text: errors[0].message ?? 'is invalid' };
}

function missingProperty(
  ctx: CheckContext,
  at: Segment[],
  name: string,
  value: unknown,
): Finding {
  const siblings = Object.keys(asObject(value) ?? {});
  const typo = siblings.find((s) => nearMiss(s, [name]) === name);
  if (typo) {
    return finding(
      'error',
      'pod-template-unknown-field',
      `\`${typo}\` is not a field of \`${showPath(at)}\`, which has no \`${name}\`: did you mean \`${name}\`? The controller drops \`${typo}\`, so the pods get no ${name}.`,
      ctx.span([...at, typo], 'key'),
      { replacement: name },
    );
  }
  return finding(
    'error',
    'pod-template-required',
    `\`${showPath([...at, name])}\` is required: ${LATER}.`,
    ctx.span(at, 'key'),
  );
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const seg of path) v = Array.isArray(v) ? v[Number(seg)] : asObject(v)?.[seg];
  return v;
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
          `Container ${typeof container.name === 'string' ? `\`${container.name}\`` : i} has no \`image\`: ${LATER}.`,
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
  const out: Finding[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of validationErrors(template)) {
    if (e.keyword === 'required') {
      const rel = pointerSegments(e.instancePath);
      out.push(missingProperty(ctx, [...TEMPLATE, ...rel], String(e.params.missingProperty), valueAt(template, rel)));
      continue;
    }
    const group = byPath.get(e.instancePath) ?? [];
    group.push(e);
    byPath.set(e.instancePath, group);
  }
  for (const [instancePath, errors] of byPath) {
    const path = [...TEMPLATE, ...pointerSegments(instancePath)];
    const { code, text } = describe(errors);
    out.push(finding('error', code, `\`${showPath(path)}\` ${text}: ${LATER}.`, ctx.span(path, 'value')));
  }
  out.push(...missingImages(ctx, template));
  return out;
};
