// The fleet overview webview: draws the counts the extension posts (client/src/overview/overview-message.ts)
// as stacked horizontal bars, one per dimension, for the whole fleet, each namespace and each set.
// Plain DOM, no library; colours are VS Code theme variables, set through CSSOM (the CSP allows no inline style).
(function () {
  const vscode = acquireVsCodeApi();
  const DIMENSIONS = ['state', 'opsState', 'networkState'];

  /** Colours by value; a value not listed (a custom opsState, a future state) gets OTHER. */
  const COLOURS = {
    state: {
      Ready: 'charts-green',
      NotReady: 'charts-red',
      Creating: 'charts-blue',
      Updating: 'charts-purple',
      PreUpdate: 'charts-purple',
      PreDelete: 'charts-orange',
      Deleting: 'charts-orange',
      Crash: 'errorForeground',
      Unknown: 'disabledForeground',
      none: 'disabledForeground',
    },
    opsState: {
      None: 'charts-green',
      Allocated: 'charts-blue',
      Maintaining: 'charts-purple',
      WaitToBeDeleted: 'charts-orange',
      Kill: 'charts-red',
    },
    networkState: { Ready: 'charts-green', Waiting: 'charts-yellow', NotReady: 'charts-red', none: 'disabledForeground' },
  };
  const OTHER = 'charts-yellow';
  /** Legend and segment order: the listed values first, in the order above, then others by name. */
  const order = (dim, values) => {
    const known = Object.keys(COLOURS[dim]);
    const rank = (v) => (known.includes(v) ? known.indexOf(v) : known.length);
    return values.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  };
  const colour = (dim, value) => `var(--vscode-${COLOURS[dim][value] ?? OTHER})`;

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const plural = (words, n) => (n === 1 ? words.one : words.many.replace('{0}', String(n)));

  /** One stacked bar: a segment per value, as wide as its share, its count inside when it fits. */
  function bar(dim, counts, total, words) {
    const row = el('div', 'bar-row');
    row.append(el('span', 'bar-label', words[dim]));
    const track = el('div', 'bar');
    track.setAttribute('role', 'img');
    const values = order(dim, Object.keys(counts));
    track.setAttribute('aria-label', `${words[dim]}: ${values.map((v) => `${v} ${counts[v]}`).join(', ')}`);
    for (const v of values) {
      const seg = el('div', 'segment');
      seg.style.flexGrow = String(counts[v]);
      seg.style.background = colour(dim, v);
      seg.title = `${words[dim]} ${v}: ${counts[v]} / ${total}`;
      seg.dataset.dimension = dim;
      seg.dataset.value = v;
      seg.dataset.count = String(counts[v]);
      if (counts[v] / total >= 0.08) seg.append(el('span', 'segment-count', String(counts[v])));
      track.append(seg);
    }
    row.append(track);
    return row;
  }

  function legend(dim, counts) {
    const list = el('ul', 'legend');
    for (const v of order(dim, Object.keys(counts))) {
      const item = el('li');
      const swatch = el('span', 'swatch');
      swatch.style.background = colour(dim, v);
      item.append(swatch, el('span', undefined, `${v} ${counts[v]}`));
      list.append(item);
    }
    return list;
  }

  function block(title, total, counts, words, withLegend, cls) {
    const section = el('section', cls);
    const head = el('h3');
    head.append(el('span', 'name', title), el('span', 'total', plural(words, total)));
    section.append(head);
    for (const dim of DIMENSIONS) {
      section.append(bar(dim, counts[dim], total, words));
      if (withLegend) section.append(legend(dim, counts[dim]));
    }
    return section;
  }

  /** Sums counts of several sets: O(sets × values). */
  function sum(sets) {
    const out = { state: {}, opsState: {}, networkState: {} };
    for (const s of sets) for (const dim of DIMENSIONS) for (const [v, n] of Object.entries(s.counts[dim])) out[dim][v] = (out[dim][v] ?? 0) + n;
    return out;
  }

  function draw(m) {
    document.getElementById('scope').textContent = m.scope;
    const stale = document.getElementById('stale');
    stale.hidden = !m.stale && !m.error;
    stale.textContent = m.stale ?? m.error ?? '';
    const main = document.getElementById('overview');
    main.dataset.total = String(m.snapshot.total);
    const parts = [];
    if (m.snapshot.total === 0) parts.push(el('p', 'empty', m.loading ? m.words.connecting : m.words.empty));
    else {
      const all = m.snapshot.namespaces.flatMap((n) => n.sets);
      parts.push(block(m.words.fleet, m.snapshot.total, sum(all), m.words, true, 'fleet'));
      for (const ns of m.snapshot.namespaces) {
        const nsBlock = block(ns.namespace, ns.total, sum(ns.sets), m.words, false, 'namespace');
        nsBlock.dataset.namespace = ns.namespace;
        for (const s of ns.sets) {
          const setBlock = block(s.set || m.words.noSet, s.total, s.counts, m.words, false, 'set');
          setBlock.dataset.set = `${ns.namespace}/${s.set}`;
          nsBlock.append(setBlock);
        }
        parts.push(nsBlock);
      }
    }
    main.replaceChildren(...parts);
  }

  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'counts') draw(e.data);
  });
  vscode.postMessage({ type: 'ready' });
})();
