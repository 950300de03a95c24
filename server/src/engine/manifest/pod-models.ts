// The field lists of the official Kubernetes client's generated models (@kubernetes/client-node),
// which both the pod-template checks (unknown keys) and completion (keys to offer) read.

export interface ModelAttribute {
  /** The field's name in YAML / JSON. */
  baseName: string;
  /** The model's TypeScript type: another model (`V1Probe`), `Array<...>`, a map, or a primitive. */
  type: string;
  format: string;
}

type Models = Record<string, { attributeTypeMap?: readonly ModelAttribute[] } | undefined>;

let models: Models | undefined;

/** The fields of the model named `type`, or undefined when `type` is no model (a primitive, a map, IntOrString). */
export function modelAttributes(type: string): readonly ModelAttribute[] | undefined {
  // Loaded on first use, so the server starts without evaluating client-node's models.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  models ??= require('@kubernetes/client-node/dist/gen/models/all.js') as Models;
  return Object.hasOwn(models, type) ? models[type]?.attributeTypeMap : undefined;
}

/** `V1ContainerPort` → `ContainerPort`: the kind as Kubernetes documents it. */
export function modelName(type: string): string {
  return type.replace(/^(Core)?V\d+((alpha|beta)\d+)?/, '');
}

/** The element type of an `Array<...>` model type, or undefined for any other type. */
export function arrayElement(type: string): string | undefined {
  return /^Array<(.+)>$/.exec(type)?.[1];
}
