// The probe half of each service quality, as the kruise PodProbeMarker webhook judges it. OKG copies
// every service quality into a PodProbeMarker first thing in each GameServerSet reconcile; when the
// webhook rejects it, the reconcile stops there, so nothing else about the set changes until it is fixed.
import * as l10n from '@vscode/l10n';
import { nearestFirst, nearMiss } from '../okg';
import type { ProblemData } from '../problems';
import { asArray, asObject, finding, isSet, type Check, type CheckContext, type Finding, type Segment } from './finding';

/** What every probe mistake here leads to; a function, so it is in the locale chosen when the check runs. */
const blocksReconcile = (): string =>
  l10n.t(
    'the kruise PodProbeMarker webhook rejects it, and OKG then stops reconciling the whole GameServerSet (no scaling, no template update) until it is fixed',
  );

/** Pod condition types a service quality name may not take (kruise's list). */
const NATIVE_CONDITIONS = ['PodScheduled', 'Initialized', 'Ready', 'ContainersReady', 'KruisePodReady', 'InPlaceUpdateReady'];
const LABEL_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const HANDLERS = ['exec', 'httpGet', 'tcpSocket'] as const;
const TIMINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];

export const SQ_PATH = ['spec', 'serviceQualities'] as const;

type NameCode = 'sq-name-hash' | 'sq-name-native-condition' | 'sq-name-invalid';

function nameProblems(name: string): { code: NameCode; why: string } | undefined {
  if (name.includes('#')) return { code: 'sq-name-hash', why: l10n.t('contains `#`') };
  if (NATIVE_CONDITIONS.includes(name)) {
    return { code: 'sq-name-native-condition', why: l10n.t('is a native pod condition ({0})', NATIVE_CONDITIONS.join(', ')) };
  }
  if (name.length > 63 || !LABEL_NAME.test(name)) {
    return {
      code: 'sq-name-invalid',
      why: l10n.t(
        'makes `game.kruise.io/{0}` an invalid label key (name part at most 63 characters, letters and digits at both ends, `-`, `_` or `.` inside)',
        name,
      ),
    };
  }
  return undefined;
}

function templateContainers(spec: Record<string, unknown>): string[] | undefined {
  const containers = asObject(asObject(asObject(spec.gameServerTemplate)?.spec))?.containers;
  if (!Array.isArray(containers)) return undefined;
  const names = containers.map((c) => asObject(c)?.name);
  return names.every((n): n is string => typeof n === 'string') ? names : undefined;
}

/**
 * Quick-fix data for a containerName that names no container: every container, nearest first, and
 * as the replacement the one it surely meant (the only one, or a near miss), when there is one.
 */
function containerFix(written: string, containers: string[]): ProblemData<'sq-container-unknown'> | undefined {
  if (containers.length === 0) return undefined;
  const meant = containers.length === 1 ? containers[0] : nearMiss(written, containers);
  return { ...(meant !== undefined && { replacement: meant }), alternatives: nearestFirst(written, containers) };
}

/** A key of a service quality without a handler that is a near miss of one (`httpget`, `tcpSocekt`). */
function misspeltHandler(sq: Record<string, unknown>): { key: string; replacement: string } | undefined {
  for (const key of Object.keys(sq)) {
    const replacement = nearMiss(key, HANDLERS);
    if (replacement) return { key, replacement };
  }
  return undefined;
}

/** One service quality, where it is, and what it is called (any value: a missing name is a finding). */
interface ServiceQuality {
  ctx: CheckContext;
  sq: Record<string, unknown>;
  at: Segment[];
  index: number;
  name: unknown;
}

/** The name: present, a valid label key part, not a pod condition, and not taken by an earlier one (`seen`: name → index). */
function checkName(q: ServiceQuality, seen: Map<string, number>): Finding[] {
  const { ctx, at, name } = q;
  if (typeof name !== 'string' || name === '') {
    return [finding('error', 'sq-name-missing', l10n.t('This service quality has no `name`: {0}.', blocksReconcile()), ctx.span(at))];
  }
  const out: Finding[] = [];
  const bad = nameProblems(name);
  if (bad) {
    out.push(finding('error', bad.code, l10n.t('Service quality name `{0}` {1}: {2}.', name, bad.why, blocksReconcile()), ctx.span([...at, 'name'])));
  }
  const first = seen.get(name);
  if (first !== undefined) {
    out.push(
      finding(
        'error',
        'sq-name-duplicate',
        l10n.t('Service quality `{0}` is already defined at index {1}: {2}.', name, first, blocksReconcile()),
        ctx.span([...at, 'name']),
      ),
    );
  } else {
    seen.set(name, q.index);
  }
  return out;
}

/** containerName: present, and naming a container of the template when the template lists them. */
function checkContainer(q: ServiceQuality, containers: string[] | undefined): Finding[] {
  const { ctx, sq, at } = q;
  const containerName = sq.containerName;
  if (typeof containerName !== 'string' || containerName === '') {
    return [
      finding(
        'error',
        'sq-container-missing',
        l10n.t('This service quality has no `containerName`: {0}.', blocksReconcile()),
        ctx.span(isSet(sq, 'containerName') ? [...at, 'containerName'] : typeof q.name === 'string' ? [...at, 'name'] : at),
      ),
    ];
  }
  if (!containers || containers.includes(containerName)) return [];
  const list = containers.map((c) => `\`${c}\``).join(', ') || l10n.t('none');
  return [
    finding(
      'error',
      'sq-container-unknown',
      l10n.t(
        '`{0}` names no container of gameServerTemplate.spec.containers ({1}): ' +
          'kruise-daemon finds nothing to probe, so this service quality never reports and its actions never fire.',
        containerName,
        list,
      ),
      ctx.span([...at, 'containerName'], 'value'),
      containerFix(containerName, containers),
    ),
  ];
}

