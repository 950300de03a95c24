// Unknown keys anywhere in gameServerTemplate's pod template, by the field lists of the official
// Kubernetes client's generated models (@kubernetes/client-node). kubernetes-models' schemas allow any
// extra property, so without this a typo such as `imagePullPolicyy` passes; the API server stores the
// template unchecked and the controller's decoder drops such keys, so the setting never reaches the pods.
import { nearMiss } from '../okg';
import { asArray, asObject, type Segment } from './finding';
import { arrayElement, modelAttributes, modelName } from './pod-models';

const fieldsByModel = new Map<string, ReadonlyMap<string, string> | undefined>();

/** The model's fields (YAML name to type), or undefined when `type` is no model. */
function modelFields(type: string): ReadonlyMap<string, string> | undefined {
  if (fieldsByModel.has(type)) return fieldsByModel.get(type);
  const attributes = modelAttributes(type);
  const fields = attributes && new Map(attributes.map((a) => [a.baseName, a.type]));
  fieldsByModel.set(type, fields);
  return fields;
}

export interface UnknownField {
  /** Path of the object holding the key, relative to the template. */
  at: Segment[];
  key: string;
  /** The model the object should be, without its API version: `Container`, `Probe`. */
  model: string;
  replacement?: string;
}

function walk(value: unknown, type: string, at: Segment[], out: UnknownField[]): void {
  const element = arrayElement(type);
  if (element) {
    asArray(value).forEach((item, i) => walk(item, element, [...at, i], out));
    return;
  }
  const object = asObject(value);
  const fields = object && modelFields(type);
  if (!object || !fields) return;
  for (const [key, child] of Object.entries(object)) {
    const childType = fields.get(key);
    if (childType !== undefined) {
      walk(child, childType, [...at, key], out);
      continue;
    }
    const replacement = nearMiss(key, [...fields.keys()]);
    const model = modelName(type);
    out.push(replacement ? { at, key, model, replacement } : { at, key, model });
  }
}

/**
 * The unknown keys under the template's `metadata` and `spec`. Other keys of gameServerTemplate
 * (reclaimPolicy, volumeClaimTemplates) belong to OKG's own schema, which checks them.
 */
export function unknownPodTemplateFields(template: Record<string, unknown>): UnknownField[] {
  const out: UnknownField[] = [];
  for (const [key, type] of modelFields('V1PodTemplateSpec') ?? []) walk(template[key], type, [key], out);
  return out;
}
