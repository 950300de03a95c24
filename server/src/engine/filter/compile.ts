// Filter text -> checked clauses -> one mingo query, compiled once and run per object over a lazy view.
import { Query } from 'mingo';
import * as l10n from '@vscode/l10n';
import { outOfRangeNumbers, parseJsonc } from '../json';
import type { Problem } from '../problem';
import { hasErrors } from '../problem';
import { LineIndex } from '../text';
import { FilterChecker, type Clause, type FilterAst } from './check';
import { registryFor, type FieldDef, type FieldType, type Registry } from './fields';
import { GO_OPERATORS } from './mingo-operators';
import { fieldKeys, viewTester } from './view';

export type FilterTarget = 'GameServer' | 'GameServerSet' | Record<string, FieldType>;

export interface ParsedFilter {
  ok: boolean;
  problems: Problem[];
  /** The checked filter; present exactly when ok. */
  ast?: FilterAst;
  registry: Registry;
}

export interface CompiledFilter {
  ok: boolean;
  problems: Problem[];
  /** True when the object matches; always false for a filter with errors. */
  matches(obj: unknown): boolean;
}

/** Parses and checks a filter, without compiling it (for editors). */
export function parseFilter(text: string, target: FilterTarget): ParsedFilter {
  const registry = registryFor(target);
  const lines = new LineIndex(text);
  const parsed = parseJsonc(text, lines);
  if (parsed.empty) {
    return {
      ok: true,
      ast: { kind: 'all' },
      registry,
      problems: [
        {
          severity: 'info',
          code: 'empty-filter',
          message:
            registry.kind === 'custom'
              ? l10n.t('An empty filter matches every object in every namespace')
              : l10n.t('An empty filter matches every {0} in every namespace', registry.kind),
          range: lines.range(0, text.length),
        },
      ],
    };
  }
  if (hasErrors(parsed.problems) || !parsed.root) return { ok: false, problems: parsed.problems, registry };
  // Go decodes the whole filter before looking at it, so one such number anywhere rejects it.
  const huge = outOfRangeNumbers(parsed.root);
  if (huge.length > 0) {
    const problems: Problem[] = huge.map((node) => ({
      severity: 'error',
      code: 'number-out-of-range',
      message: l10n.t(
        "{0} is beyond the range of a 64-bit float (about ±1.8e308): Go's encoding/json cannot read it, so kruise-game-api rejects the whole filter. " +
          'Write a number within that range',
        text.slice(node.offset, node.offset + node.length),
      ),
      range: lines.range(node.offset, node.length),
    }));
    return { ok: false, problems: [...parsed.problems, ...problems], registry };
  }
  const checker = new FilterChecker(registry, lines);
  const ast = checker.check(parsed.root);
  const problems = [...parsed.problems, ...checker.problems];
  const ok = ast !== undefined && !hasErrors(problems);
  return { ok, problems, registry, ...(ok && { ast }) };
}

type Keys = ReadonlyMap<FieldDef, string>;

function clauseQuery(c: Clause, keys: Keys): Record<string, unknown> {
  const f = keys.get(c.field)!;
  switch (c.op) {
    case '$le':
      return { [f]: { $lte: c.value } };
    case '$ge':
      return { [f]: { $gte: c.value } };
    case '$range': {
      const [lo, hi] = c.value as [number, number] | [string, string];
      return typeof lo === 'number' ? { [f]: { $gte: lo, $lte: hi } } : { [f]: { $cpRange: [lo, hi] } };
    }
    case '$regex':
      return { [f]: { $re2: c.value } };
    case '$eq':
    case '$ne':
      if (!c.field.type.endsWith('[]')) return { [f]: { [c.op === '$eq' ? '$same' : '$notSame']: c.value } };
      return { [f]: { [c.op]: c.value } };
    case '$all':
      return { [f]: { $allOf: c.value } };
    default:
      return { [f]: { [c.op]: c.value } };
  }
}

/**
 * `$and` becomes one criteria object with a key per field (mingo's implicit AND, which it evaluates
 * without a sub-query per element); a field's operators merge unless one repeats.
 */
function andQuery(clauses: Clause[], keys: Keys): Record<string, unknown> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const c of clauses) {
    const [[field, ops]] = Object.entries(clauseQuery(c, keys)) as [[string, Record<string, unknown>]];
    const into = (merged[field] ??= {});
    if (Object.keys(ops).some((op) => op in into)) return { $and: clauses.map((x) => clauseQuery(x, keys)) };
    Object.assign(into, ops);
  }
  return merged;
}

function toQuery(ast: FilterAst, keys: Keys): Record<string, unknown> | undefined {
  switch (ast.kind) {
    case 'all':
      return undefined;
    case 'clause':
      return clauseQuery(ast.clause, keys);
    case 'logic':
      return ast.op === '$and' ? andQuery(ast.clauses, keys) : { $or: ast.clauses.map((c) => clauseQuery(c, keys)) };
  }
}

/** The fields a filter reads, once each. */
function fieldsOf(ast: FilterAst): FieldDef[] {
  const clauses = ast.kind === 'logic' ? ast.clauses : ast.kind === 'clause' ? [ast.clause] : [];
  return [...new Set(clauses.map((c) => c.field))];
}

export function compileFilter(text: string, target: FilterTarget): CompiledFilter {
  const { ok, problems, ast } = parseFilter(text, target);
  if (!ok || !ast) return { ok: false, problems, matches: () => false };
  // Field names appear only in messages; the view and the query use internal keys.
  const keys = fieldKeys(fieldsOf(ast));
  const query = toQuery(ast, keys);
  if (!query) return { ok, problems, matches: () => true };
  const compiled = new Query(query, { context: GO_OPERATORS });
  const withView = viewTester(keys);
  const test = (view: Record<string, unknown>) => compiled.test(view);
  return { ok, problems, matches: (obj) => withView(obj, test) };
}
