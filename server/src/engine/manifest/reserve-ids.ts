// reserveGameServerIds as the OKG controller parses it: ints, or "a-b" ranges. One entry it cannot parse
// makes it ignore the whole list, and the webhook that should reject bad lists has no effect (docs/okg-facts.md, reserveGameServerIds).
import { parseGoInt } from '../okg';
import { asArray, asObject, finding, type Check, type Finding, type Span } from './finding';

const DISABLES = 'OKG then ignores the whole reserveGameServerIds list, so no ID is reserved';

interface Interval {
  from: number;
  to: number;
  index: number;
}

/** An entry as the controller reads it, or a problem saying why it cannot. */
function parseEntry(entry: unknown): Interval | { code: string; why: string; replacement?: number } | undefined {
  if (typeof entry === 'number') return Number.isInteger(entry) ? { from: entry, to: entry, index: 0 } : undefined;
  if (typeof entry !== 'string') return undefined;
  const single = parseGoInt(entry.trim());
  if (single !== undefined) {
    return { code: 'reserve-id-numeric-string', why: `\`"${entry}"\` is a string, and a string must be a range "a-b"`, replacement: single };
  }
  const parts = entry.split('-');
  const [from, to] = parts.map((p) => parseGoInt(p.trim()));
  if (parts.length !== 2 || from === undefined || to === undefined) {
    return { code: 'reserve-id-malformed', why: `\`"${entry}"\` is not a range of two integers "a-b"` };
  }
  if (from > to) return { code: 'reserve-id-malformed', why: `range \`"${entry}"\` starts after it ends` };
  return { from, to, index: 0 };
}

export const checkReserveIds: Check = (ctx) => {
  const spec = asObject(ctx.value.spec);
  if (ctx.kind !== 'GameServerSet' || !spec) return [];
  const out: Finding[] = [];
  const taken: Interval[] = [];
  asArray(spec.reserveGameServerIds).forEach((entry, index) => {
    // Located only when reported: most entries are fine.
    const span = (): Span => ctx.span(['spec', 'reserveGameServerIds', index], 'value');
    const parsed = parseEntry(entry);
    if (!parsed) return;
    if ('code' in parsed) {
      const data = parsed.replacement !== undefined ? { replacement: parsed.replacement } : undefined;
      const fix = parsed.replacement !== undefined ? ` Write \`${parsed.replacement}\` without quotes.` : '';
      out.push(finding('error', parsed.code, `${parsed.why}: ${DISABLES}.${fix}`, span(), data));
      return;
    }
    if (parsed.from < 0) {
      out.push(
        finding(
          'warning',
          'reserve-id-negative',
          'Game server IDs start at 0: a negative ID reserves nothing (the webhook check meant to reject it has no effect).',
          span(),
        ),
      );
      return;
    }
    const clash = taken.find((t) => parsed.from <= t.to && t.from <= parsed.to);
    if (clash) {
      const same = clash.from === parsed.from && clash.to === parsed.to;
      out.push(
        finding(
          'warning',
          same ? 'reserve-id-duplicate' : 'reserve-id-overlap',
          `${same ? 'Already reserved' : 'Overlaps the IDs reserved'} at index ${clash.index}: the webhook check meant to reject this has no effect, and the list no longer says what is reserved once OKG writes it back.`,
          span(),
        ),
      );
    }
    taken.push({ ...parsed, index });
  });
  return out;
};
