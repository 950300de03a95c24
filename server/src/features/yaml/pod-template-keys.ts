// The keys of any object inside gameServerTemplate's pod template (a Container, a Probe, the PodSpec),
// from the field lists of the official Kubernetes client's generated models (@kubernetes/client-node),
// the same models the manifest checks use to flag unknown keys there. Our schema describes only a few
// of these fields; completion offers the rest from the models.
import * as l10n from '@vscode/l10n';
import { arrayElement, modelAttributes as attributes, modelName, type ModelAttribute } from '../../engine/internal';

const MAP = '{ [key: string]: string; }';

export type KeyShape = 'object' | 'array' | 'scalar';

export interface ModelKey {
  name: string;
  shape: KeyShape;
  /** The field's type, e.g. `array of ContainerPort`. */
  type: string;
}

function describe(a: Pick<ModelAttribute, 'type' | 'format'>): string {
  const element = arrayElement(a.type);
  if (element) return l10n.t('array of {0}', describe({ type: element, format: '' }));
  if (attributes(a.type)) return modelName(a.type);
  switch (a.type) {
    case MAP:
      return l10n.t('map of {0}', 'string');
    case 'number':
      return a.format.startsWith('int') ? 'integer' : 'number';
    case 'IntOrString':
      return l10n.t('integer or string');
    case 'Date':
      return l10n.t('date-time string');
    case 'any':
      return l10n.t('any value');
    default:
      return a.type;
  }
}

function shapeOf(type: string): KeyShape {
  if (arrayElement(type)) return 'array';
  return type === MAP || attributes(type) ? 'object' : 'scalar';
}

/** The model at `path` below the pod template (`['spec', 'containers', 0]` is a V1Container), if any. */
function modelAt(path: readonly (string | number)[]): string | undefined {
  let type = 'V1PodTemplateSpec';
  for (const segment of path) {
    const element = arrayElement(type);
    if (element) {
      if (typeof segment !== 'number') return undefined;
      type = element;
      continue;
    }
    const field = attributes(type)?.find((a) => a.baseName === segment);
    if (!field) return undefined;
    type = field.type;
  }
  return attributes(type) ? type : undefined;
}

/**
 * The keys of the object at `path`, relative to gameServerTemplate, with the model's name; undefined
 * outside the pod template's `spec` or where the path holds no model object. The template's `metadata`
 * is left to our schema: most ObjectMeta fields are set by the API server, never written in a template.
 */
export function podTemplateKeys(path: readonly (string | number)[]): { model: string; keys: ModelKey[] } | undefined {
  if (path[0] !== 'spec') return undefined;
  const type = modelAt(path);
  const fields = type && attributes(type);
  if (!type || !fields) return undefined;
  return {
    model: modelName(type),
    keys: fields.map((a) => ({ name: a.baseName, shape: shapeOf(a.type), type: describe(a) })),
  };
}
