// Service-quality snippets for Carrier users (docs/carrier-to-okg.md): what a Carrier deletable gate
// ("delete only when no players") or readiness gate did, written as OKG serviceQualities.
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import * as l10n from '@vscode/l10n';
import { item } from '../snippet';

interface CarrierSnippet {
  label: () => string;
  documentation: () => string;
  body: string[];
}

const SNIPPETS: CarrierSnippet[] = [
  {
    label: () => l10n.t('serviceQuality: delete when no players (Carrier deletableGates)'),
    documentation: () =>
      l10n.t(
        'A probe that exits 0 while the server has no players: its server becomes `WaitToBeDeleted`, which scale-down ' +
          'deletes first; once players come back it is `None` again. What a Carrier deletable gate set by the server did.',
      ),
    body: [
      'name: ${1:no-players}',
      'containerName: ${2:game}',
      'permanent: false',
      'exec:',
      '  command: ["/bin/sh", "-c", "${3:/idle.sh}"]',
      'serviceQualityAction:',
      '  - state: true',
      '    opsState: WaitToBeDeleted',
      '  - state: false',
      '    opsState: None',
    ],
  },
  {
    label: () => l10n.t('serviceQuality: not ready until loaded (Carrier readinessGates)'),
    documentation: () =>
      l10n.t(
        'A probe that fails until the server can take players: meanwhile its server is `Maintaining`, so a matchmaker ' +
          'that picks `None` servers skips it; once the probe succeeds it is `None`. What a Carrier readiness gate did; a container `readinessProbe` ' +
          'instead makes the GameServer itself NotReady.',
      ),
    body: [
      'name: ${1:loaded}',
      'containerName: ${2:game}',
      'permanent: false',
      'exec:',
      '  command: ["/bin/sh", "-c", "${3:/loaded.sh}"]',
      'serviceQualityAction:',
      '  - state: false',
      '    opsState: Maintaining',
      '  - state: true',
      '    opsState: None',
    ],
  },
];

/** The Carrier-equivalent service qualities, for a new list item (`- |`) of serviceQualities. */
export function carrierSnippets(range: Range, pad: string): CompletionItem[] {
  return SNIPPETS.map((s, i) =>
    item({
      label: s.label(),
      kind: CompletionItemKind.Snippet,
      range,
      newText: s.body.map((line, j) => (j === 0 ? line : pad + line)).join('\n'),
      snippet: true,
      detail: l10n.t('a whole serviceQualities entry'),
      documentation: s.documentation(),
      sortText: `0${i + 1}`,
    }),
  );
}
