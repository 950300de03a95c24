// The OpenAPI documents kubectl downloads before `create -f` / `apply -f` validate a file.
// - /openapi/v3 and /openapi/v3/apis/game.kruise.io/v1alpha1: the paths and operations of both
//   resources, whose writes take `fieldValidation`; kubectl >= 1.27 then leaves validation to the
//   server (which checks against schemas/), as it does for any CRD.
// - /openapi/v2: kubectl before 1.27 (Debian's 1.20 among them) reads it as protocol buffers only;
//   a document without definitions makes it skip client-side checks of kinds it has no schema
//   for, which is what it does for a CRD that publishes none.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSION, GROUP, RESOURCES, VERSION, type ResourceInfo } from './kinds';
import { KUBERNETES_VERSION } from './discovery';

export const OPENAPI_V2 = '/openapi/v2';
export const OPENAPI_V3 = '/openapi/v3';
const GV_PATH = `apis/${API_VERSION}`;
export const OPENAPI_V3_GROUP = `${OPENAPI_V3}/${GV_PATH}`;

// kube-apiserver labels the protobuf document as plain bytes: the media type clients ask for
// (application/com.github.proto-openapi.spec.v2@v1.0+protobuf) does not parse as one in Go.
const PROTOBUF_V2 = 'application/octet-stream';
const SERVER_VERSION = `v${KUBERNETES_VERSION.major}.${KUBERNETES_VERSION.minor}.0`;

const query = (name: string, description: string) => ({ name, in: 'query', description, schema: { type: 'string', uniqueItems: true } });
const inPath = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', uniqueItems: true } });
const WRITE_PARAMS = [
  query('dryRun', 'All: validate and answer, store nothing'),
  query('fieldManager', 'the name of the actor making the change'),
  query('fieldValidation', 'Ignore, Warn or Strict: what to do with unknown or duplicate fields'),
];

const schemaName = (r: ResourceInfo) => `io.kruise.game.${VERSION}.${r.kind}`;
const ref = (r: ResourceInfo) => ({ $ref: `#/components/schemas/${schemaName(r)}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });

function operation(r: ResourceInfo, action: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: `${action}${r.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: GROUP, version: VERSION, kind: r.kind },
    responses: { '200': { description: 'OK', content: json(ref(r)) } },
    ...extra,
  };
}

function paths(r: ResourceInfo): Record<string, unknown> {
  const collection = `/apis/${API_VERSION}/namespaces/{namespace}/${r.plural}`;
  const patchBody = {
    content: Object.fromEntries(
      ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'].map((t) => [t, { schema: { type: 'object' } }]),
    ),
  };
  return {
    [collection]: {
      parameters: [inPath('namespace')],
      get: operation(r, 'list'),
      post: operation(r, 'post', { parameters: WRITE_PARAMS, requestBody: { content: json(ref(r)) } }),
    },
    [`${collection}/{name}`]: {
      parameters: [inPath('name'), inPath('namespace')],
      get: operation(r, 'get'),
      put: operation(r, 'put', { parameters: WRITE_PARAMS, requestBody: { content: json(ref(r)) } }),
      // No strategic merge among the patch types: kubectl apply then sends a merge patch, as for any CRD.
      patch: operation(r, 'patch', { parameters: WRITE_PARAMS, requestBody: patchBody }),
      delete: operation(r, 'delete', { parameters: [query('dryRun', 'All: check, delete nothing')] }),
    },
  };
}

function groupDocument(): unknown {
  const resources = Object.values(RESOURCES);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION },
    paths: Object.assign({}, ...resources.map(paths)),
    components: {
      schemas: Object.fromEntries(
        resources.map((r) => [
          schemaName(r),
          {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
            'x-kubernetes-group-version-kind': [{ group: GROUP, version: VERSION, kind: r.kind }],
          },
        ]),
      ),
    },
  };
}

const GROUP_TEXT = JSON.stringify(groupDocument());
const GROUP_HASH = createHash('sha256').update(GROUP_TEXT).digest('hex').slice(0, 32).toUpperCase();

/** Protocol-buffer wire format of a varint. */
function varint(n: number): Buffer {
  const bytes: number[] = [];
  for (; n > 0x7f; n >>>= 7) bytes.push((n & 0x7f) | 0x80);
  bytes.push(n);
  return Buffer.from(bytes);
}

/** A protocol-buffer message whose fields are all length-delimited (strings or messages). */
function message(fields: [number, string | Buffer][]): Buffer {
  return Buffer.concat(
    fields.flatMap(([field, value]) => {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
      return [varint((field << 3) | 2), varint(bytes.length), bytes];
    }),
  );
}

// gnostic's openapi_v2.Document: swagger = 1, info = 2 (Info: title = 1, version = 2).
const V2_PROTOBUF = message([
  [1, '2.0'],
  [
    2,
    message([
      [1, 'Kubernetes'],
      [2, SERVER_VERSION],
    ]),
  ],
]);
const V2_JSON = JSON.stringify({ swagger: '2.0', info: { title: 'Kubernetes', version: SERVER_VERSION }, paths: {} });

export const isOpenApiPath = (p: string) => p === OPENAPI_V2 || p === OPENAPI_V3 || p === OPENAPI_V3_GROUP;

function send(res: ServerResponse, type: string, body: string | Buffer): void {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers one of the isOpenApiPath paths. */
export function serveOpenApi(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === OPENAPI_V2) {
    if ((req.headers.accept ?? '').includes('protobuf')) send(res, PROTOBUF_V2, V2_PROTOBUF);
    else send(res, 'application/json', V2_JSON);
  } else if (path === OPENAPI_V3) {
    send(res, 'application/json', JSON.stringify({ paths: { [GV_PATH]: { serverRelativeURL: `${OPENAPI_V3_GROUP}?hash=${GROUP_HASH}` } } }));
  } else {
    send(res, 'application/json', GROUP_TEXT);
  }
}
