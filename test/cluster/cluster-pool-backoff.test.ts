// The bounded pool (one outcome per item, never more in flight than asked, cancellation) and
// the backoff (growth, cap, jitter bounds, abortable sleep).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runPool } from '../../client/src/cluster/pool';
import { Backoff, sleep } from '../../client/src/cluster/retry';

describe('pool', () => {
  it('keeps at most `concurrency` in flight and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const items = Array.from({ length: 25 }, (_, i) => i);
    const out = await runPool(
      items,
      4,
      async (i) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, (i * 7) % 5));
        inFlight--;
        return i * 2;
      },
      () => -1,
    );
    assert.deepEqual(
      out,
      items.map((i) => i * 2),
      'results in input order',
    );
    assert.equal(peak, 4, 'exactly 4 in flight at the peak');
  });

  it('after abort, items not started get the not-started outcome, each once', async () => {
    const ctrl = new AbortController();
    const started: number[] = [];
    const out = await runPool(
      Array.from({ length: 10 }, (_, i) => i),
      2,
      async (i) => {
        started.push(i);
        if (i === 2) ctrl.abort();
        await new Promise((r) => setTimeout(r, 5));
        return 'ran';
      },
      () => 'skipped',
      ctrl.signal,
    );
    assert.equal(out.length, 10, 'one outcome per item');
    assert.deepEqual(
      out.map((o, i) => (o === 'ran') === started.includes(i)),
      Array(10).fill(true),
      'ran exactly the started ones',
    );
    assert.ok(started.length <= 4, `few started after the abort (${started.length})`);
  });

  it('an empty list gives an empty result', async () => {
    assert.deepEqual(
      await runPool(
        [],
        8,
        async () => 1,
        () => 0,
      ),
      [],
    );
  });
});

describe('backoff', () => {
  it('doubles up to the cap, with the delay between half and all of the ceiling', () => {
    const lo = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0 });
    const hi = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0.999999 });
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map(() => lo.next()),
      [50, 100, 200, 400, 500, 500],
      'lower bounds',
    );
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map(() => hi.next()),
      [100, 200, 400, 800, 1000, 1000],
      'upper bounds',
    );
    hi.reset();
    assert.equal(hi.next(), 100, 'reset starts over');
  });

  it('sleep ends early with false when aborted', async () => {
    const ctrl = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ctrl.abort(), 20);
    assert.equal(await sleep(5000, ctrl.signal), false, 'aborted sleep says false');
    assert.ok(Date.now() - t0 < 1000, 'and returns early');
    assert.equal(await sleep(1), true, 'a full sleep says true');
  });
});
