// What each reserved opsState value makes OKG do, for completion and hover.
import type { OPS_STATES } from '../../engine';

export const OPS_STATE_MEANINGS: Record<(typeof OPS_STATES)[number], string> = {
  None: 'The default. Deleted in the normal order on scale-down (after Kill and WaitToBeDeleted).',
  WaitToBeDeleted:
    'Deleted first on scale-down (after Kill) and counted in `waitToBeDeletedReplicas`; the OKG KEDA scaler removes these. Only a preference: nothing is deleted while replicas do not drop.',
  Maintaining: 'Deleted last on scale-down and counted in `maintainingReplicas`.',
  Allocated: 'In use (matchmaking): deleted after None servers on scale-down. Manual scale-down can still delete it.',
  Kill: 'OKG deletes this game server at once, by lowering the GameServerSet replicas.',
};

export function opsStateMeaning(value: string): string | undefined {
  return Object.hasOwn(OPS_STATE_MEANINGS, value) ? OPS_STATE_MEANINGS[value as keyof typeof OPS_STATE_MEANINGS] : undefined;
}
