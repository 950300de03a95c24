// opsState and priority values, wherever they are written (GameServer spec, service-quality actions):
// the controller copies them into pod labels and sorts on them, and nothing in the cluster checks them.
import * as l10n from '@vscode/l10n';
import { notInt32, beyondInt64, goAtoi, isInt32, isValidLabelValue, nearMiss, OPS_STATES } from '../okg';
import { finding, type CheckContext, type Finding, type Segment } from './finding';
import { showPath } from './paths';

/** A service-quality action value rendered by Go text/template on OKG master (`{{.Result}}`). */
export function isTemplate(value: string): boolean {
  return value.includes('{{');
}

const labelRule = (): string => l10n.t('at most 63 characters, letters and digits at both ends, `-`, `_` or `.` inside');

export function checkOpsState(ctx: CheckContext, path: readonly Segment[], value: unknown): Finding[] {
  if (typeof value !== 'string' || isTemplate(value) || (OPS_STATES as readonly string[]).includes(value)) return [];
  const span = ctx.span(path, 'value');
  const reserved = nearMiss(value, OPS_STATES);
  if (reserved) {
    return [
      finding(
        'warning',
        'ops-state-near-miss',
        l10n.t(
          '`{0}` is not the reserved opsState `{1}` (matching is case-sensitive): OKG treats it as a custom state, which sorts like `None` on scale-down.',
          value,
          reserved,
        ),
        span,
        { replacement: reserved },
      ),
    ];
  }
  if (!isValidLabelValue(value)) {
    return [
      finding(
        'error',
        'ops-state-label-value',
        l10n.t(
          'opsState `{0}` is copied into the pod label `game.kruise.io/gs-opsState`, so it must be a valid label value ({1}): ' +
            'the pod update fails and the pod never gets this state.',
          value,
          labelRule(),
        ),
        span,
      ),
    ];
  }
  return [
    finding(
      'info',
      'ops-state-custom',
      l10n.t(
        '`{0}` is a custom opsState: legal, but it sorts like `None` on scale-down and is not counted in maintainingReplicas or waitToBeDeletedReplicas. ' +
          'Reserved values: {1}.',
        value,
        OPS_STATES.join(', '),
      ),
      span,
    ),
  ];
}

export function checkPriority(ctx: CheckContext, path: readonly Segment[], value: unknown): Finding[] {
  if (typeof value !== 'number' && (typeof value !== 'string' || isTemplate(value))) return [];
  const name = showPath(path.slice(-1));
  // Located only when reported: most priorities are fine.
  const span = () => ctx.span(path, 'value');
  // An integer goes into the label as its decimal text, so `-5` fails there just as the string "-5".
  const label = String(value);
  if (!isValidLabelValue(label)) {
    const negative = goAtoi(label).value < 0 ? l10n.t(' A negative number starts with `-`, so no negative priority is one: use 0 or more.') : '';
    return [
      finding(
        'error',
        'priority-label-value',
        l10n.t('{0} `{1}` is copied into a pod label, so it must be a valid label value ({2}): the pod update fails.{3}', name, label, labelRule(), negative),
        span(),
      ),
    ];
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      return [
        finding(
          'warning',
          'priority-not-integer',
          l10n.t('{0} `{1}` is not an integer: OKG reads priorities as integers, so it sorts as 0.', name, label),
          span(),
        ),
      ];
    if (isInt32(value)) return [];
    return [finding('error', 'priority-not-int32', notInt32(`${name} \`${label}\``), span())];
  }
  const atoi = goAtoi(value);
  if (atoi.error === 'range') {
    return [finding('warning', 'priority-out-of-range', beyondInt64(`${name} \`${label}\``, atoi.bound), span())];
  }
  if (atoi.error === 'syntax')
    return [
      finding(
        'warning',
        'priority-not-integer',
        l10n.t('{0} `{1}` is not an integer: OKG parses it with strconv.Atoi, so it sorts as 0.', name, label),
        span(),
      ),
    ];
  return [];
}

/** Label values an action merges into the GameServer (and, with the `gs-sync/` prefix, the pod). */
export function checkLabelValues(ctx: CheckContext, path: readonly Segment[], labels: unknown): Finding[] {
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) return [];
  const out: Finding[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string' || isTemplate(value) || isValidLabelValue(value)) continue;
    out.push(
      finding(
        'error',
        'label-value',
        l10n.t('Label value `{0}` is not a valid label value ({1}): the GameServer update fails when this action fires.', value, labelRule()),
        ctx.span([...path, key], 'value'),
      ),
    );
  }
  return out;
}
