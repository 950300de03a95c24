// The walkthrough and the legend of the GameServers view: the manifest's steps point at files and
// commands that exist, and the legend reads as the rows and tooltips the view writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gameServerDescription, setDescription, setTooltip } from '../../client/src/views/presentation';
import { useLocale } from '../../server/src/locale';
import { gs, gss } from './client-fixtures';

const ROOT = resolve(__dirname, '..', '..');
const nlsFile = (locale: string): string => (locale === 'en' ? 'package.nls.json' : `package.nls.${locale}.json`);
// The manifest as VS Code shows it in a locale: each %key% replaced from that locale's package.nls file (any string, media paths too).
const manifestIn = (locale: string) => {
  const nls = JSON.parse(readFileSync(join(ROOT, nlsFile(locale)), 'utf8')) as Record<string, string>;
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'), (_key, v: unknown) =>
    typeof v === 'string' && /^%[^%\s]+%$/.test(v) ? (nls[v.slice(1, -1)] ?? v) : v,
  );
};
const manifest = manifestIn('en');
const walkthroughIn = (m: typeof manifest) => m.contributes.walkthroughs?.find((w: { id: string }) => w.id === 'okg.gettingStarted');
const walkthrough = walkthroughIn(manifest);
const LOCALES = ['en', 'zh-cn'];

interface Step {
  id: string;
  description: string;
  media?: { markdown?: string };
  completionEvents?: string[];
}

const steps = (): Step[] => walkthrough?.steps ?? [];
const pageOf = (locale: string, id: string): string | undefined =>
  (walkthroughIn(manifestIn(locale))?.steps as Step[] | undefined)?.find((s) => s.id === id)?.media?.markdown;
const linkedCommands = (text: string): string[] => [...text.matchAll(/\(command:([^)?\s]+)/g)].map((m) => m[1]);
const completingCommands = (step: Step): string[] => (step.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice(10));

test('the walkthrough okg.gettingStarted is contributed and walks from connecting to applying', () => {
  assert.ok(walkthrough, 'package.json contributes no walkthrough with id okg.gettingStarted');
  assert.deepEqual(
    steps().map((s) => s.id),
    ['connect', 'sandbox', 'filter', 'run', 'patch', 'apply', 'legend'],
  );
});

test('every step has a button, a markdown page that exists and the events that complete it', () => {
  for (const step of steps()) {
    assert.ok(linkedCommands(step.description).length > 0, `step ${step.id} has no command button`);
    assert.ok((step.completionEvents ?? []).length > 0, `step ${step.id} has no completionEvents: it would be done when merely selected`);
  }
});

test('a step completes on a command only when that command asks nothing: ticking re-renders the walkthrough, which closes an open picker', () => {
  // Seen in the real VS Code: Select Context and Namespaces, Run Filter and Apply Patch to Matches,
  // clicked on the walkthrough, opened their picker and lost it at once to the step being ticked.
  const asksNothing = new Set(['okg.newFilter', 'okg.newPatch']);
  for (const step of steps()) {
    const asking = completingCommands(step).filter((c) => !asksNothing.has(c));
    assert.deepEqual(
      asking,
      [],
      `step ${step.id} completes on ${asking.join(', ')}, whose picker would close as the step ticks: complete on a context key instead`,
    );
  }
});

test('every step has its own markdown page in each locale, inside client/media/, which the .vsix holds', () => {
  for (const locale of LOCALES) {
    const pages = steps().map((step) => pageOf(locale, step.id));
    for (const [i, page] of pages.entries()) {
      const id = steps()[i].id;
      assert.ok(page && !page.includes('%'), `step ${id}: ${nlsFile(locale)} gives no markdown page (${page})`);
      assert.ok(existsSync(join(ROOT, page)), `step ${id}: its ${locale} markdown page ${page} does not exist`);
      assert.ok(page.startsWith('client/media/'), `step ${id}: ${page} is outside client/media/, which the .vsix holds`);
    }
    assert.equal(new Set(pages).size, pages.length, `${locale}: two steps share a markdown page: ${pages.join(', ')}`);
  }
  const zh = steps().map((s) => pageOf('zh-cn', s.id) ?? '');
  const english = zh.filter((page) => !/[\u4e00-\u9fff]/.test(readFileSync(join(ROOT, page), 'utf8')));
  assert.deepEqual(english, [], 'zh-cn walkthrough pages with no Chinese in them');
});

test('every OKG command the walkthrough and the view welcome link to, or complete on, is contributed', () => {
  const contributed = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
  const used = [
    ...steps().flatMap((s) => [...linkedCommands(s.description), ...completingCommands(s)]),
    ...manifest.contributes.viewsWelcome.flatMap((w: { contents: string }) => linkedCommands(w.contents)),
  ];
  const missing = [...new Set(used)].filter((c) => c.startsWith('okg.') && c !== 'okg.gameServers.focus' && !contributed.has(c));
  assert.deepEqual(missing, [], 'linked but not contributed');
  for (const c of ['okg.newFilter', 'okg.newPatch', 'okg.getStarted']) assert.ok(used.includes(c), `nothing links to ${c}`);
});

test('the view welcome offers Get Started before anything is loaded and when there is nothing to show', () => {
  const entry = manifest.contributes.viewsWelcome.find((w: { contents: string }) => linkedCommands(w.contents).includes('okg.getStarted'));
  assert.ok(entry, 'no welcome content links to okg.getStarted');
  for (const state of ['!okg.clusterState', 'okg.clusterState == noKubeconfig', 'okg.clusterState == empty']) {
    assert.ok(entry.when.includes(state), `the Get Started welcome is not shown for ${state}: ${entry.when}`);
  }
});

test('a set tooltip spells out the row: each number of current/ready/desired, named, in the row order', () => {
  const set = gss('default', 'arena', 9, 3);
  (set.status as Record<string, unknown>).currentReplicas = 7;
  assert.equal(setDescription(set), '7/3/9', 'fixture: the row');
  const tip = setTooltip(set, 'arena', 'default');
  assert.ok(tip.includes('Replicas `7/3/9`: 7 current · 3 ready · 9 desired'), `the tooltip does not name the row's numbers:\n${tip}`);
});

for (const locale of LOCALES) {
  test(`the ${locale} legend shows set and GameServer rows exactly as the view writes them in ${locale}`, () => {
    const page = pageOf(locale, 'legend') ?? '';
    const legend = readFileSync(join(ROOT, page), 'utf8');
    const arena = gss('default', 'arena', 20, 10);
    useLocale(locale);
    try {
      const examples = [
        `arena   ${setDescription(arena)}\``,
        `arena   ${setDescription(arena, 3)}\``,
        `arena-4   ${gameServerDescription(gs('default', 'arena-4'))}\``,
        `arena-7   ${gameServerDescription(gs('default', 'arena-7', { state: 'NotReady', opsState: 'Maintaining', dp: '5', up: '2' }))}\``,
      ];
      for (const row of examples) assert.ok(legend.includes(row), `${page} has no row reading \`${row}; the view writes it so now`);
    } finally {
      useLocale('en');
    }
  });
}
