// How a GameServer or set looks in the tree: description, icon, colour and tooltip text.
// Pure: returns codicon and theme-colour ids and Markdown strings; the node files wrap them. Words go
// through @vscode/l10n (no vscode API here), which the extension feeds with its bundle.
import * as l10n from '@vscode/l10n';
import {
  addressesOf,
  conditionsOf,
  gameServerImagesOf,
  networkStateOf,
  opsStateOf,
  prioritiesOf,
  replicasOf,
  serviceQualityConditionsOf,
  setImagesOf,
  stateOf,
  type Condition,
} from './object-fields';

export interface IconChoice {
  /** A codicon id. */
  icon: string;
  /** A theme colour id, or undefined for the default foreground. */
  color: string | undefined;
}

/** OKG reads a missing, empty or zero priority as 0, the value it gives every new GameServer. */
const usualPriority = (p: string): boolean => p === '' || p === '0';

/**
 * Only what sets a GameServer apart, since the side bar's default width shows little more than
 * the name and one field, in kubectl's column order: the state unless Ready, the opsState unless
 * None, the network state unless Ready, priorities other than 0 (`DP 5 · UP 2`). The icon shows
 * both of the first two (colour by state, shape by opsState) however much of the text is cut. A
 * server with nothing unusual reads `Ready`; the tooltip keeps every field.
 */
export function gameServerDescription(gs: unknown): string {
  const state = stateOf(gs);
  const ops = opsStateOf(gs);
  const network = networkStateOf(gs);
  const { deletion, update } = prioritiesOf(gs);
  const parts = [
    state === 'Ready' ? '' : state || l10n.t('no state'),
    ops === 'None' ? '' : ops,
    network === '' || network === 'Ready' ? '' : l10n.t('network {0}', network),
    usualPriority(deletion) ? '' : `DP ${deletion}`,
    usualPriority(update) ? '' : `UP ${update}`,
  ].filter((p) => p !== '');
  return parts.length ? parts.join(' · ') : 'Ready';
}

const STATE_ICONS: Record<string, IconChoice> = {
  Ready: { icon: 'pass-filled', color: 'testing.iconPassed' },
  NotReady: { icon: 'warning', color: 'list.warningForeground' },
  Crash: { icon: 'error', color: 'list.errorForeground' },
  Creating: { icon: 'loading', color: 'charts.blue' },
  Updating: { icon: 'sync', color: 'charts.blue' },
  PreUpdate: { icon: 'sync', color: 'charts.blue' },
  Deleting: { icon: 'trash', color: 'disabledForeground' },
  PreDelete: { icon: 'trash', color: 'charts.orange' },
};

/** Shape of the icon for an operator's opsState, which matters more than the state when set. */
const OPS_ICONS: Record<string, string> = {
  WaitToBeDeleted: 'clock',
  Kill: 'close',
  Maintaining: 'tools',
  Allocated: 'account',
};

/**
 * Icon by opsState when one is set (what the operator decided), else by state;
 * colour always by state (is it healthy), so a Maintaining server that crashed still shows red.
 */
export function gameServerIcon(gs: unknown): IconChoice {
  const byState = STATE_ICONS[stateOf(gs)] ?? { icon: 'circle-outline', color: 'disabledForeground' };
  const ops = opsStateOf(gs);
  if (ops === 'Kill') return { icon: OPS_ICONS.Kill, color: 'list.errorForeground' };
  const opsIcon = OPS_ICONS[ops];
  if (opsIcon) return { icon: opsIcon, color: byState.color };
  if (ops && ops !== 'None') return { icon: 'tag', color: byState.color };
  return byState;
}

/** `current/ready/desired` replicas, as the tree shows next to a set. */
export function setDescription(gss: unknown, matches?: number): string {
  const r = replicasOf(gss);
  const base = `${r.current}/${r.ready}/${r.desired}`;
  if (matches === undefined) return base;
  return `${base} · ${matches === 1 ? l10n.t('1 match') : l10n.t('{0} matches', matches)}`;
}

export function setIcon(gss: unknown): IconChoice {
  const r = replicasOf(gss);
  if (r.ready >= r.desired && r.current === r.desired) return { icon: 'server-environment', color: undefined };
  return { icon: 'server-environment', color: 'list.warningForeground' };
}

/** Text from the cluster is escaped where Markdown would read it as markup (emphasis, links, HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]#|<>~]/g, (c) => `\\${c}`);
}

function conditionLines(title: string, conditions: Condition[]): string[] {
  if (conditions.length === 0) return [];
  return [
    `**${title}**`,
    '',
    ...conditions.map((c) => {
      const mark = c.status === 'True' ? '$(check)' : c.status === 'False' ? '$(close)' : '$(question)';
      return `- ${mark} ${escapeMarkdown(c.type)}${c.detail ? ` — ${escapeMarkdown(c.detail)}` : ''}`;
    }),
    '',
  ];
}

export function gameServerTooltip(gs: unknown, name: string, namespace: string): string {
  const { deletion, update } = prioritiesOf(gs);
  const images = gameServerImagesOf(gs);
  const addresses = addressesOf(gs);
  const lines = [
    l10n.t('**{0}** in {1}', escapeMarkdown(name), escapeMarkdown(namespace)),
    '',
    l10n.t(
      'State: {0} · opsState: {1} · network: {2}',
      escapeMarkdown(stateOf(gs) || l10n.t('unknown')),
      escapeMarkdown(opsStateOf(gs) || '-'),
      escapeMarkdown(networkStateOf(gs) || '-'),
    ),
    '',
    l10n.t('Deletion priority {0} · update priority {1}', escapeMarkdown(deletion || '-'), escapeMarkdown(update || '-')),
    '',
  ];
  if (images.length) lines.push(`**${l10n.t('Images')}**`, '', ...images.map((i) => `- \`${i.replace(/`/g, "'")}\``), '');
  if (addresses.length) lines.push(`**${l10n.t('Addresses')}**`, '', ...addresses.map((a) => `- ${a.scope}: ${escapeMarkdown(a.text)}`), '');
  lines.push(...conditionLines(l10n.t('Conditions'), conditionsOf(gs)));
  lines.push(...conditionLines(l10n.t('Service qualities'), serviceQualityConditionsOf(gs)));
  return lines.join('\n').trimEnd();
}

export function setTooltip(gss: unknown, name: string, namespace: string): string {
  const r = replicasOf(gss);
  const images = setImagesOf(gss);
  const lines = [
    l10n.t('**{0}** in {1}', escapeMarkdown(name), escapeMarkdown(namespace)),
    '',
    // The legend of the row's `current/ready/desired`, which has no room for words.
    l10n.t('Replicas `{0}`: {1} current · {2} ready · {3} desired', setDescription(gss), r.current, r.ready, r.desired),
    '',
  ];
  if (images.length) lines.push(`**${l10n.t('Template images')}**`, '', ...images.map((i) => `- \`${i.replace(/`/g, "'")}\``));
  return lines.join('\n').trimEnd();
}
