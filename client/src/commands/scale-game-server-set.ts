// Scale GameServerSet...: asks the new replicas (and optionally the reserved ids), plans the scale
// as OKG's controller would (planScale), marks in the view the GameServers it deletes and the
// names it creates while the set's diff awaits the decision, and writes only if neither the set
// nor the plan changed since the preview (docs/scale-plan.md, "In the editor").
import * as vscode from 'vscode';
import type { KubeObject } from '../cluster/resources';
import { deletionReasons } from '../scale/deletion-reasons';
import { parseReserveIdsInput, replicasInputError, reserveIdsText, type ReserveEntryValue } from '../scale/scale-input';
import { planRequest, scaleOps, type ScaleRequest } from '../scale/scale-request';
import { planDifference, planProblem, planWarnings, scaleSummary } from '../scale/scale-summary';
import type { ScalePlan } from '../../../server/src/engine';
import { ownerSetOf } from '../views/object-fields';
import { setDescription } from '../views/presentation';
import type { ViewNode } from '../views/game-server-tree';
import type { ApplySummary } from './apply-summary';
import type { Deps } from './deps';
import { previewAndApply, type Confirm } from './preview-and-apply';
import { requireTrust } from './trust';

export interface ScaleOptions {
  namespace?: string;
  name?: string;
  replicas?: number;
  /** The new reserveGameServerIds as typed (`1,3-5`; '' for none); undefined asks, or keeps the list when replicas are given. */
  reserveIds?: string;
  confirm?: Confirm;
}

export interface ScaleResult {
  /** The plan previewed (the servers marked in the view). */
  plan?: ScalePlan;
  summary?: ApplySummary;
  /** Why nothing was planned or written. */
  refused?: string;
}

interface SetRef {
  namespace: string;
  name: string;
}

const nameOf = (o: KubeObject) => o.metadata.name;
const namespaceOf = (o: KubeObject) => o.metadata.namespace ?? '';

async function chooseSet(deps: Deps): Promise<SetRef | undefined> {
  const sets = deps.session.objects('GameServerSet');
  if (sets.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No GameServerSet in the chosen namespaces.'));
    return undefined;
  }
  const items = sets
    .map((o) => ({ label: nameOf(o), description: `${namespaceOf(o)} · ${setDescription(o)}`, ref: { namespace: namespaceOf(o), name: nameOf(o) } }))
    .sort((a, b) => a.description.localeCompare(b.description) || a.label.localeCompare(b.label));
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('GameServerSet to scale (current/ready/desired)') }))?.ref;
}

async function askReplicas(set: KubeObject): Promise<number | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Scale {0}', nameOf(set)),
    prompt: vscode.l10n.t('New replicas ({0} now, current/ready/desired)', setDescription(set)),
    value: String((set.spec as { replicas?: unknown } | undefined)?.replicas ?? ''),
    ignoreFocusOut: true,
    validateInput: replicasInputError,
  });
  return typed === undefined ? undefined : Number(typed.trim());
}

/** undefined: cancelled; 'keep': the list stays as it is. */
async function askReserve(set: KubeObject): Promise<ReserveEntryValue[] | 'keep' | undefined> {
  const current = reserveIdsText((set.spec as { reserveGameServerIds?: unknown } | undefined)?.reserveGameServerIds);
  const keep = { label: current ? vscode.l10n.t('Keep reserved ids ({0})', current) : vscode.l10n.t('Keep: no reserved ids') };
  const edit = { label: vscode.l10n.t('Edit reserved ids...'), description: vscode.l10n.t('reserveGameServerIds: OKG deletes these ids and skips them') };
  const picked = await vscode.window.showQuickPick([keep, edit], { placeHolder: vscode.l10n.t('Reserved ids of {0}', nameOf(set)), ignoreFocusOut: true });
  if (picked === keep) return 'keep';
  if (picked !== edit) return undefined;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Reserved ids of {0}', nameOf(set)),
    prompt: vscode.l10n.t('Ids and ranges, comma-separated (1,3-5); empty for none'),
    value: current,
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = parseReserveIdsInput(v);
      return r.ok ? undefined : r.message;
    },
  });
  if (typed === undefined) return undefined;
  const parsed = parseReserveIdsInput(typed);
  return parsed.ok ? parsed.entries : undefined;
}

/** The set's GameServers from the live cache: the compact copies hold every value planScale reads. */
function gameServersOf(deps: Deps, ref: SetRef): KubeObject[] {
  return deps.session.objects('GameServer').filter((o) => namespaceOf(o) === ref.namespace && ownerSetOf(o) === ref.name);
}

/** Why the set read now is not the one previewed, or undefined. */
function setChanged(previewed: KubeObject, now: KubeObject): string | undefined {
  const name = nameOf(previewed);
  if (now.metadata.uid !== previewed.metadata.uid) return vscode.l10n.t('{0} was deleted and created again since the preview', name);
  if (now.metadata.generation !== previewed.metadata.generation) {
    return vscode.l10n.t(
      'the spec of {0} changed since the preview (generation {1}, now {2})',
      name,
      String(previewed.metadata.generation),
      String(now.metadata.generation),
    );
  }
  return undefined;
}

