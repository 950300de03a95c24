// An object as the YAML shown in previews and read-only views: managedFields left out, since
// they are noise that changes on every write and would fill every diff.
import { stringify } from '#yaml';

function withoutManagedFields(obj: unknown): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return obj;
  const o = obj as Record<string, unknown>;
  const md = o.metadata;
  if (md === null || typeof md !== 'object' || Array.isArray(md) || !('managedFields' in md)) return obj;
  const { managedFields: _dropped, ...rest } = md as Record<string, unknown>;
  return { ...o, metadata: rest };
}

export function objectYaml(obj: unknown): string {
  return stringify(withoutManagedFields(obj), { lineWidth: 0, aliasDuplicateObjects: false });
}
