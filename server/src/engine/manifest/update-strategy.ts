// updateStrategy combinations the cluster accepts and then does not do what they say.
import * as l10n from '@vscode/l10n';
import { asObject, finding, isSet, type Check, type Finding } from './finding';

export const checkUpdateStrategy: Check = (ctx) => {
  const strategy = asObject(asObject(ctx.value.spec)?.updateStrategy);
  if (ctx.kind !== 'GameServerSet' || !strategy) return [];
  const out: Finding[] = [];
  const path = ['spec', 'updateStrategy'];
  if (strategy.type === 'OnDelete' && isSet(strategy, 'rollingUpdate')) {
    out.push(
      finding(
        'warning',
        'on-delete-with-rolling-update',
        l10n.t(
          '`OnDelete` is ignored: whenever `rollingUpdate` is set, OKG makes the workload a RollingUpdate. Remove `rollingUpdate` to really update on delete.',
        ),
        ctx.span([...path, 'type'], 'value'),
      ),
    );
  }
  if (asObject(strategy.rollingUpdate)?.podUpdatePolicy === 'InPlaceOnly') {
    out.push(
      finding(
        'warning',
        'in-place-only',
        l10n.t(
          '`InPlaceOnly` makes kruise reject every template update that is not an image change, ' +
            'and OKG templates always look like more (kruise-game #217); the error shows only in the controller log. Use ' +
            '`InPlaceIfPossible`.',
        ),
        ctx.span([...path, 'rollingUpdate', 'podUpdatePolicy'], 'value'),
        { replacement: 'InPlaceIfPossible' },
      ),
    );
  }
  return out;
};
