// What each reserved opsState value makes OKG do, for completion and hover.
import * as l10n from '@vscode/l10n';
import type { OPS_STATES } from '../../engine';

/** Functions, so each meaning is read in the locale chosen at initialize. */
export const OPS_STATE_MEANINGS: Record<(typeof OPS_STATES)[number], () => string> = {
  None: () => l10n.t('The default. Deleted in the normal order on scale-down (after Kill and WaitToBeDeleted).'),
  WaitToBeDeleted: () =>
    l10n.t(
      'Deleted first on scale-down (after Kill) and counted in `waitToBeDeletedReplicas`; the OKG KEDA scaler removes these. ' +
        'Only a preference: nothing is deleted while replicas do not drop.',
    ),
  Maintaining: () => l10n.t('Deleted last on scale-down and counted in `maintainingReplicas`.'),
  Allocated: () => l10n.t('In use (matchmaking): deleted after None servers on scale-down. Manual scale-down can still delete it.'),
  Kill: () => l10n.t('OKG deletes this game server at once, by lowering the GameServerSet replicas.'),
};

export function opsStateMeaning(value: string): string | undefined {
  return Object.hasOwn(OPS_STATE_MEANINGS, value) ? OPS_STATE_MEANINGS[value as keyof typeof OPS_STATE_MEANINGS]() : undefined;
}
