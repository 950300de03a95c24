// The problem-code table (server/src/engine/problems.ts) against what the engine really emits: every
// code it produces is listed for its document kind, its data passes the code's own guard, and each
// quick-fixable code yields its fix through the code actions the language server runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { checkPatch, compileFilter } from '../../server/src/engine';
import { checkManifest } from '../../server/src/engine/manifest';
import { dataOf, FILTER_CODES, hasData, isCodeOf, isProblemCode, MANIFEST_CODES, PATCH_CODES, type ProblemCode } from '../../server/src/engine/problems';
import type { Problem } from '../../server/src/engine/problem';
import { filterCodeActions } from '../../server/src/features/filter-code-actions';
import { patchCodeActions } from '../../server/src/features/patch-code-actions';
import { toDiagnostic } from '../../server/src/features/problem-diagnostic';
import { yamlCodeActions } from '../../server/src/features/yaml';

const FILTERS = [
  '{"opsState": "kill"}',
  '{"opsState": "None", "currentState": "Ready"}',
  '{"$and": {"opsState": "None"}}',
  '{"updatePriority": {"$gte": 1}}',
  '{"updatePriority": {"$gt": 1}}',
  '{"updatePriority": {"$range": [5, 1]}}',
  '{"updatePriority": {"$eq": "3"}}',
  '{"$and": [{"opsState": ["None"]}]}',
  '{"opsState": "None", "opsState": "Kill"}',
  '{"opstate": "None"}',
  '[]',
  '',
  '{"opsState": {"$in": []}}',
  '{"opsState": {"$regex": "("}}',
];

const PATCHES = [
  '{"op": "replace", "path": "/spec/opsState", "value": "None"}',
  '[{"op": "Replace", "path": "/spec/opsState", "value": "None"}]',
  '[{"op": "replace", "path": "spec/opsState", "value": "None"}]',
  '[{"op": "replace", "path": "/spec/opsState", "value": "kill"}]',
  '[{"op": "replace", "path": "/spec/opsSate", "value": "None"}]',
  '[{"op": "remove", "path": "/spec/opsState", "value": 1}]',
  '[{"op": "replace", "path": "/spec/updatePriority", "value": "1.5"}]',
  '[{"op": "replace", "path": "/status/state", "value": "Ready"}]',
  '[]',
  '[{"op": "add", "path": "/metadata/name", "value": "x"}]',
];

const YAML = `apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: gss
spec:
  replicas: 2
  reserveGameServerIds: ["3"]
  updateStrategy:
    rollingUpdate:
      podUpdatePolicy: ReCreate
  serviceQualities:
    - name: healthy
      containerName: gamesrv
      httpget:
        path: /
    - name: ready
      containerName: game
      periodSeconds: -1
      httpGet:
        path: /
  gameServerTemplate:
    spec:
      containers:
        - name: game
          image: nginx
`;

interface Case {
  kind: 'filter' | 'patch' | 'manifest';
  doc: TextDocument;
  problems: Problem[];
}

function cases(): Case[] {
  const filters = FILTERS.map((text, i) => ({
    kind: 'filter' as const,
    doc: TextDocument.create(`file:///f${i}.kgfilter`, 'kgfilter', 1, text),
    problems: compileFilter(text, 'GameServer').problems,
  }));
  const patches = PATCHES.map((text, i) => ({
    kind: 'patch' as const,
    doc: TextDocument.create(`file:///p${i}.kgpatch`, 'kgpatch', 1, text),
    problems: checkPatch(text, 'GameServer').problems,
  }));
  const yaml = { kind: 'manifest' as const, doc: TextDocument.create('file:///gss.yaml', 'yaml', 1, YAML), problems: checkManifest(YAML) };
  return [...filters, ...patches, yaml];
}

const CODES: Record<Case['kind'], readonly ProblemCode[]> = { filter: FILTER_CODES, patch: PATCH_CODES, manifest: MANIFEST_CODES };

