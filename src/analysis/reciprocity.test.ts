import { describe, expect, it } from 'vitest';
import { reciprocity, reciprocityFromAggregates } from './reciprocity.js';
import { toDyadDays } from './dyad-grid.js';
import type { DyadDay, Move } from './move.js';
import { mv } from './test-support/moves.js';

/*
 * Window 2018-06-04 (Mon) .. 2018-06-24 (Sun): three ISO weeks
 *   W1 06-04..06-10, W2 06-11..06-17, W3 06-18..06-24.
 * A = USA, B = PRK at country level.
 */
const moves: Move[] = [
  mv('2018-06-04', 'USAGOV', 'PRK', '036', 4, 1, 'verified', 'a1'),
  mv('2018-06-05', 'USA', 'PRKGOV', '087', 9, 2, 'observed', 'a2'), // yield
  mv('2018-06-12', 'USAGOV', 'PRKGOV', '163', -8, 4, 'verified', 'a3'),
  mv('2018-06-13', 'USA', 'PRK', '112', -2, 3, 'claimed', 'a4'),
  mv('2018-06-20', 'USA', 'PRK', '0354', 7, 1, 'claimed', 'a5'), // intent to yield
  mv('2018-06-22', 'USAGOV', 'PRK', '081', 5, 2, 'claimed', 'a6'), // yield
  mv('2018-06-06', 'PRKGOV', 'USAGOV', '0841', 7, 2, 'verified', 'b1'), // yield
  mv('2018-06-13', 'PRK', 'USA', '0355', 7, 1, 'claimed', 'b2'), // intent to yield
  mv('2018-06-14', 'PRKMIL', 'USA', '138', -7, 3, 'observed', 'b3'),
  mv('2018-06-21', 'PRK', 'USA', '0862', 9, 2, 'claimed', 'b4'), // yield
  // Not counted: a third party, a move inside one side, two moves outside the window.
  mv('2018-06-07', 'KORGOV', 'PRKGOV', '043', 2.8, 1, 'verified', 'x1'),
  mv('2018-06-08', 'USAGOV', 'USAMIL', '010', 0, 1, 'verified', 'x2'),
  mv('2018-06-25', 'PRK', 'USA', '0841', 7, 2, 'verified', 'x3'),
  mv('2018-06-03', 'USA', 'PRK', '163', -8, 4, 'verified', 'x4'),
];
const dyad = { a: 'USA', b: 'PRK' } as const;
const window = { from: '2018-06-04', to: '2018-06-24' };

