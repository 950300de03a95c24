// A GameServer's own spec values: the controller copies opsState and the priorities into pod labels.
import { asObject, type Check } from './finding';
import { checkOpsState, checkPriority } from './spec-values';

export const checkGameServerSpec: Check = (ctx) => {
  const spec = asObject(ctx.value.spec);
  if (ctx.kind !== 'GameServer' || !spec) return [];
  return [
    ...checkOpsState(ctx, ['spec', 'opsState'], spec.opsState),
    ...checkPriority(ctx, ['spec', 'updatePriority'], spec.updatePriority),
    ...checkPriority(ctx, ['spec', 'deletionPriority'], spec.deletionPriority),
  ];
};
