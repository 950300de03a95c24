// Large or unbounded changes need --yes: an empty filter means every object in the cluster.
import type { ResourceKind } from '../cluster/resources';
import { UsageOrSetupError } from './io';
import type { Selection } from './select';

export function requireConsent(sel: Selection, o: { kind: ResourceKind; yes: boolean; threshold: number; verb: 'patch' | 'delete'; namespaces: string[] | 'all' }): void {
  const n = sel.objects.length;
  if (o.yes || n === 0) return;
  const what = `${n} ${o.kind}${n === 1 ? '' : 's'}`;
  const where = o.namespaces === 'all' ? 'in all namespaces' : `in namespace${o.namespaces.length > 1 ? 's' : ''} ${o.namespaces.join(', ')}`;
  if (sel.everything) {
    throw new UsageOrSetupError(`the filter is empty, so this would ${o.verb} every ${o.kind} ${where}: ${what}. Add --yes to go ahead (or --dry-run to see the changes first).`);
  }
  if (n > o.threshold) {
    throw new UsageOrSetupError(`this would ${o.verb} ${what}, more than the threshold of ${o.threshold}. Add --yes to go ahead, raise --threshold, or use --dry-run to see the changes first.`);
  }
}
