// The action half of each service quality: when an action fires, what it writes, and which action
// wins. Nothing in the cluster checks any of this; mistakes show up as game servers in the wrong state.
import * as l10n from '@vscode/l10n';
import { asArray, asObject, finding, isSet, type Check, type Finding } from './finding';
import { SQ_PATH } from './service-quality-probe';
import { checkLabelValues, checkOpsState, checkPriority } from './spec-values';

export const checkServiceQualityActions: Check = (ctx) => {
  const spec = asObject(ctx.value.spec);
  if (ctx.kind !== 'GameServerSet' || !spec) return [];
  const out: Finding[] = [];
  const rolling = isSet(asObject(spec.updateStrategy) ?? {}, 'rollingUpdate');
  asArray(spec.serviceQualities).forEach((item, i) => {
    const actions = asArray(asObject(item)?.serviceQualityAction);
    const specific: { state: unknown; result: string; index: number }[] = [];
    actions.forEach((entry, j) => {
      const action = asObject(entry);
      if (!action) return;
      const at = [...SQ_PATH, i, 'serviceQualityAction', j];
      const result = typeof action.result === 'string' && action.result !== '' ? action.result : undefined;
      if (action.state === false && result !== undefined) {
        out.push(
          finding(
            'warning',
            'sq-false-result',
            l10n.t(
              'With `state: false` the probe failed, and kruise-daemon then keeps only what it wrote to stderr: ' +
                'this matches only if the script prints `{0}` to stderr (kruise-game #297). Prefer exit 0 with `state: true` and ' +
                'distinct results.',
              result,
            ),
            ctx.span([...at, 'result'], 'value'),
          ),
        );
      }
      if (result !== undefined) {
        specific.push({ state: action.state, result, index: j });
      } else {
        const shadowed = specific.filter((s) => s.state === action.state);
        if (shadowed.length > 0) {
          const which = shadowed.map((s) => l10n.t('{0} (result `{1}`)', s.index, s.result)).join(', ');
          out.push(
            finding(
              'warning',
              'sq-catch-all-after-specific',
              l10n.t(
                'This action has no `result`, so it also fires whenever action {0} does; ' +
                  'every matching action applies in list order, so this one overrides it. Put catch-all actions first.',
                which,
              ),
              ctx.span(isSet(action, 'state') ? [...at, 'state'] : at, 'key'),
            ),
          );
        }
      }
      if (isSet(action, 'containers')) {
        out.push(
          finding(
            'warning',
            'sq-action-containers',
            l10n.t('`containers` in a service-quality action is ignored by OKG: the image or resources here are never applied.'),
            ctx.span([...at, 'containers'], 'key'),
          ),
        );
      }
      out.push(...checkOpsState(ctx, [...at, 'opsState'], action.opsState));
      for (const key of ['updatePriority', 'deletionPriority']) {
        out.push(...checkPriority(ctx, [...at, key], action[key]));
      }
      if (isSet(action, 'updatePriority') && !rolling) {
        out.push(
          finding(
            'warning',
            'update-priority-ignored',
            l10n.t(
              'This set has no `updateStrategy.rollingUpdate`, and only then does OKG order updates by updatePriority: this updatePriority has no effect.',
            ),
            ctx.span([...at, 'updatePriority'], 'key'),
          ),
        );
      }
      out.push(...checkLabelValues(ctx, [...at, 'labels'], action.labels));
    });
  });
  return out;
};
