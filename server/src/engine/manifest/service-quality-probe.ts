// The probe half of each service quality, as the kruise PodProbeMarker webhook judges it. OKG copies
// every service quality into a PodProbeMarker first thing in each GameServerSet reconcile; when the
// webhook rejects it, the reconcile stops there, so nothing else about the set changes until it is fixed.
import { nearestFirst, nearMiss } from '../okg';
import { asArray, asObject, finding, isSet, type Check, type Finding } from './finding';

export const BLOCKS_RECONCILE =
  'the kruise PodProbeMarker webhook rejects it, and OKG then stops reconciling the whole GameServerSet (no scaling, no template update) until it is fixed';

/** Pod condition types a service quality name may not take (kruise's list). */
const NATIVE_CONDITIONS = ['PodScheduled', 'Initialized', 'Ready', 'ContainersReady', 'KruisePodReady', 'InPlaceUpdateReady'];
const LABEL_NAME = /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const HANDLERS = ['exec', 'httpGet', 'tcpSocket'] as const;
const TIMINGS = [
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
  'terminationGracePeriodSeconds',
];

export const SQ_PATH = ['spec', 'serviceQualities'] as const;

function nameProblems(name: string): { code: string; why: string } | undefined {
  if (name.includes('#')) return { code: 'sq-name-hash', why: 'contains `#`' };
  if (NATIVE_CONDITIONS.includes(name)) {
    return { code: 'sq-name-native-condition', why: `is a native pod condition (${NATIVE_CONDITIONS.join(', ')})` };
  }
  if (name.length > 63 || !LABEL_NAME.test(name)) {
    return {
      code: 'sq-name-invalid',
      why: `makes \`game.kruise.io/${name}\` an invalid label key (name part at most 63 characters, letters and digits at both ends, \`-\`, \`_\` or \`.\` inside)`,
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
function containerFix(written: string, containers: string[]): Record<string, unknown> | undefined {
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

export const checkServiceQualityProbes: Check = (ctx) => {
  const spec = asObject(ctx.value.spec);
  if (ctx.kind !== 'GameServerSet' || !spec) return [];
  const out: Finding[] = [];
  const containers = templateContainers(spec);
  const seen = new Map<string, number>();
  asArray(spec.serviceQualities).forEach((item, i) => {
    const sq = asObject(item);
    if (!sq) return;
    const at = [...SQ_PATH, i];
    const name = sq.name;
    if (typeof name !== 'string' || name === '') {
      out.push(finding('error', 'sq-name-missing', `This service quality has no \`name\`: ${BLOCKS_RECONCILE}.`, ctx.span(at)));
    } else {
      const bad = nameProblems(name);
      if (bad) {
        out.push(finding('error', bad.code, `Service quality name \`${name}\` ${bad.why}: ${BLOCKS_RECONCILE}.`, ctx.span([...at, 'name'])));
      }
      const first = seen.get(name);
      if (first !== undefined) {
        out.push(
          finding(
            'error',
            'sq-name-duplicate',
            `Service quality \`${name}\` is already defined at index ${first}: ${BLOCKS_RECONCILE}.`,
            ctx.span([...at, 'name']),
          ),
        );
      } else {
        seen.set(name, i);
      }
    }

    const containerName = sq.containerName;
    if (typeof containerName !== 'string' || containerName === '') {
      out.push(
        finding(
          'error',
          'sq-container-missing',
          `This service quality has no \`containerName\`: ${BLOCKS_RECONCILE}.`,
          ctx.span(isSet(sq, 'containerName') ? [...at, 'containerName'] : typeof name === 'string' ? [...at, 'name'] : at),
        ),
      );
    } else if (containers && !containers.includes(containerName)) {
      const list = containers.map((c) => `\`${c}\``).join(', ') || 'none';
      out.push(
        finding(
          'error',
          'sq-container-unknown',
          `\`${containerName}\` names no container of gameServerTemplate.spec.containers (${list}): kruise-daemon finds nothing to probe, so this service quality never reports and its actions never fire.`,
          ctx.span([...at, 'containerName'], 'value'),
          containerFix(containerName, containers),
        ),
      );
    }

    const handlers = HANDLERS.filter((h) => isSet(sq, h));
    const misspelt = handlers.length === 0 ? misspeltHandler(sq) : undefined;
    if (isSet(sq, 'grpc')) {
      out.push(
        finding(
          'error',
          'sq-grpc',
          `A gRPC probe is not accepted for a service quality (only exec, httpGet or tcpSocket): ${BLOCKS_RECONCILE}.`,
          ctx.span([...at, 'grpc'], 'key'),
        ),
      );
    } else if (handlers.length === 0) {
      out.push(
        finding(
          'error',
          'sq-handler-missing',
          `This service quality has no probe: it needs exactly one of exec, httpGet or tcpSocket, else ${BLOCKS_RECONCILE}.` +
            (misspelt ? ` Did you mean \`${misspelt.replacement}\` for \`${misspelt.key}\`?` : ''),
          ctx.span(typeof name === 'string' ? [...at, 'name'] : at),
          misspelt && { ...misspelt, path: at },
        ),
      );
    }
    for (const extra of handlers.slice(1)) {
      out.push(
        finding(
          'error',
          'sq-handler-multiple',
          `This service quality already probes with \`${handlers[0]}\`; it may have only one of exec, httpGet or tcpSocket, else ${BLOCKS_RECONCILE}.`,
          ctx.span([...at, extra], 'key'),
        ),
      );
    }

    const exec = asObject(sq.exec);
    if (isSet(sq, 'exec') && asArray(exec?.command).length === 0) {
      out.push(
        finding(
          'error',
          'sq-exec-command-empty',
          `\`exec.command\` is empty: ${BLOCKS_RECONCILE}.`,
          ctx.span(exec && isSet(exec, 'command') ? [...at, 'exec', 'command'] : [...at, 'exec'], 'key'),
        ),
      );
    }

    const http = asObject(sq.httpGet);
    if (http) {
      if (typeof http.path !== 'string' || http.path === '') {
        out.push(
          finding('error', 'sq-http-path-missing', `\`httpGet\` has no \`path\`: ${BLOCKS_RECONCILE}.`, ctx.span([...at, 'httpGet'], 'key')),
        );
      }
      if (!isSet(http, 'scheme')) {
        out.push(
          finding(
            'warning',
            'sq-http-scheme-missing',
            `\`httpGet\` has no \`scheme\`: PodProbeMarker does not default it and kruise accepts only HTTP or HTTPS, so set \`scheme: HTTP\`.`,
            ctx.span([...at, 'httpGet'], 'key'),
            { insert: 'scheme: HTTP' },
          ),
        );
      } else if (http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') {
        out.push(
          finding(
            'error',
            'sq-http-scheme-invalid',
            `\`httpGet.scheme\` must be HTTP or HTTPS: ${BLOCKS_RECONCILE}.`,
            ctx.span([...at, 'httpGet', 'scheme'], 'value'),
            { replacement: String(http.scheme).toUpperCase() === 'HTTPS' ? 'HTTPS' : 'HTTP' },
          ),
        );
      }
    }

    for (const timing of TIMINGS) {
      const v = sq[timing];
      if (typeof v === 'number' && v < 0) {
        out.push(
          finding(
            'error',
            'sq-timing-negative',
            `\`${timing}\` must not be negative: ${BLOCKS_RECONCILE}. 0 means the OKG default.`,
            ctx.span([...at, timing], 'value'),
            { replacement: 0 },
          ),
        );
      }
    }
  });
  return out;
};
