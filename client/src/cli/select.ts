// Picks the objects a command acts on: check the filter, read the candidates (cluster or
// --input), keep the matches. An invalid filter is an error even when there is nothing to match.
import * as l10n from '@vscode/l10n';
import { compileFilter } from '../../../server/src/engine';
import { asClusterError, type ClusterClient } from '../cluster/api';
import { listObjects } from '../cluster/list';
import type { KubeObject, ResourceKind } from '../cluster/resources';
import { UsageOrSetupError, type Io } from './io';
import { formatProblems } from './problems';
import { readInput, readSpec } from './sources';

export interface Selection {
  objects: KubeObject[];
  /** The filter is empty: it selects every object, as kruise-game-api does. */
  everything: boolean;
}

export interface SelectOptions {
  kind: ResourceKind;
  filter: string;
  namespaces: string[] | 'all';
}

export interface PreparedFilter {
  matches(obj: unknown): boolean;
  /** The filter is empty: it selects every object, as kruise-game-api does. */
  everything: boolean;
}

/** Reads and checks the filter first, so a bad filter fails before any cluster is contacted. */
export async function prepareFilter(opts: Pick<SelectOptions, 'kind' | 'filter'>, io: Io): Promise<PreparedFilter> {
  const source = await readSpec(opts.filter, 'filter', io);
  const filter = compileFilter(source.text, opts.kind);
  const notes = formatProblems(source, filter.problems);
  if (notes) io.stderr(notes);
  if (!filter.ok) throw new UsageOrSetupError(l10n.t('the filter has errors (see above); nothing was read or changed'));
  return { matches: filter.matches, everything: filter.problems.some((p) => p.code === 'empty-filter') };
}

/** The candidates come from the cluster, or from a `kubectl get -o json` file (--input). */
export type Candidates = { client: ClusterClient } | { input: string };

export async function select(filter: PreparedFilter, opts: SelectOptions, from: Candidates, io: Io): Promise<Selection> {
  let candidates: KubeObject[];
  if ('input' in from) {
    const all = await readInput(from.input, opts.kind, io);
    const nss = opts.namespaces;
    candidates = nss === 'all' ? all : all.filter((o) => nss.includes(o.metadata.namespace ?? ''));
  } else {
    try {
      candidates = await listObjects(from.client, opts.kind, opts.namespaces);
    } catch (e) {
      throw new UsageOrSetupError(asClusterError(e).message);
    }
  }
  return { objects: candidates.filter((o) => filter.matches(o)), everything: filter.everything };
}
