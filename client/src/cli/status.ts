// kruisegamectl prints a failed object's `err` as Go's json.Marshal of client-go's *StatusError:
// `{"ErrStatus": <the Kubernetes Status>}`. kgctl prints the same ErrStatus: the server's own
// Status when the error is that answer, otherwise one built the way client-go builds it for an
// answer without a Status body (NewGenericServerResponse), carrying kgctl's reading.
import type { ClusterError, KubeStatus } from '../cluster/errors';
import { RESOURCES, type KubeObject, type ResourceKind } from '../cluster/resources';

/** client-go's reason for an HTTP status that came without a Status body. */
const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function pascal(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
}

/** The reason kgctl reports: the server's, else client-go's for the HTTP status, else kgctl's own code (no answer came). */
export function reasonOf(e: ClusterError): string {
  if (e.reason !== undefined) return e.reason;
  if (e.status === undefined) return pascal(e.code);
  return REASON_BY_CODE[e.status] ?? (e.status >= 500 ? 'InternalError' : 'Unknown');
}

/** The server's Status, when the error is still what it answered (not a conclusion kgctl drew from it). */
function serverAnswer(e: ClusterError): KubeStatus | undefined {
  const s = e.serverStatus;
  if (!s || s.code !== e.status) return undefined;
  if (s.reason !== undefined && e.reason !== undefined && s.reason !== e.reason) return undefined;
  return s;
}

export function errStatus(e: ClusterError, kind: ResourceKind, obj: KubeObject): KubeStatus {
  const answered = serverAnswer(e);
  if (answered) return answered;
  const r = RESOURCES[kind];
  // What the server said before kgctl drew its conclusion (a failed guard test, say) still helps.
  const causes = e.serverStatus?.details?.causes;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: e.message,
    reason: reasonOf(e),
    details: { name: obj.metadata.name, group: r.group, kind: r.plural, ...(causes ? { causes } : {}) },
    // Go omits a zero code: no answer, no code.
    ...(e.status !== undefined ? { code: e.status } : {}),
  };
}
