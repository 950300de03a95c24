// reserveGameServerIds as the OKG controller parses it: ints, or "a-b" ranges. One entry it cannot parse
// makes it ignore the whole list, and the webhook that should reject bad lists has no effect (docs/okg-facts.md, reserveGameServerIds).
import * as l10n from '@vscode/l10n';
import { parseReserveEntry } from '../scale/reserve-entry';
import { asArray, asObject, finding, type Check, type Finding, type Span } from './finding';

interface Interval {
  from: number;
  to: number;
  index: number;
}

/** An entry as the controller reads it, or a problem saying why it cannot. */
type Unreadable = { code: 'reserve-id-numeric-string'; why: string; replacement: number } | { code: 'reserve-id-malformed'; why: string };

function parseEntry(entry: unknown): Interval | Unreadable | undefined {
  if (typeof entry === 'number') return Number.isInteger(entry) ? { from: entry, to: entry, index: 0 } : undefined;
  if (typeof entry !== 'string') return undefined;
  const parsed = parseReserveEntry(entry);
  if (parsed.ok) return { from: parsed.from, to: parsed.to, index: 0 };
  if (parsed.why === 'numeric-string') {
    return { code: 'reserve-id-numeric-string', why: l10n.t('`"{0}"` is a string, and a string must be a range "a-b"', entry), replacement: parsed.single };
  }
  if (parsed.why === 'reversed') return { code: 'reserve-id-malformed', why: l10n.t('range `"{0}"` starts after it ends', entry) };
  return { code: 'reserve-id-malformed', why: l10n.t('`"{0}"` is not a range of two integers "a-b"', entry) };
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
      if (parsed.code === 'reserve-id-numeric-string') {
        const message = l10n.t(
          '{0}: OKG then ignores the whole reserveGameServerIds list, so no ID is reserved. Write `{1}` without quotes.',
          parsed.why,
          parsed.replacement,
        );
        out.push(finding('error', parsed.code, message, span(), { replacement: parsed.replacement }));
      } else {
        out.push(finding('error', parsed.code, l10n.t('{0}: OKG then ignores the whole reserveGameServerIds list, so no ID is reserved.', parsed.why), span()));
      }
      return;
    }
    if (parsed.from < 0) {
      out.push(
        finding(
          'warning',
          'reserve-id-negative',
          l10n.t('Game server IDs start at 0: a negative ID reserves nothing (the webhook check meant to reject it has no effect).'),
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
          same
            ? l10n.t(
                'Already reserved at index {0}: the webhook check meant to reject this has no effect, ' +
                  'and the list no longer says what is reserved once OKG writes it back.',
                clash.index,
              )
            : l10n.t(
                'Overlaps the IDs reserved at index {0}: the webhook check meant to reject this has no effect, ' +
                  'and the list no longer says what is reserved once OKG writes it back.',
                clash.index,
              ),
          span(),
        ),
      );
    }
    taken.push({ ...parsed, index });
  });
  return out;
};
