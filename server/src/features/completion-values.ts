// Where .kgfilter value completion gets its values from: the live cluster, else the workspace.
import * as l10n from '@vscode/l10n';
import type { FieldDef } from '../engine';
import type { ClusterValues } from '../protocol';
import type { TargetKind } from './document-kind';

export interface ValueSources {
  cluster: ClusterValues;
  /** "container,image" pairs from GameServerSet YAML in the workspace. */
  workspaceImages: readonly string[];
}

export const NO_CLUSTER: ClusterValues = { namespaces: [], names: [], images: [], gssNames: [] };

export interface OfferedValue {
  value: string;
  /** Where the value comes from, shown as the completion's detail. */
  origin: string;
}

function from(values: readonly string[], origin: string): OfferedValue[] {
  return values.map((value) => ({ value, origin }));
}

/** The string values worth offering for a field, known values first. */
export function fieldValues(field: FieldDef, target: TargetKind, sources: ValueSources): OfferedValue[] {
  const { cluster } = sources;
  switch (field.name) {
    case 'namespace':
      return from(cluster.namespaces, l10n.t('namespace in the cluster'));
    case 'name':
      return target === 'GameServerSet'
        ? from(cluster.gssNames, l10n.t('GameServerSet in the cluster'))
        : from(cluster.names, l10n.t('GameServer in the cluster'));
    case 'images':
      return cluster.images.length > 0
        ? from(cluster.images, l10n.t('image in the cluster'))
        : from(sources.workspaceImages, l10n.t('image in a workspace GameServerSet'));
    default:
      return from(field.knownValues ?? [], field.name === 'opsState' ? l10n.t('reserved opsState value') : l10n.t('{0} value', field.name));
  }
}
