// No input crashes the server or makes a request hang, and no feature throws (a throw would be
// logged by the server's handler wrapper, and these tests read that log).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { OPERATORS, OPS_STATES } from '../../server/src/engine';
import { LspHarness } from './harness';

let h: LspHarness;
let n = 0;
before(async () => {
  h = await LspHarness.start();
});
after(() => h.close());

const BOUND_MS = 20_000;

function bounded<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${BOUND_MS} ms`)), BOUND_MS);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** How often the features had something to say: a property whose inputs never reach them proves nothing. */
interface Reached {
  diagnostics: number;
  completions: number;
  hovers: number;
}

/** Opens the text and runs every feature on it: diagnostics, completion, hover, quick fixes, formatting. */
async function exercise(name: string, text: string, offsets: number[], reached?: Reached): Promise<void> {
  const uri = h.open(name, text);
  // YAML without OKG problems gets no publish at all, so YAML waits for its turn instead of a publish.
  const published = name.endsWith('.yaml') ? h.settledDiagnostics(uri) : h.diagnostics(uri);
  const diagnostics = await bounded(`diagnostics of ${name}`, published);
  if (reached && diagnostics.length > 0) reached.diagnostics++;
  const lines = text.split(/\r\n|\r|\n/);
  for (const o of offsets) {
    const line = o % lines.length;
    const position = { line, character: Math.min(Math.floor(o / lines.length), lines[line].length) };
    const items = await bounded(`completion in ${name}`, h.completion(uri, position));
    assert.ok(Array.isArray(items), `completion items for ${name}`);
    const hover = await bounded(`hover in ${name}`, h.hover(uri, position));
    if (reached && items.length > 0) reached.completions++;
    if (reached && hover) reached.hovers++;
  }
  if (diagnostics.length > 0) await bounded(`code actions in ${name}`, h.codeActions(uri, diagnostics));
  await bounded(`formatting of ${name}`, h.format(uri));
  h.closeDocument(uri);
  assert.deepEqual(h.logs, [], `no handler failed on ${name}: ${JSON.stringify(text.slice(0, 200))}`);
}

const FIELDS = ['opsState', 'updatePriority', 'deletionPriority', 'currentState', 'currentNetworkState', 'images', 'name', 'namespace', 'nope'];
const OPS = [...OPERATORS.map((o) => o.name), '$gte', '$lte', '$nin', '$and', '$or', 'x'];
const scalar = fc.oneof(fc.constantFrom<unknown>(...OPS_STATES, 'kill', 'Ready', 'game,img:1', 5, -1, 2.5, true, null, ''), fc.string({ maxLength: 8 }));
const operand = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }));
const clause = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), operand, { minKeys: 1, maxKeys: 2 }),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.dictionary(fc.constantFrom(...OPS), operand, { maxKeys: 2 }), { minKeys: 1, maxKeys: 2 }),
);
const filterValue = fc.oneof(
  clause,
  fc.record({ $and: fc.array(clause, { maxLength: 3 }) }),
  fc.record({ $or: fc.array(fc.oneof(clause, operand), { maxLength: 3 }) }),
);

const SEGMENTS = ['spec', 'metadata', 'status', 'opsState', 'containers', '0', '-', 'labels', 'a~1b', '~', 'replicas', 'gameServerTemplate'];
const pointer = fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 5 }).map((s) => s.map((x) => `/${x}`).join(''));
const patchOp = fc.record(
  { op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'rep', 5), path: fc.oneof(pointer, scalar), from: pointer, value: operand },
  { requiredKeys: ['op'] },
);
const patchValue = fc.oneof(fc.array(patchOp, { maxLength: 4 }), patchOp, operand);

/** Serialises with random layout, then optionally cuts, inserts or deletes characters. */
function document(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 6 }), insert: fc.stringMatching(/^[{}[\]":,$ \n\\/a-z0-9]{0,4}$/) });
  return fc.tuple(value, fc.constantFrom(0, 2, '\t'), fc.array(edit, { maxLength: 3 })).map(([v, indent, edits]) => {
    let text = JSON.stringify(v, null, indent) ?? '';
    for (const e of edits) {
      const at = text.length === 0 ? 0 : e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.len);
    }
    return text;
  });
}

const OKG = 'game.kruise.io/v1alpha1';
const word = fc.oneof(
  fc.constantFrom('game', 'sidecar', 'idle', 'Ready', 'a#b', '', 'x'.repeat(70), '{{.Result}}', 'kill', 'bad state'),
  fc.string({ maxLength: 6 }),
);
const yamlScalar = fc.oneof(word, fc.integer({ min: -5, max: 12 }), fc.constantFrom<unknown>('3', '4-6', '7-', '-5', 2.5, true, null, ...OPS_STATES));
const loose = <T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(fields, { requiredKeys: [] });
const action = loose({
  state: fc.oneof(fc.boolean(), yamlScalar),
  result: yamlScalar,
  opsState: yamlScalar,
  updatePriority: yamlScalar,
  deletionPriority: yamlScalar,
  networkDisabled: yamlScalar,
  labels: fc.dictionary(fc.constantFrom('gs-sync/probe', 'app', ''), yamlScalar, { maxKeys: 2 }),
  containers: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 1 }),
});
const serviceQuality = loose({
  name: word,
  containerName: word,
  permanent: fc.oneof(fc.boolean(), yamlScalar),
  exec: loose({ command: fc.array(word, { maxLength: 2 }) }),
  httpGet: loose({ path: word, port: yamlScalar, scheme: fc.constantFrom<unknown>('HTTP', 'HTTPS', 'TCP', null) }),
  tcpSocket: loose({ port: yamlScalar }),
  grpc: loose({ port: yamlScalar }),
  timeoutSeconds: yamlScalar,
  serviceQualityAction: fc.array(action, { maxLength: 3 }),
});
const container = loose({ name: word, image: word, imagePullPolicyy: word, ports: fc.array(loose({ containerPort: yamlScalar }), { maxLength: 2 }) });
const gameServerSetSpec = loose({
  replicas: yamlScalar,
  reserveGameServerIds: fc.array(yamlScalar, { maxLength: 4 }),
  updateStrategy: loose({
    type: fc.constantFrom('OnDelete', 'RollingUpdate', 'x'),
    rollingUpdate: loose({ podUpdatePolicy: fc.constantFrom('ReCreate', 'InPlaceOnly', 'x'), partition: yamlScalar }),
  }),
  gameServerTemplate: loose({
    metadata: loose({ labels: fc.dictionary(word, yamlScalar, { maxKeys: 2 }) }),
    spec: loose({ containers: fc.array(container, { maxLength: 2 }), contianers: fc.array(container, { maxLength: 1 }), restartPolicy: word }),
  }),
  serviceQualities: fc.array(serviceQuality, { maxLength: 3 }),
});
const gameServerSpec = loose({
  opsState: yamlScalar,
  updatePriority: yamlScalar,
  deletionPriority: yamlScalar,
  networkDisabled: yamlScalar,
  containers: fc.array(container, { maxLength: 1 }),
});
const manifest = fc.oneof(
  loose({ apiVersion: fc.constantFrom(OKG, OKG, 'apps/v1'), kind: fc.constant('GameServerSet'), metadata: loose({ name: word }), spec: gameServerSetSpec }),
  loose({ apiVersion: fc.constantFrom(OKG, OKG, 'v1'), kind: fc.constant('GameServer'), metadata: loose({ name: word }), spec: gameServerSpec }),
);

/** Documents serialised by the yaml library in a random style, joined into one stream, then mutated with YAML's own punctuation. */
const yamlStream = fc
  .tuple(
    fc.array(manifest, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('', '%YAML 1.2\n---\n', '%YAML 1.1\n---\n', '%TAG !k! tag:yaml.org,2002:\n---\n'),
    fc.record({
      indent: fc.constantFrom(2, 4),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE'),
    } as const),
    fc.array(
      fc.record({
        at: fc.nat(),
        len: fc.nat({ max: 6 }),
        insert: fc.oneof(
          fc.constantFrom('&a ', '*a', '<<: *a\n', '---\n', '...\n', '- ', ': ', '#', '!k!str ', '|\n', '\t', '%TAG ! x\n'),
          fc.stringMatching(/^[-:{}[\]#&*!|>'"%@ \na-z0-9]{0,4}$/),
        ),
      }),
      { maxLength: 3 },
    ),
  )
  .map(([docs, head, style, edits]) => {
    let text = head + docs.map((d) => stringify(d, style)).join('---\n');
    for (const e of edits) {
      const at = text.length === 0 ? 0 : e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.len);
    }
    return text;
  });

const offsets = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 3 });

describe('robustness', () => {
  test('generated and mutated filters, for GameServers and GameServerSets', async () => {
    await fc.assert(
      fc.asyncProperty(document(filterValue), offsets, fc.boolean(), async (text, at, gss) => {
        await exercise(`f${n++}${gss ? '.gss' : ''}.kgfilter`, text, at);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });

  test('generated and mutated patches, for GameServers and GameServerSets', async () => {
    await fc.assert(
      fc.asyncProperty(document(patchValue), offsets, fc.boolean(), async (text, at, gss) => {
        await exercise(`p${n++}${gss ? '.gss' : ''}.kgpatch`, text, at);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });

  test('generated and mutated GameServer and GameServerSet YAML, several documents a file', async () => {
    const reached: Reached = { diagnostics: 0, completions: 0, hovers: 0 };
    await fc.assert(
      fc.asyncProperty(yamlStream, offsets, async (text, at) => {
        await exercise(`y${n++}.yaml`, text, at, reached);
      }),
      { numRuns: 80, seed: 20261124 },
    );
    assert.ok(reached.diagnostics > 0 && reached.completions > 0 && reached.hovers > 0, `every YAML feature answered some input: ${JSON.stringify(reached)}`);
  });

  test('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), offsets, async (bytes, at) => {
        const text = Buffer.from(bytes).toString('utf8');
        await exercise(`b${n++}.kgfilter`, text, at);
        await exercise(`b${n++}.kgpatch`, text, at);
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  test('JSON nested 10,000 deep', async () => {
    const deepObject = '{"opsState":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const deepArray = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const [name, text] of [
      ['deep-o.kgfilter', deepObject],
      ['deep-a.kgpatch', deepArray],
      ['deep-o.kgpatch', deepObject],
      ['deep-a.kgfilter', deepArray],
    ]) {
      await exercise(name, text, [5_000, 60_000, 0]);
    }
  });

  test('a 5 MB file', async () => {
    const op = '{"op":"replace","path":"/spec/opsState","value":"None"},';
    const big = `[${op.repeat(Math.ceil(5_000_000 / op.length))}{"op":"remove","path":"/spec/opsState"}]`;
    assert.ok(big.length >= 5_000_000, 'at least 5 MB');
    const started = Date.now();
    const uri = h.open('big.kgpatch', big);
    const diags = await bounded('diagnostics of a 5 MB patch', h.diagnostics(uri));
    assert.deepEqual(
      diags.map((d) => d.code),
      ['too-large'],
    );
    await bounded('completion in a 5 MB patch', h.completion(uri, { line: 0, character: 2_500_000 }));
    await bounded('hover in a 5 MB patch', h.hover(uri, { line: 0, character: 40 }));
    assert.deepEqual(await bounded('formatting a 5 MB patch', h.format(uri)), [], 'no formatting of oversized documents');
    h.closeDocument(uri);
    assert.ok(Date.now() - started < BOUND_MS, `5 MB handled in ${Date.now() - started} ms`);
    assert.deepEqual(h.logs, []);
  });

  test('the server still answers afterwards', async () => {
    const { uri, position } = h.openAt('alive.kgfilter', '{"opsState": "|"}');
    assert.deepEqual(
      (await h.completion(uri, position)).map((i) => i.label),
      [...OPS_STATES],
    );
  });
});