describe('reciprocity: sums', () => {
  const r = reciprocity(moves, dyad, window);

  it('splits A→B by quad class, material/verbal, cooperation/conflict', () => {
    // q1: a1 4 + a5 7 = 11 (2 moves); q2: a2 9 + a6 5 = 14 (2); q3: a4 −2 (1); q4: a3 −8 (1)
    expect(r.aToB.sums.byQuad).toEqual([
      { quadClass: 1, net: 11, cooperation: 11, conflict: 0, count: 2 },
      { quadClass: 2, net: 14, cooperation: 14, conflict: 0, count: 2 },
      { quadClass: 3, net: -2, cooperation: 0, conflict: -2, count: 1 },
      { quadClass: 4, net: -8, cooperation: 0, conflict: -8, count: 1 },
    ]);
    // total 11 + 14 − 2 − 8 = 15; cooperation 25, conflict −10
    expect(r.aToB.sums.total).toEqual({ net: 15, cooperation: 25, conflict: -10, count: 6 });
    // material = q2 + q4: 14 − 8 = 6; verbal = q1 + q3: 11 − 2 = 9
    expect(r.aToB.sums.material).toEqual({ net: 6, cooperation: 14, conflict: -8, count: 3 });
    expect(r.aToB.sums.verbal).toEqual({ net: 9, cooperation: 11, conflict: -2, count: 3 });
  });

  it('splits B→A the same way and ignores third parties, same-side moves and out-of-window moves', () => {
    // q1: b2 7; q2: b1 7 + b4 9 = 16; q3: b3 −7; q4: none
    expect(r.bToA.sums.total).toEqual({ net: 16, cooperation: 23, conflict: -7, count: 4 });
    expect(r.bToA.sums.material).toEqual({ net: 16, cooperation: 16, conflict: 0, count: 2 });
    expect(r.bToA.sums.verbal).toEqual({ net: 0, cooperation: 7, conflict: -7, count: 2 });
    expect(r.aToB.from).toBe('USA');
    expect(r.bToA.from).toBe('PRK');
  });

  it('computes the functional and verbal reciprocity ratios', () => {
    // FR_A = B→A quad-2 cooperation / A→B quad-2 cooperation = 16 / 14
    expect(r.ratios.a.functional).toMatchObject({ value: 16 / 14, received: 16, given: 14, reason: null });
    // the moves behind it: a2, a6 given; b1, b4 received, each on its own day
    expect(r.ratios.a.functional).toMatchObject({ givenMoves: 2, receivedMoves: 2, givenDays: 2, receivedDays: 2 });
    // verbal_A = 7 / 11
    expect(r.ratios.a.verbal.value).toBe(7 / 11);
    // FR_B = 14 / 16 = 0.875; verbal_B = 11 / 7
    expect(r.ratios.b.functional.value).toBe(0.875);
    expect(r.ratios.b.verbal.value).toBe(11 / 7);
  });

  it('gives a null ratio with a reason when the denominator is 0', () => {
    const onlyB = reciprocity(
      moves.filter((m) => m.sourceCode.startsWith('PRK')),
      dyad,
      window,
    );
    expect(onlyB.ratios.a.functional.value).toBeNull();
    expect(onlyB.ratios.a.functional.reason).toMatch(/USA gave no material cooperation/);
    // B gave 16, got 0
    expect(onlyB.ratios.b.functional).toMatchObject({ value: 0, received: 0, given: 16, reason: null });
  });

  it('reads a dyad at role level', () => {
    const roles = reciprocity(moves, { a: 'USAGOV', b: 'PRKGOV', level: 'role' }, window);
    // USAGOV→PRKGOV: a3 only (a1, a6 target bare PRK); PRKGOV→USAGOV: b1 only
    expect(roles.aToB.sums.total).toEqual({ net: -8, cooperation: 0, conflict: -8, count: 1 });
    expect(roles.bToA.sums.total).toEqual({ net: 7, cooperation: 7, conflict: 0, count: 1 });
    expect(roles.dyad).toEqual({ a: ['USAGOV'], b: ['PRKGOV'], level: 'role' });
  });

  it('reduces side patterns to parties at country level', () => {
    const r2 = reciprocity(moves, { a: 'USAGOV', b: ['PRKMIL'] }, window);
    expect(r2.dyad).toEqual({ a: ['USA'], b: ['PRK'], level: 'country' });
    expect(r2.aToB.sums).toEqual(r.aToB.sums);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('reciprocity: concessions', () => {
  it('counts yields and intents apart, weighted by verification', () => {
    const r = reciprocity(moves, dyad, window);
    // A yields: a2 (observed 0.5, g 9), a6 (claimed 0.25, g 5): weighted 0.75, g×w 4.5 + 1.25 = 5.75
    expect(r.aToB.concessions!.tally.yields).toEqual({
      count: 2,
      weighted: 0.75,
      goldsteinWeighted: 5.75,
      byVerification: { verified: 0, observed: 1, claimed: 1 },
    });
    // A intents: a5 (claimed, g 7): 0.25, 1.75
    expect(r.aToB.concessions!.tally.intentsToYield).toEqual({
      count: 1,
      weighted: 0.25,
      goldsteinWeighted: 1.75,
      byVerification: { verified: 0, observed: 0, claimed: 1 },
    });
    // B yields: b1 (verified 1, g 7), b4 (claimed 0.25, g 9): 1.25, 7 + 2.25 = 9.25
    expect(r.bToA.concessions!.tally.yields.weighted).toBe(1.25);
    expect(r.bToA.concessions!.tally.yields.goldsteinWeighted).toBe(9.25);
  });

  it('takes settable verification weights', () => {
    const r = reciprocity(moves, dyad, { ...window, verificationWeights: { claimed: 0 } });
    // a2 0.5 + a6 0 = 0.5
    expect(r.aToB.concessions!.tally.yields.weighted).toBe(0.5);
    expect(r.settings.verificationWeights).toEqual({ verified: 1, observed: 0.5, claimed: 0 });
  });

  it('lists concessions with no material cooperation back within k = 30 days', () => {
    const r = reciprocity(moves, dyad, window);
    // B→A quad-2 days: 06-06, 06-21. a2 (06-05) answered by b1 06-06; a5 (06-20) by b4 06-21;
    // a6 (06-22): nothing in 06-22..06-24, and its 30 days run to 07-22, after the window: open.
    expect(r.aToB.concessions!.answered).toBe(2);
    expect(r.aToB.concessions!.unanswered).toEqual([
      {
        id: 'a6',
        date: '2018-06-22',
        code: '081',
        kind: 'yield',
        summary: 'move a6',
        verification: 'claimed',
        weight: 0.25,
        answerBy: '2018-07-22',
        open: true,
      },
    ]);
    expect(r.aToB.concessions!.unansweredOpen).toBe(1);
    // A→B quad-2 days: 06-05, 06-22. b1 (06-06), b2 (06-13), b4 (06-21) all see 06-22 within 30 days.
    expect(r.bToA.concessions!.answered).toBe(3);
    expect(r.bToA.concessions!.unanswered).toEqual([]);
  });

  it('closes the answer window after k days (k = 5)', () => {
    const r = reciprocity(moves, dyad, { ...window, answerWithinDays: 5 });
    // b1 06-06: A quad 2 in 06-06..06-11? no (06-05 is before) → unanswered, closed on 06-11
    // b2 06-13: 06-13..06-18? no → unanswered, closed on 06-18
    // b4 06-21: 06-21..06-26 has 06-22 → answered
    const c = r.bToA.concessions!;
    expect(c.unanswered.map((u) => [u.id, u.answerBy, u.open, u.kind])).toEqual([
      ['b1', '2018-06-11', false, 'yield'],
      ['b2', '2018-06-18', false, 'intent to yield'],
    ]);
    expect([c.answered, c.unansweredClosed, c.unansweredOpen]).toEqual([1, 2, 0]);
  });

  it('counts a same-day answer', () => {
    const r = reciprocity(
      [mv('2018-06-05', 'USA', 'PRK', '087', 9, 2, 'verified', 'y'), mv('2018-06-05', 'PRK', 'USA', '0841', 7, 2)],
      dyad,
      window,
    );
    expect(r.aToB.concessions!.answered).toBe(1);
  });
});

describe('reciprocity: weekly series and responses', () => {
  const r = reciprocity(moves, dyad, window);

  it('bins net Goldstein by ISO week', () => {
    expect(r.weekly.binDays).toBe(7);
    expect(r.weekly.weekStarts).toEqual(['2018-06-04', '2018-06-11', '2018-06-18']);
    expect(r.weekly.daysInWindow).toEqual([7, 7, 7]);
    // A→B: W1 a1 4 + a2 9 = 13; W2 a3 −8 + a4 −2 = −10; W3 a5 7 + a6 5 = 12
    expect(r.weekly.aToB).toEqual({
      net: [13, -10, 12],
      cooperation: [13, 0, 12],
      conflict: [0, -10, 0],
      count: [2, 2, 2],
    });
    // B→A: W1 b1 7; W2 b2 7 + b3 −7 = 0; W3 b4 9
    expect(r.weekly.bToA).toEqual({ net: [7, 0, 9], cooperation: [7, 7, 9], conflict: [0, -7, 0], count: [1, 2, 1] });
  });

  it('correlates the weekly series at lag 0 and gives reasons for the rest', () => {
    // x = [13, −10, 12], mean 5, dx = [8, −15, 7]; y = [7, 0, 9], mean 16/3
    // Σdx·dy = Σx·y − n·x̄·ȳ = (91 + 0 + 108) − 3·5·16/3 = 199 − 80 = 119
    // Σdx² = 64 + 225 + 49 = 338; Σdy² = 130 − 3·(16/3)² = 134/3
    // r₀ = 119 / √(338 · 134/3) ≈ 0.9685
    const lags = r.responses.ofB.crossCorrelation.lags;
    expect(lags).toHaveLength(5);
    expect(lags[0]!.n).toBe(3);
    expect(lags[0]!.r).toBeCloseTo(119 / Math.sqrt((338 * 134) / 3), 12);
    expect(lags[1]).toEqual({ lag: 1, n: 2, r: null, reason: 'only 2 pair(s); at least 3 are needed' });
    expect(lags[4]!.n).toBe(0);
  });

  it('keeps a decayed balance of net given minus got', () => {
    // half-life 1 week → λ = 0.5; differences A→B − B→A: [13 − 7, −10 − 0, 12 − 9] = [6, −10, 3]
    // Bal = [6, 0.5·6 − 10 = −7, 0.5·(−7) + 3 = −0.5]
    const b = reciprocity(moves, dyad, { ...window, halfLifeWeeks: 1 }).balance;
    expect(b).toEqual({ halfLifeBins: 1, lambda: 0.5, balance: [6, -7, -0.5], last: -0.5 });
    expect(r.balance.halfLifeBins).toBe(8);
  });

  it('refuses the regression on 3 weeks, with the reason', () => {
    expect(r.responses.ofB.regression.fit).toBeNull();
    expect(r.responses.ofB.regression.reason).toMatch(/only 2 lagged observation/);
  });

  it('counts tit-for-tat matches, forgiving and exploited bins', () => {
    // B after A: (A W1 13, B W2 0) skipped; (A W2 −10, B W3 9): forgiving
    expect(r.responses.ofB.titForTat).toEqual({
      considered: 1,
      matches: 0,
      matchRate: 0,
      forgiving: 1,
      exploited: 0,
      reason: null,
    });
    // A after B: (B W1 7, A W2 −10): exploited; (B W2 0, …) skipped
    expect(r.responses.ofA.titForTat).toEqual({
      considered: 1,
      matches: 0,
      matchRate: 0,
      forgiving: 0,
      exploited: 1,
      reason: null,
    });
    expect(r.responses.ofA.leader).toBe('PRK');
  });
});

describe('reciprocity: moves and daily aggregates agree', () => {
  const strip = (x: ReturnType<typeof reciprocity>) => ({ ...x, source: undefined });

  it('gives identical results from the rows the store would keep', () => {
    const fromMoves = reciprocity(moves, dyad, window);
    const fromDays = reciprocityFromAggregates(toDyadDays(moves), dyad, { ...window, concessionMoves: moves });
    expect(fromDays.source).toBe('aggregates');
    expect(strip(fromDays)).toEqual(strip(fromMoves));
  });

  it('gives identical results from hand-built aggregates, several moves to a cell', () => {
    const m2: Move[] = [
      mv('2018-06-05', 'USAGOV', 'PRK', '042', 1.5, 1),
      mv('2018-06-05', 'USAGOV', 'PRK', '112', -2, 3),
      mv('2018-06-05', 'USAMIL', 'PRK', '036', 4, 1),
      mv('2018-06-19', 'PRK', 'USA', '0841', 7, 2),
      mv('2018-06-19', 'PRK', 'USA', '130', -4.5, 3),
    ];
    // One row per (day, source, target, quad), as the store's GROUP BY would give.
    const rows: DyadDay[] = [
      {
        day: '2018-06-05',
        source: 'USAGOV',
        target: 'PRK',
        quadClass: 1,
        count: 1,
        goldsteinSum: 1.5,
        positiveSum: 1.5,
        negativeSum: 0,
      },
      {
        day: '2018-06-05',
        source: 'USAGOV',
        target: 'PRK',
        quadClass: 3,
        count: 1,
        goldsteinSum: -2,
        positiveSum: 0,
        negativeSum: -2,
      },
      {
        day: '2018-06-05',
        source: 'USAMIL',
        target: 'PRK',
        quadClass: 1,
        count: 1,
        goldsteinSum: 4,
        positiveSum: 4,
        negativeSum: 0,
      },
      {
        day: '2018-06-19',
        source: 'PRK',
        target: 'USA',
        quadClass: 2,
        count: 1,
        goldsteinSum: 7,
        positiveSum: 7,
        negativeSum: 0,
      },
      {
        day: '2018-06-19',
        source: 'PRK',
        target: 'USA',
        quadClass: 3,
        count: 1,
        goldsteinSum: -4.5,
        positiveSum: 0,
        negativeSum: -4.5,
      },
    ];
    const a = reciprocity(m2, dyad, window);
    const b = reciprocityFromAggregates(rows, dyad, window);
    expect(b.aToB.sums).toEqual(a.aToB.sums);
    expect(b.bToA.sums).toEqual(a.bToA.sums);
    expect(b.ratios).toEqual(a.ratios);
    expect(b.weekly).toEqual(a.weekly);
    expect(b.responses).toEqual(a.responses);
    // A→B W1 net: 1.5 − 2 + 4 = 3.5; B→A W3: 7 − 4.5 = 2.5
    expect(b.weekly.aToB.net).toEqual([3.5, 0, 0]);
    expect(b.weekly.bToA.net).toEqual([0, 0, 2.5]);
    // Without concession moves the aggregate path says why concessions are missing.
    expect(b.aToB.concessions).toBeNull();
    expect(b.concessionsReason).toMatch(/no event codes/);
  });
});

describe('reciprocity: options', () => {
  it('rejects a window that ends before it starts, and bad k', () => {
    expect(() => reciprocity(moves, dyad, { from: '2018-06-10', to: '2018-06-01' })).toThrow(/before it starts/);
    expect(() => reciprocity(moves, dyad, { ...window, answerWithinDays: -1 })).toThrow(/answerWithinDays/);
  });

  it('leaves out rows with a bad quad class or a non-finite weight, and counts them', () => {
    const bad = [
      ...moves,
      mv('2018-06-10', 'USA', 'PRK', '042', Number.NaN, 1),
      { ...mv('2018-06-11', 'USA', 'PRK', '042', 2, 1), quadClass: 0 as 1 },
    ];
    const r = reciprocity(bad, dyad, window);
    expect(r.window.invalidRows).toBe(2);
    expect(r.aToB.sums).toEqual(reciprocity(moves, dyad, window).aToB.sums);
  });

  it('counts aggregate rows with string numbers (unconverted pg output) as invalid', () => {
    const row = {
      day: '2018-06-05',
      source: 'USA',
      target: 'PRK',
      quadClass: 1,
      count: '2',
      goldsteinSum: '3',
      positiveSum: '3',
      negativeSum: '0',
    };
    const r = reciprocityFromAggregates([row as unknown as DyadDay], dyad, window);
    expect(r.window.invalidRows).toBe(1);
    expect(r.aToB.sums.total.count).toBe(0);
  });

  it('accepts any iterable, read once', () => {
    function* gen(): Generator<Move> {
      yield* moves;
    }
    expect(reciprocity(gen(), dyad, window)).toEqual(reciprocity(moves, dyad, window));
  });
});