/** Exactly one of exec, httpGet or tcpSocket, and no gRPC. */
function checkHandlers(q: ServiceQuality): Finding[] {
  const { ctx, sq, at } = q;
  const out: Finding[] = [];
  const handlers = HANDLERS.filter((h) => isSet(sq, h));
  if (isSet(sq, 'grpc')) {
    out.push(
      finding(
        'error',
        'sq-grpc',
        l10n.t('A gRPC probe is not accepted for a service quality (only exec, httpGet or tcpSocket): {0}.', blocksReconcile()),
        ctx.span([...at, 'grpc'], 'key'),
      ),
    );
  } else if (handlers.length === 0) {
    const misspelt = misspeltHandler(sq);
    out.push(
      finding(
        'error',
        'sq-handler-missing',
        l10n.t('This service quality has no probe: it needs exactly one of exec, httpGet or tcpSocket, else {0}.', blocksReconcile()) +
          (misspelt ? l10n.t(' Did you mean `{0}` for `{1}`?', misspelt.replacement, misspelt.key) : ''),
        ctx.span(typeof q.name === 'string' ? [...at, 'name'] : at),
        misspelt && { ...misspelt, path: at },
      ),
    );
  }
  for (const extra of handlers.slice(1)) {
    out.push(
      finding(
        'error',
        'sq-handler-multiple',
        l10n.t('This service quality already probes with `{0}`; it may have only one of exec, httpGet or tcpSocket, else {1}.', handlers[0], blocksReconcile()),
        ctx.span([...at, extra], 'key'),
      ),
    );
  }
  return out;
}

function checkExec(q: ServiceQuality): Finding[] {
  const { ctx, sq, at } = q;
  const exec = asObject(sq.exec);
  if (!isSet(sq, 'exec') || asArray(exec?.command).length > 0) return [];
  return [
    finding(
      'error',
      'sq-exec-command-empty',
      l10n.t('`exec.command` is empty: {0}.', blocksReconcile()),
      ctx.span(exec && isSet(exec, 'command') ? [...at, 'exec', 'command'] : [...at, 'exec'], 'key'),
    ),
  ];
}

/** httpGet needs a path and a scheme of HTTP or HTTPS (PodProbeMarker does not default it). */
function checkHttpGet(q: ServiceQuality): Finding[] {
  const { ctx, at } = q;
  const http = asObject(q.sq.httpGet);
  if (!http) return [];
  const out: Finding[] = [];
  if (typeof http.path !== 'string' || http.path === '') {
    out.push(finding('error', 'sq-http-path-missing', l10n.t('`httpGet` has no `path`: {0}.', blocksReconcile()), ctx.span([...at, 'httpGet'], 'key')));
  }
  if (!isSet(http, 'scheme')) {
    out.push(
      finding(
        'warning',
        'sq-http-scheme-missing',
        l10n.t('`httpGet` has no `scheme`: PodProbeMarker does not default it and kruise accepts only HTTP or HTTPS, so set `scheme: HTTP`.'),
        ctx.span([...at, 'httpGet'], 'key'),
        { insert: 'scheme: HTTP' },
      ),
    );
  } else if (http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') {
    out.push(
      finding(
        'error',
        'sq-http-scheme-invalid',
        l10n.t('`httpGet.scheme` must be HTTP or HTTPS: {0}.', blocksReconcile()),
        ctx.span([...at, 'httpGet', 'scheme'], 'value'),
        { replacement: String(http.scheme).toUpperCase() === 'HTTPS' ? 'HTTPS' : 'HTTP' },
      ),
    );
  }
  return out;
}

function checkTimings(q: ServiceQuality): Finding[] {
  return TIMINGS.flatMap((timing) => {
    const v = q.sq[timing];
    if (typeof v !== 'number' || v >= 0) return [];
    return [
      finding(
        'error',
        'sq-timing-negative',
        l10n.t('`{0}` must not be negative: {1}. 0 means the OKG default.', timing, blocksReconcile()),
        q.ctx.span([...q.at, timing], 'value'),
        { replacement: 0 },
      ),
    ];
  });
}

export const checkServiceQualityProbes: Check = (ctx) => {
  const spec = asObject(ctx.value.spec);
  if (ctx.kind !== 'GameServerSet' || !spec) return [];
  const out: Finding[] = [];
  const containers = templateContainers(spec);
  const seen = new Map<string, number>();
  asArray(spec.serviceQualities).forEach((item, index) => {
    const sq = asObject(item);
    if (!sq) return;
    const q: ServiceQuality = { ctx, sq, at: [...SQ_PATH, index], index, name: sq.name };
    out.push(...checkName(q, seen), ...checkContainer(q, containers), ...checkHandlers(q), ...checkExec(q), ...checkHttpGet(q), ...checkTimings(q));
  });
  return out;
};