function actions(c: Case, d: Diagnostic): CodeAction[] {
  if (c.kind === 'filter') return filterCodeActions(c.doc, [d]);
  return c.kind === 'patch' ? patchCodeActions(c.doc, [d]) : yamlCodeActions(c.doc, [d]);
}

describe('problem codes', () => {
  it('each document kind lists a code once', () => {
    for (const [kind, codes] of Object.entries(CODES)) {
      const twice = codes.filter((c, i) => codes.indexOf(c) !== i);
      assert.deepEqual(twice, [], `${kind} lists these codes more than once`);
    }
  });

  it('every code the engine emits is in the table for its document kind, and its data passes the guard', () => {
    const seen = new Set<ProblemCode>();
    for (const c of cases()) {
      for (const p of c.problems) {
        seen.add(p.code);
        assert.ok(isProblemCode(p.code), `${c.doc.uri}: ${p.code} is not in problems.ts`);
        assert.ok(isCodeOf(CODES[c.kind], p.code), `${c.doc.uri}: ${p.code} is not listed among the ${c.kind} codes`);
        if (p.data === undefined) continue;
        assert.ok(hasData(p.code), `${c.doc.uri}: ${p.code} carries data ${JSON.stringify(p.data)} but problems.ts gives it none`);
        const wire: unknown = JSON.parse(JSON.stringify(p.data));
        assert.notEqual(dataOf(p.code, wire), undefined, `${c.doc.uri}: ${p.code} data ${JSON.stringify(p.data)} fails its guard`);
      }
    }
    assert.ok(seen.size >= 25, `the corpus exercises ${seen.size} codes: ${[...seen].join(', ')}`);
  });

  it('each quick-fixable code in the corpus yields its fix', () => {
    const fixed = new Set<string>();
    for (const c of cases()) {
      for (const p of c.problems) {
        // Over the wire and back, as the client returns a diagnostic with a code action request.
        const d = JSON.parse(JSON.stringify(toDiagnostic(p))) as Diagnostic;
        if (actions(c, d).length > 0) fixed.add(`${c.kind} ${p.code}`);
      }
    }
    const expected = [
      'filter near-miss-value',
      'filter object-key-count',
      'filter logic-not-array',
      'filter unknown-operator',
      'filter gt-portability',
      'filter range-order',
      'filter value-type',
      'filter array-shorthand-not-root',
      'filter duplicate-key',
      'filter unknown-field',
      'patch root-not-array',
      'patch invalid-op',
      'patch invalid-pointer',
      'patch opsstate-not-reserved',
      'patch unknown-path-segment',
      'patch unused-op-member',
      'manifest reserve-id-numeric-string',
      'manifest schema-unknown-field',
      'manifest sq-http-scheme-missing',
      'manifest sq-container-unknown',
      'manifest sq-handler-missing',
      'manifest sq-timing-negative',
    ];
    assert.deepEqual(
      expected.filter((e) => !fixed.has(e)),
      [],
      `codes without their fix (fixed: ${[...fixed].join(', ')})`,
    );
  });

  it('data of the wrong shape, or a code of another kind, gets no fix and no exception', () => {
    const doc = TextDocument.create('file:///x.kgfilter', 'kgfilter', 1, '{"updatePriority": {"$gte": 1}}');
    const [p] = compileFilter(doc.getText(), 'GameServer').problems;
    const d = toDiagnostic(p);
    assert.equal(filterCodeActions(doc, [{ ...d, data: { replacement: 3 } }]).length, 0, 'a number where a string is due');
    assert.equal(filterCodeActions(doc, [{ ...d, code: 'sq-grpc' }]).length, 0, 'a YAML code in a filter');
    assert.equal(filterCodeActions(doc, [{ ...d, code: 'no-such-code' }]).length, 0, 'an unknown code');
    assert.equal(filterCodeActions(doc, [d]).length, 1, 'the real diagnostic still gets its fix');
  });
});
