// Large or unbounded changes need --yes: an empty filter means every object in the cluster.
import * as l10n from '@vscode/l10n';
import type { ResourceKind } from '../cluster/resources';
import { countOf } from './count-of';
import { UsageOrSetupError } from './io';
import type { Selection } from './select';

export function requireConsent(
  sel: Selection,
  o: { kind: ResourceKind; yes: boolean; threshold: number; verb: 'patch' | 'delete'; namespaces: string[] | 'all' },
): void {
  const n = sel.objects.length;
  if (o.yes || n === 0) return;
  const what = countOf(n, o.kind);
  const where =
    o.namespaces === 'all'
      ? l10n.t('in all namespaces')
      : o.namespaces.length > 1
        ? l10n.t('in namespaces {0}', o.namespaces.join(', '))
        : l10n.t('in namespace {0}', o.namespaces[0]);
  if (sel.everything) {
    throw new UsageOrSetupError(
      o.verb === 'patch'
        ? l10n.t(
            'the filter is empty, so this would patch every {0} {1}: {2}. Add --yes to go ahead (or --dry-run to see the changes first).',
            o.kind,
            where,
            what,
          )
        : l10n.t(
            'the filter is empty, so this would delete every {0} {1}: {2}. Add --yes to go ahead (or --dry-run to see the changes first).',
            o.kind,
            where,
            what,
          ),
    );
  }
  if (n > o.threshold) {
    throw new UsageOrSetupError(
      o.verb === 'patch'
        ? l10n.t(
            'this would patch {0}, more than the threshold of {1}. Add --yes to go ahead, raise --threshold, or use --dry-run to see the changes first.',
            what,
            o.threshold,
          )
        : l10n.t(
            'this would delete {0}, more than the threshold of {1}. Add --yes to go ahead, raise --threshold, or use --dry-run to see the changes first.',
            what,
            o.threshold,
          ),
    );
  }
}