async function run(deps: Deps, arg?: ViewNode | ScaleOptions): Promise<ScaleResult> {
  if (!requireTrust(vscode.l10n.t('Scale GameServerSet'))) return { refused: 'untrusted workspace' };
  const options: ScaleOptions = arg && 'kind' in arg ? {} : (arg ?? {});
  await deps.session.start();
  const ref: SetRef | undefined =
    arg && 'kind' in arg
      ? arg.kind === 'set' && arg.object
        ? { namespace: arg.namespace, name: arg.name }
        : undefined
      : options.namespace !== undefined && options.name !== undefined
        ? { namespace: options.namespace, name: options.name }
        : await chooseSet(deps);
  if (!ref) return { refused: 'no set chosen' };
  let set: KubeObject;
  try {
    set = await deps.session.fetch('GameServerSet', ref.namespace, ref.name);
  } catch (e) {
    const message = vscode.l10n.t('Cannot scale {0}/{1}: {2}', ref.namespace, ref.name, (e as Error).message);
    void vscode.window.showErrorMessage(message);
    return { refused: message };
  }
  const replicas = options.replicas ?? (await askReplicas(set));
  if (replicas === undefined) return { refused: 'cancelled' };
  if (replicasInputError(String(replicas)) !== undefined) return { refused: replicasInputError(String(replicas)) };
  let reserve: ReserveEntryValue[] | undefined;
  if (options.reserveIds !== undefined) {
    const parsed = parseReserveIdsInput(options.reserveIds);
    if (!parsed.ok) return { refused: parsed.message };
    reserve = parsed.entries;
  } else if (options.replicas === undefined) {
    const asked = await askReserve(set);
    if (asked === undefined) return { refused: 'cancelled' };
    reserve = asked === 'keep' ? undefined : asked;
  }
  return scale(deps, ref, set, { replicas, reserve }, options.confirm ?? true);
}

async function scale(deps: Deps, ref: SetRef, set: KubeObject, request: ScaleRequest, confirm: Confirm): Promise<ScaleResult> {
  const planned = planRequest(set, gameServersOf(deps, ref), request);
  const { plan } = planned;
  const problem = planProblem(ref.name, plan);
  if (problem) {
    void vscode.window.showInformationMessage(problem);
    deps.log.info(`Scale ${ref.namespace}/${ref.name}: ${problem}`);
    return { plan, refused: problem };
  }
  const from = Number((set.spec as { replicas?: unknown } | undefined)?.replicas ?? 0);
  const what = scaleSummary(ref.name, from, request.replicas, plan);
  deps.log.info(`Scale ${ref.namespace}/${ref.name}: ${scaleSummary(ref.name, from, request.replicas, plan, Number.MAX_SAFE_INTEGER)}`);
  const warnings = planWarnings(plan);
  for (const w of warnings) deps.log.warn(`${ref.namespace}/${ref.name}: ${w}`);
  if (warnings.length) void vscode.window.showWarningMessage(warnings.join(' '));

  let refused: string | undefined;
  const beforeApply = async (): Promise<string | undefined> => {
    let now: KubeObject;
    try {
      now = await deps.session.fetch('GameServerSet', ref.namespace, ref.name);
    } catch (e) {
      return (refused = vscode.l10n.t('{0} could not be read again before writing: {1}', ref.name, (e as Error).message));
    }
    const changed = setChanged(set, now) ?? planDifference(plan, planRequest(now, gameServersOf(deps, ref), request).plan);
    return (refused = changed);
  };
  const cached = deps.session.get('GameServerSet', ref.namespace, ref.name) ?? set;
  const deletions = deletionReasons(plan, ref.name, gameServersOf(deps, ref), planned.reserveList);
  const endMarks = deps.tree.scaleMarks.show({ namespace: ref.namespace, set: ref.name, replicas: plan.replicas, deletions, creations: plan.create });
  deps.tree.revealSet(ref.namespace, ref.name);
  let summary: ApplySummary | undefined;
  try {
    summary = await previewAndApply(deps, {
      kind: 'GameServerSet',
      objects: [cached],
      ops: scaleOps(set, request),
      what,
      filterIsEmpty: false,
      stillMatches: () => true,
      confirm,
      beforeApply,
      deletes: deletions.size,
    });
  } finally {
    endMarks();
  }
  if (refused !== undefined) {
    const message = vscode.l10n.t('Nothing was written: {0}.', refused);
    deps.log.warn(`Scale ${ref.namespace}/${ref.name}: ${message}`);
    const again = vscode.l10n.t('Preview Again');
    void vscode.window.showWarningMessage(message, again).then((c) => {
      if (c === again) void run(deps, { ...ref, replicas: request.replicas, reserveIds: request.reserve && reserveIdsText(request.reserve) });
    });
    return { plan, refused: message };
  }
  return { plan, summary };
}

export function registerScaleGameServerSet(deps: Deps): vscode.Disposable {
  return vscode.commands.registerCommand('okg.scaleGameServerSet', (arg?: ViewNode | ScaleOptions) => run(deps, arg));
}
