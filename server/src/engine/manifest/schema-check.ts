// Validation of a whole document against our GameServer / GameServerSet schema (ajv, all errors), each
// error put on the exact key or value it is about.
import type { ErrorObject } from 'ajv';
import { nearMiss } from '../okg';
import { describeType, schemaAtPointer, schemaFor, validatorFor } from '../schemas';
import { finding, type Check, type Finding } from './finding';
import { pointerSegments, showPath } from './paths';


function where(kind: string, path: readonly string[]): string {
  return path.length ? `\`${showPath(path)}\`` : `a ${kind}`;
}

/** The value at a path of the document's data, or undefined where the path leads nowhere. */
function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const seg of path) at = at !== null && typeof at === 'object' && Object.hasOwn(at, seg) ? (at as Record<string, unknown>)[seg] : undefined;
  return at;
}

export const checkSchema: Check = (ctx) => {
  const validate = validatorFor(schemaFor(ctx.kind));
  if (validate(ctx.value)) return [];
  const out: Finding[] = [];
  const typed = new Set<string>();
  for (const e of (validate.errors ?? []) as ErrorObject[]) {
    const path = pointerSegments(e.instancePath);
    const shown = where(ctx.kind, path);
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = String(e.params.additionalProperty);
        const known = Object.keys(schemaAtPointer(ctx.kind, path)?.properties ?? {});
        const guess = nearMiss(name, known);
        out.push(
          finding(
            'warning',
            'schema-unknown-field',
            `\`${name}\` is not a field of ${shown}: the API server drops it silently` +
              (guess ? ` (did you mean \`${guess}\`?)` : '.'),
            ctx.span([...path, name], 'key'),
            guess ? { replacement: guess } : undefined,
          ),
        );
        break;
      }
      case 'required': {
        const name = String(e.params.missingProperty);
        out.push(
          finding(
            'error',
            'schema-required',
            `\`${showPath([...path, name])}\` is required: the API server rejects ${where(ctx.kind, path)} without it.`,
            ctx.span(path, 'key'),
          ),
        );
        break;
      }
      case 'type':
      case 'anyOf': {
        // An int-or-string mismatch yields one error per branch plus the anyOf: report it once.
        if (typed.has(e.instancePath)) break;
        typed.add(e.instancePath);
        const schema = schemaAtPointer(ctx.kind, path);
        out.push(
          finding(
            'error',
            'schema-type',
            `${shown} must be ${schema ? describeType(schema) : String(e.params.type)}.`,
            ctx.span(path, 'value'),
          ),
        );
        break;
      }
      case 'enum': {
        const values = e.params.allowedValues as unknown[];
        const allowed = values.map((v) => `\`${String(v)}\``).join(', ');
        const written = valueAt(ctx.value, path);
        const guess = typeof written === 'string' ? nearMiss(written, values.filter((v): v is string => typeof v === 'string')) : undefined;
        const hint = guess ? ` (did you mean \`${guess}\`?)` : '';
        const data = guess ? { replacement: guess } : undefined;
        out.push(finding('error', 'schema-enum', `${shown} must be one of ${allowed}${hint}.`, ctx.span(path, 'value'), data));
        break;
      }
      case 'minimum':
      case 'maximum': {
        const bound = e.keyword === 'minimum' ? 'at least' : 'at most';
        out.push(
          finding('error', 'schema-range', `${shown} must be ${bound} ${String(e.params.limit)}.`, ctx.span(path, 'value')),
        );
        break;
      }
      default:
        out.push(finding('error', `schema-${e.keyword}`, `${shown} ${e.message ?? 'is invalid'}.`, ctx.span(path, 'value')));
    }
  }
  return out;
};
