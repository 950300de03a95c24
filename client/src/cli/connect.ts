// From flags to an API client: kubeconfig as kubectl reads it, the chosen context, its server,
// and only the verbs the operation is known to need (verbs.ts).
import * as l10n from '@vscode/l10n';
import { ClusterClient } from '../cluster/api';
import { kubeConfigFor, loadKubeConfig } from '../cluster/kubeconfig';
import { UsageOrSetupError, type Io } from './io';
import { OPERATION_VERBS, type Operation } from './verbs';

export function connect(opts: { kubeconfig?: string; context?: string }, io: Io, operation: Operation): ClusterClient {
  const loaded = loadKubeConfig({ kubeconfig: opts.kubeconfig, env: io.env });
  if (!loaded.ok) throw new UsageOrSetupError(loaded.error.message);
  const context = opts.context ?? loaded.config.currentContext;
  if (!context) throw new UsageOrSetupError(l10n.t('the kubeconfig has no current-context; pass --context NAME'));
  const kc = kubeConfigFor(loaded.config, context);
  if (!kc.ok) throw new UsageOrSetupError(kc.error.message);
  // kgctl connects once per run, so each warning is printed once.
  for (const w of kc.warnings) io.stderr(`kgctl: ${l10n.t('warning: {0}', w)}\n`);
  return new ClusterClient(kc.kc, { verbs: OPERATION_VERBS[operation] });
}
