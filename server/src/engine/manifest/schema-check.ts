// Validation of a whole document against our GameServer / GameServerSet schema (ajv, all errors), each
// error put on the exact key or value it is about.
import type { ErrorObject } from 'ajv';
import * as l10n from '@vscode/l10n';
import { nearMiss } from '../okg';
import { describeType, schemaAtPointer, schemaFor, validatorFor } from '../schemas';
import { finding, type Check, type Finding } from './finding';
import { pointerSegments, showPath } from './paths';

function where(kind: string, path: readonly string[]): string {
  return path.length ? `\`${showPath(path)}\`` : l10n.t({ message: 'a {0}', args: [kind], comment: ['an English article before a type name'] });
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
            guess
              ? l10n.t('`{0}` is not a field of {1}: the API server drops it silently (did you mean `{2}`?)', name, shown, guess)
              : l10n.t('`{0}` is not a field of {1}: the API server drops it silently.', name, shown),
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
            l10n.t('`{0}` is required: the API server rejects {1} without it.', showPath([...path, name]), where(ctx.kind, path)),
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
          finding('error', 'schema-type', l10n.t('{0} must be {1}.', shown, schema ? describeType(schema) : String(e.params.type)), ctx.span(path, 'value')),
        );
        break;
      }
      case 'enum': {
        const values = e.params.allowedValues as unknown[];
        const allowed = values.map((v) => `\`${String(v)}\``).join(', ');
        const written = valueAt(ctx.value, path);
        const guess =
          typeof written === 'string'
            ? nearMiss(
                written,
                values.filter((v): v is string => typeof v === 'string'),
              )
            : undefined;
        const message = guess
          ? l10n.t('{0} must be one of {1} (did you mean `{2}`?).', shown, allowed, guess)
          : l10n.t('{0} must be one of {1}.', shown, allowed);
        const data = guess ? { replacement: guess } : undefined;
        out.push(finding('error', 'schema-enum', message, ctx.span(path, 'value'), data));
        break;
      }
      case 'minimum':
      case 'maximum': {
        const limit = String(e.params.limit);
        const message = e.keyword === 'minimum' ? l10n.t('{0} must be at least {1}.', shown, limit) : l10n.t('{0} must be at most {1}.', shown, limit);
        out.push(finding('error', 'schema-range', message, ctx.span(path, 'value')));
        break;
      }
      default:
        // `format` is the only other keyword the two schemas use.
        out.push(
          finding(
            'error',
            e.keyword === 'format' ? 'schema-format' : 'schema-invalid',
            e.message ? `${shown} ${e.message}.` : l10n.t('{0} is invalid.', shown),
            ctx.span(path, 'value'),
          ),
        );
    }
  }
  return out;
};
